/**
 * A copy of a definition in which every plain object has a null prototype, for the schema and the
 * rules to read instead of the caller's objects.
 *
 * Why: V8 gives each object a hidden class by its keys and their order, so a definition brings
 * dozens of its own, and every validator site that reads `state.Type`, `data.Next`, ... sees
 * hundreds across definitions. Such a read goes through V8's megamorphic stub cache, which a
 * process validating many definitions keeps evicting: on the public corpus that was over a third
 * of a call. Null-prototype objects are dictionaries that share one hidden class, so every read
 * stays monomorphic, and making the copy costs a few µs per definition. It is also private: no
 * rule can reach the caller's objects.
 *
 * Only plain objects (prototype Object.prototype or null) and arrays are copied; anything else
 * (a Date, a boxed string, a class instance) is kept as it is, so it reads as before. So are the
 * payloads (Parameters, Arguments, Result, ...): the user's data, which the schema and the rules
 * only walk key by key, never read by field name, and which for-in walks fastest on their own
 * objects. A value the copy cannot read (a getter that throws, a cycle, nesting deeper than the
 * stack) throws, and the caller validates the original instead.
 *
 * @example sameShapeCopy(JSON.parse(text)) // the same keys and values, read the same way
 */
export function sameShapeCopy(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? copyObject(value) : value
}

function copyObject(value: object): unknown {
  if (Array.isArray(value)) return value.map(sameShapeCopy)
  const prototype: unknown = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) return value
  const copy = Object.create(null) as Record<string, unknown>
  for (const key in value) {
    const field: unknown = (value as Record<string, unknown>)[key]
    copy[key] = typeof field === 'object' && field !== null && !PAYLOADS.has(key) ? copyObject(field) : field
  }
  return copy
}

/** Fields whose value is the user's data: the schema checks at most its type, the rules walk its keys. */
const PAYLOADS: ReadonlySet<string> = new Set(['Parameters', 'ResultSelector', 'ItemSelector', 'Result', 'Arguments', 'Output', 'Assign'])
