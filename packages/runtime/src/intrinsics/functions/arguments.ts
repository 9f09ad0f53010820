import { IntrinsicFailure } from '../failure.js'
import type { StringLiteral } from '../syntax.js'

/** One evaluated argument; a string literal also keeps where its unescaped `{}` were, for States.Format. */
export interface Argument {
  readonly value: unknown
  readonly literal?: StringLiteral
}

/** The sources of randomness, injectable so tests and replays are deterministic. */
export interface Effects {
  readonly random: () => number
  readonly uuid: () => string
}

export type IntrinsicFunction = (args: readonly Argument[], effects: Effects, name: string) => unknown

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth']

/** Reads argument `index` as the given kind, or fails naming the function, the argument and what it got. */
export function argument<T>(name: string, args: readonly Argument[], index: number, kind: string, accept: (value: unknown) => value is T): T {
  const value = args[index]?.value
  if (!accept(value)) throw new IntrinsicFailure(name, `the ${ORDINALS[index] ?? `#${index + 1}`} argument must be ${kind}, got ${describe(value)}`)
  return value
}

export const isArray = (value: unknown): value is unknown[] => Array.isArray(value)
export const isString = (value: unknown): value is string => typeof value === 'string'
export const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)
export const isInteger = (value: unknown): value is number => Number.isSafeInteger(value)
export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean'
export const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)

/** How a value reads in a cause: its JSON, cut short. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing'
  const json = JSON.stringify(value)
  return json.length > 80 ? `${json.slice(0, 77)}...` : json
}

/** JSON equality: numbers by value, objects regardless of key order. */
export function jsonEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true
  if (Array.isArray(left)) return Array.isArray(right) && left.length === right.length && left.every((item, index) => jsonEqual(item, right[index]))
  if (isObject(left) && isObject(right)) {
    const keys = Object.keys(left)
    return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && jsonEqual(left[key], right[key]))
  }
  return false
}
