/**
 * The first output of mulberry32 for the seed: a fixed number in [0, 1) per seed, for
 * `States.MathRandom` and `$random` with a seed. Repeatable, though not AWS's own numbers.
 */
export function seeded(seed: number): number {
  let t = (seed + 0x6d2b79f5) | 0
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
}
