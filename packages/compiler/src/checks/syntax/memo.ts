import type { StateInfo } from '../context.js'

/**
 * Caches what several rules work out from the same state, for as long as the state's context
 * lives (one validation): the first rule that asks pays, the others read.
 */
export function perState<T>(find: (state: StateInfo) => T): (state: StateInfo) => T {
  const slot = slots++
  return (state) => state.derive(slot, find)
}

/** How many `perState` caches exist: each owns one slot of every StateInfo. */
let slots = 0

/**
 * Caches a parser by the text it reads. Paths, intrinsic calls and JSONata expressions repeat
 * across the states of a machine and across the rules that read them, so each is parsed once;
 * the cache is bounded so a long-lived process does not keep every text it ever saw. Callers
 * must treat what the parser returns as read-only: it is shared.
 */
export function memoByText<T>(parse: (text: string) => T, limit = 10_000): (text: string) => T {
  const results = new Map<string, T>()
  return (text) => {
    let result = results.get(text)
    if (result === undefined) {
      if (results.size >= limit) results.clear()
      result = parse(text)
      results.set(text, result)
    }
    return result
  }
}
