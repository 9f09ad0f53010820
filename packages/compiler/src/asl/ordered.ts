import type { Json } from '@dlc/dsl'
import type { AslObject } from './types.js'

/** A key and its value; `undefined` means "absent" and the key is not emitted. */
export type Entry = readonly [key: string, value: Json | undefined]

/**
 * Builds an object whose keys appear exactly in the order listed, skipping absent values.
 * Every emitter writes its key order as one such list, so the order is visible in one place.
 */
export function ordered(entries: readonly Entry[]): AslObject {
  const out: AslObject = {}
  for (const [key, value] of entries) if (value !== undefined) out[key] = value
  return out
}
