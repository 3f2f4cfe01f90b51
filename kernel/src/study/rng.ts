/**
 * The seedable random number generator of every sampler: xoshiro128** (Blackman and Vigna, 2018),
 * seeded through SplitMix32 so that any integer seed gives a well-mixed state. Doubles take 53
 * random bits from two outputs. Never `Math.random`: the same seed gives the same sequence on every
 * platform, which the sampler tests assert.
 */

/** A seeded stream of random numbers. */
export class Rng {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;

  /**
   * @param seed - any finite number (its integer part modulo 2^32 is used); absent: a seed drawn
   *   from the clock and process id, so unseeded samplers differ between runs
   */
  constructor(seed?: number) {
    this.seed(seed ?? (Date.now() ^ (process.pid << 16) ^ Math.floor(performance.now() * 1000)));
  }

  /** Restarts the stream from `seed`. */
  seed(seed: number): void {
    let x = Math.trunc(seed) >>> 0;
    const next = (): number => {
      // SplitMix32 (a 32-bit variant of Steele, Lea and Flood's SplitMix).
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** The next 32 random bits as an unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (this.s1 << 9) >>> 0;
    this.s2 = (this.s2 ^ this.s0) >>> 0;
    this.s3 = (this.s3 ^ this.s1) >>> 0;
    this.s1 = (this.s1 ^ this.s2) >>> 0;
    this.s0 = (this.s0 ^ this.s3) >>> 0;
    this.s2 = (this.s2 ^ t) >>> 0;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** A uniform double in [0, 1) with 53 random bits. */
  random(): number {
    const hi = this.nextUint32() >>> 5; // 27 bits
    const lo = this.nextUint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  }

  /** A uniform double in [low, high). */
  uniform(low: number, high: number): number {
    return low + (high - low) * this.random();
  }

  /** A uniform integer in [0, n) without modulo bias. */
  int(n: number): number {
    if (n <= 1) return 0;
    if (n <= 0x100000000) {
      const limit = Math.floor(0x100000000 / n) * n;
      for (;;) {
        const x = this.nextUint32();
        if (x < limit) return x % n;
      }
    }
    return Math.floor(this.random() * n);
  }

  /** A standard normal variate (Box-Muller; the second value of each pair is discarded). */
  normal(): number {
    const u1 = 1 - this.random();
    const u2 = this.random();
    return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
  }

  /** An index drawn with the given probabilities (which sum to 1). */
  choice(probabilities: readonly number[]): number {
    const u = this.random();
    let cumulative = 0;
    for (let i = 0; i < probabilities.length; i++) {
      cumulative += probabilities[i];
      if (u < cumulative) return i;
    }
    return probabilities.length - 1;
  }

  /** Shuffles `items` in place (Fisher-Yates) and returns it. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
