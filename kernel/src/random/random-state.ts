/**
 * numpy's legacy `RandomState` (MT19937) for the draws scikit-learn and scipy make, so that a seeded
 * search picks the same folds and candidates as the Python original: `KFold(shuffle=True,
 * random_state=0)` and `RandomizedSearchCV(random_state=0)` give the same indices and parameters.
 *
 * Implemented from the Mersenne Twister reference (Matsumoto & Nishimura) and numpy's documented
 * legacy algorithms: 53-bit doubles from two 32-bit draws, bounded integers by masked rejection.
 */
import { InvalidArgumentError } from '../errors';

const N = 624;
const M = 397;

export class RandomState {
  private readonly mt = new Uint32Array(N);
  private index = N;

  /** @param seed - an integer in [0, 2³² − 1], as numpy requires. */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new InvalidArgumentError('randomState', 'must be an integer in [0, 4294967295]', seed);
    }
    this.mt[0] = seed >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = this.mt[i - 1] ^ (this.mt[i - 1] >>> 30);
      this.mt[i] = (Math.imul(1812433253, prev) + i) >>> 0;
    }
  }

  private twist(): void {
    const mt = this.mt;
    for (let i = 0; i < N; i++) {
      const y = (mt[i] & 0x80000000) | (mt[(i + 1) % N] & 0x7fffffff);
      mt[i] = mt[(i + M) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
    }
    this.index = 0;
  }

  /** The next raw 32-bit draw. */
  nextUint32(): number {
    if (this.index >= N) this.twist();
    let y = this.mt[this.index++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** numpy `random_sample()`: a double in [0, 1) with 53 random bits. */
  randomSample(): number {
    const a = this.nextUint32() >>> 5;
    const b = this.nextUint32() >>> 6;
    return (a * 67108864 + b) / 9007199254740992;
  }

  /** numpy `uniform(low, high)`. */
  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.randomSample();
  }

  /** A value in [0, max] by numpy's masked rejection (`random_interval`, 32-bit path). */
  interval(max: number): number {
    if (max === 0) return 0;
    if (max > 0xffffffff) {
      throw new InvalidArgumentError('max', 'must be at most 4294967295 (2^32 - 1)', max);
    }
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    let value: number;
    do {
      value = (this.nextUint32() & mask) >>> 0;
    } while (value > max);
    return value;
  }

  /** numpy `randint(low, high)`: an integer in [low, high). */
  randint(low: number, high: number): number {
    if (!Number.isInteger(low) || !Number.isInteger(high) || high <= low) {
      throw new InvalidArgumentError('high', `must be an integer greater than low (${low})`, high);
    }
    return low + this.interval(high - 1 - low);
  }

  /**
   * numpy `choice(len(p), p=p)` for one draw: the first index whose cumulative (normalised)
   * probability exceeds a `random_sample()`.
   */
  choice(probabilities: readonly number[]): number {
    if (probabilities.length === 0) throw new InvalidArgumentError('probabilities', 'must not be empty', probabilities);
    const cdf: number[] = [];
    let total = 0;
    for (const p of probabilities) cdf.push((total += p));
    const u = this.randomSample();
    for (let i = 0; i < cdf.length; i++) {
      if (u < cdf[i] / total) return i;
    }
    return cdf.length - 1;
  }

  /** numpy `shuffle(x)` for a 1-D array, in place (Fisher–Yates from the end). */
  shuffle<T>(values: T[] | Int32Array): void {
    for (let i = values.length - 1; i > 0; i--) {
      const j = this.interval(i);
      const tmp = values[i];
      values[i] = values[j];
      values[j] = tmp;
    }
  }

  /** numpy `permutation(n)`. */
  permutation(n: number): number[] {
    const values = Array.from({ length: n }, (_v, i) => i);
    this.shuffle(values);
    return values;
  }
}

/** scikit-learn's `check_random_state`: a seed, an existing RandomState, or undefined (fresh entropy). */
export function checkRandomState(seed: number | RandomState | undefined): RandomState {
  if (seed instanceof RandomState) return seed;
  if (seed === undefined) return new RandomState(Math.floor(Math.random() * 0xffffffff));
  return new RandomState(seed);
}
