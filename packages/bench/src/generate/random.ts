/**
 * Seeded randomness. Every entity draws from its own stream, seeded from (dataset seed, kind, index),
 * so an entity's attributes are a pure function of its index: a product can look up its manufacturer's
 * sector without the generator keeping any entity in memory, and the output does not depend on order.
 */

/** splitmix32-style finaliser: spreads every input bit over the whole word. */
function mix(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function hash(...parts: number[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) h = mix(h ^ mix(p + 0x7f4a7c15));
  return h;
}

/** sfc32: small, fast, and the same sequence on every platform for a given seed. */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 12; i++) this.nextUint();
  }

  nextUint(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.int(max - min + 1);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(list: readonly T[]): T {
    const item = list[this.int(list.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }

  /**
   * An index in [0, n), heavy-tailed: with probability `hubShare` Zipf-like (P(i) ∝ 1/(i+1)), so the
   * first indices of a range collect tens of thousands of links at 1M entities; otherwise uniform.
   */
  skewed(n: number, hubShare = 0.5): number {
    if (n <= 1) return 0;
    if (!this.chance(hubShare)) return this.int(n);
    const i = Math.floor(Math.exp(this.next() * Math.log(n + 1))) - 1;
    return Math.min(Math.max(i, 0), n - 1);
  }
}

/** The stream of one entity (or of one entity's relationships: pass another salt). */
export function streamFor(seed: number, salt: number, index: number): Random {
  return new Random(hash(seed, salt, index));
}
