import type { Json, QueryLanguage } from '@dlc/dsl'
import type { AslObject } from './types.js'

/** How one ASL key gets its value from an IR node: a field of the same meaning, or a function. */
export type Source<T> = keyof T | ((node: T, inherited: QueryLanguage | undefined) => Json | undefined)

/**
 * An ASL object's keys, in the order they are printed, each with where its value comes from.
 * Every emitter writes its key order as one such table, so the order is visible in one place;
 * the tables are built once, so emitting a state allocates nothing but the state itself.
 */
export type Layout<T> = readonly (readonly [key: string, source: Source<T>])[]

/** Builds the object a layout describes; an `undefined` value means "absent" and its key is skipped. */
export function emitLayout<T>(node: T, layout: Layout<T>, inherited?: QueryLanguage): AslObject {
  const out: AslObject = {}
  for (const [key, source] of layout) {
    const value = typeof source === 'function' ? source(node, inherited) : (node[source] as Json | undefined)
    if (value !== undefined) out[key] = value
  }
  return out
}
