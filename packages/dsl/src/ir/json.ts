/** A JSON value as it appears in ASL: the only kind of data the IR holds. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json }

export type JsonObject = { readonly [key: string]: Json }

/** Deep-freezes a plain JSON-like value so that no IR node can change after creation. */
export function freeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const key in value) {
      const child = (value as Record<string, unknown>)[key]
      if (child !== null && typeof child === 'object') freeze(child)
    }
    Object.freeze(value)
  }
  return value
}

type OptionalKeys<T> = { [K in keyof T]-?: {} extends Pick<T, K> ? K : never }[keyof T]

/** `T` with its optional fields also accepting `undefined`: what a builder has before compacting. */
export type Loose<T> = T extends unknown ? Omit<T, OptionalKeys<T>> & { [K in OptionalKeys<T>]?: T[K] | undefined } : never

/**
 * Drops keys whose value is `undefined`, so optional fields never appear as `undefined` in the IR.
 * Callers pass a fresh object literal, so one without such keys is returned as it is, uncopied.
 */
export function compact<T extends object>(value: Loose<T>): T {
  const fields = value as Record<string, unknown>
  if (!hasUndefinedField(fields)) return fields as T
  const out: Record<string, unknown> = {}
  for (const key in fields) {
    const field = fields[key]
    if (field !== undefined) out[key] = field
  }
  return out as T
}

function hasUndefinedField(fields: Record<string, unknown>): boolean {
  for (const key in fields) if (fields[key] === undefined) return true
  return false
}

/** Creates an IR node: optional fields left `undefined` are dropped and the node is frozen. */
export function createNode<T extends { readonly kind: string }>(fields: Loose<T>): T {
  return freeze(compact<T>(fields))
}
