/**
 * Float32Arrays kept for reuse, by length. The native kernel's cache (~10 MB a layer a batch for the
 * seed's first LSTM) and outputs would otherwise be new arrays every call, and collecting them cost a
 * fifth of an epoch. Bounded: at most `perLength` arrays of one length and `maxBytes` in all.
 */
export class BufferPool {
  private readonly free = new Map<number, Float32Array[]>();
  private bytes = 0;

  constructor(
    private readonly perLength = 8,
    private readonly maxBytes = 512 * 1024 * 1024,
  ) {}

  /** A free array of `length` values (its contents are stale), or a new one. */
  take(length: number): Float32Array {
    const array = this.free.get(length)?.pop();
    if (array === undefined) {
      return new Float32Array(length);
    }
    this.bytes -= array.byteLength;
    return array;
  }

  /** Returns `array` for reuse; its holder must not read or write it after this. */
  give(array: Float32Array): void {
    const list = this.free.get(array.length) ?? [];
    if (list.length >= this.perLength || this.bytes + array.byteLength > this.maxBytes) {
      return;
    }
    list.push(array);
    this.free.set(array.length, list);
    this.bytes += array.byteLength;
  }

  /** Bytes held for reuse. */
  get heldBytes(): number {
    return this.bytes;
  }
}
