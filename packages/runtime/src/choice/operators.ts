import { compareInstants, parseTimestamp } from './timestamp.js'

/** The kinds of value the comparison operators compare, named as in the operators (`NumericLessThan`). */
export type ValueKind = 'String' | 'Numeric' | 'Boolean' | 'Timestamp'

export type Relation = 'Equals' | 'LessThan' | 'GreaterThan' | 'LessThanEquals' | 'GreaterThanEquals' | 'Matches'

/** A comparison operator taken apart: `NumericLessThanPath` is Numeric, LessThan, against a path. */
export interface Comparison {
  readonly kind: ValueKind
  readonly relation: Relation
  readonly path: boolean
}

const COMPARISON = /^(String|Numeric|Boolean|Timestamp)(Equals|LessThanEquals|GreaterThanEquals|LessThan|GreaterThan|Matches)(Path)?$/

/**
 * Recognises one of the Amazon States Language's comparison operators; undefined for anything
 * else, including the combinations it does not define (`BooleanLessThan`, `StringMatchesPath`).
 *
 * @example comparisonOperator('TimestampGreaterThanEqualsPath') // { kind: 'Timestamp', relation: 'GreaterThanEquals', path: true }
 */
export function comparisonOperator(key: string): Comparison | undefined {
  const match = COMPARISON.exec(key)
  if (match === null) return undefined
  const [, kind, relation, path] = match as unknown as [string, ValueKind, Relation, string | undefined]
  if (kind === 'Boolean' && relation !== 'Equals') return undefined
  if (relation === 'Matches' && (kind !== 'String' || path !== undefined)) return undefined
  return { kind, relation, path: path !== undefined }
}

/** The type tests other than IsPresent, which looks at whether the path selects anything rather than at a value. */
export const TYPE_TESTS: ReadonlyMap<string, (value: unknown) => boolean> = new Map([
  ['IsNull', (value: unknown) => value === null],
  ['IsNumeric', (value: unknown) => typeof value === 'number'],
  ['IsString', (value: unknown) => typeof value === 'string'],
  ['IsBoolean', (value: unknown) => typeof value === 'boolean'],
  ['IsTimestamp', (value: unknown) => typeof value === 'string' && parseTimestamp(value) !== undefined],
])

/** What a literal operand of each kind must be, for the message about a rule that has the wrong one. */
export const KIND_DESCRIPTIONS: Readonly<Record<ValueKind, string>> = {
  String: 'a string',
  Numeric: 'a number',
  Boolean: 'a boolean',
  Timestamp: 'a timestamp such as 2016-03-14T01:59:00Z',
}

/**
 * Orders two JSON values as the kind's operators do, or undefined when either is not of that kind
 * (AWS then answers false rather than failing). Strings order by UTF-16 code units, as Java's
 * String.compareTo does; numbers by value, so 1 equals 1.0; timestamps by instant, whatever the
 * offset; booleans only equal or not.
 *
 * @example order('Numeric', 1, 1.0) // 0
 */
export function order(kind: ValueKind, a: unknown, b: unknown): number | undefined {
  switch (kind) {
    case 'String':
      return typeof a === 'string' && typeof b === 'string' ? ascending(a, b) : undefined
    case 'Numeric':
      return typeof a === 'number' && typeof b === 'number' ? ascending(a, b) : undefined
    case 'Boolean':
      return typeof a === 'boolean' && typeof b === 'boolean' ? Number(a !== b) : undefined
    case 'Timestamp': {
      const x = typeof a === 'string' ? parseTimestamp(a) : undefined
      const y = typeof b === 'string' ? parseTimestamp(b) : undefined
      return x === undefined || y === undefined ? undefined : compareInstants(x, y)
    }
  }
}

/**
 * Whether a value is of the kind: a string, a number, a boolean, or a string that is a timestamp.
 *
 * @example isKind('Timestamp', '2016-03-14T01:59:00Z') // true
 */
export function isKind(kind: ValueKind, value: unknown): boolean {
  return order(kind, value, value) !== undefined
}

function ascending<T extends string | number>(a: T, b: T): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Whether an ordering satisfies a relation; Matches is decided by the wildcard, never here. */
export function satisfies(relation: Relation, ordering: number): boolean {
  switch (relation) {
    case 'Equals':
      return ordering === 0
    case 'LessThan':
      return ordering < 0
    case 'GreaterThan':
      return ordering > 0
    case 'LessThanEquals':
      return ordering <= 0
    case 'GreaterThanEquals':
      return ordering >= 0
    case 'Matches':
      return false
  }
}
