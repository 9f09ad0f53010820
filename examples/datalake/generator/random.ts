/**
 * A seeded pseudo-random source (mulberry32): the same seed always yields the same
 * sequence on every platform, which is what makes a generated batch reproducible.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  /** True with probability `p`. */
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** Puts the items in random order, in place (Fisher–Yates). */
  shuffle<T>(items: { readonly length: number; [index: number]: T }): void
}

/**
 * Creates a mulberry32 generator from a 32-bit seed (other integers are wrapped).
 * @example createRandom(42).int(1, 6) // always the same roll for seed 42
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[int(0, items.length - 1)]
      if (item === undefined) throw new RangeError('cannot pick from an empty list')
      return item
    },
    shuffle<T>(items: { readonly length: number; [index: number]: T }): void {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(0, i)
        const a = items[i] as T
        items[i] = items[j] as T
        items[j] = a
      }
    },
  }
}
