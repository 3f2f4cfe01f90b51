import { InMemoryStorage } from './in-memory';
import { runStorageSuite } from './storage-suite';

runStorageSuite('InMemoryStorage', () => new InMemoryStorage());
