import type { FilterExpression, FilterOperand, FilterValue, RelationalOperator } from './nodes.js'
import { isObject, select } from './select.js'

/** Where Jayway's filter throws (an `in` list that is not a list, ...): the item is not selected, whatever else the filter says. */
const REFUSED = Symbol('the filter refuses the item')

const UNDEFINED: FilterValue = Object.freeze({ type: 'undefined' })
const NULL: FilterValue = Object.freeze({ type: 'null' })
const TRUE: FilterValue = Object.freeze({ type: 'boolean', value: true })
const FALSE: FilterValue = Object.freeze({ type: 'boolean', value: false })
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

/**
 * Whether a filter (`[?(...)]`) selects an item; `document` is what `$` means inside it.
 * Comparisons follow Jayway: a number equals a string that reads as the same number, `<` compares
 * strings by character code, a missing value equals nothing (so `!=` holds), `=~` matches the
 * whole text. As AWS documents, `@` does not match a scalar item: only objects and arrays.
 *
 * @example accepts(parsePath('$[?(@.price < 10)]').steps[0].filter, { price: 8.95 }, {}) // true
 */
export function accepts(filter: FilterExpression, item: unknown, document: unknown): boolean {
  try {
    return holds(filter, item, document)
  } catch (error) {
    if (error === REFUSED) return false
    throw error
  }
}

function holds(filter: FilterExpression, item: unknown, document: unknown): boolean {
  switch (filter.kind) {
    case 'and':
      return filter.operands.every((operand) => holds(operand, item, document))
    case 'or':
      return filter.operands.some((operand) => holds(operand, item, document))
    case 'exists':
      return exists(filter.operand, item, document) !== filter.negated
    case 'compare':
      return compare(filter.operator, valueOf(filter.left, item, document), valueOf(filter.right, item, document))
  }
}

function exists(operand: Extract<FilterOperand, { kind: 'path' }>, item: unknown, document: unknown): boolean {
  if (isScalarItem(operand, item)) return false
  return select(operand.selector, operand.from === 'item' ? item : document, 'exists').found
}

function valueOf(operand: FilterOperand, item: unknown, document: unknown): FilterValue {
  if (operand.kind === 'literal') return operand.value
  if (isScalarItem(operand, item)) return UNDEFINED
  const read = select(operand.selector, operand.from === 'item' ? item : document, 'value')
  return read.found ? toFilterValue(read.value) : UNDEFINED
}

/** A bare `@` on a scalar item: AWS documents that `@` only matches objects. */
function isScalarItem(operand: Extract<FilterOperand, { kind: 'path' }>, item: unknown): boolean {
  return operand.from === 'item' && operand.selector.steps.length === 0 && (item === null || typeof item !== 'object')
}

function toFilterValue(value: unknown): FilterValue {
  switch (typeof value) {
    case 'number':
      return { type: 'number', value, text: String(value) }
    case 'string':
      return { type: 'string', value }
    case 'boolean':
      return value ? TRUE : FALSE
    case 'object':
      return value === null ? NULL : { type: 'json', value }
    default:
      return UNDEFINED
  }
}

function compare(operator: RelationalOperator, left: FilterValue, right: FilterValue): boolean {
  switch (operator) {
    case '==':
      return equal(left, right)
    case '!=':
      return !equal(left, right)
    case '<':
      return ordered(left, right, (sign) => sign < 0)
    case '<=':
      return ordered(left, right, (sign) => sign <= 0)
    case '>':
      return ordered(left, right, (sign) => sign > 0)
    case '>=':
      return ordered(left, right, (sign) => sign >= 0)
    case '=~':
      return matches(left, right)
    case 'in':
      return contains(right, left)
    case 'nin':
      return !contains(right, left)
    case 'subsetof':
    case 'anyof':
    case 'noneof': {
      // Jayway looks at the right side first: a right side that is not an array fails the test before the left is read.
      const outer = list(right)
      const inner = outer === undefined ? undefined : list(left)
      if (outer === undefined || inner === undefined) return false
      const found = (value: FilterValue): boolean => outer.some((other) => equal(value, other))
      if (operator === 'subsetof') return inner.every(found)
      return inner.some(found) === (operator === 'anyof')
    }
    case 'size':
      return size(left, right)
    case 'empty':
      return empty(left, right)
  }
}

/** Jayway's equality: numbers by value, a number and a string by reading one as the other, JSON deeply. */
function equal(left: FilterValue, right: FilterValue): boolean {
  switch (left.type) {
    case 'number':
      if (right.type === 'number') return left.value === right.value
      return right.type === 'string' && DECIMAL.test(right.value) && Number(right.value) === left.value
    case 'string':
      if (right.type === 'string') return left.value === right.value
      return right.type === 'number' && left.value === right.text
    case 'boolean':
      return right.type === 'boolean' && left.value === right.value
    case 'null':
      return right.type === 'null'
    case 'json':
      return right.type === 'json' && sameJson(left.value, right.value)
    case 'pattern':
      return right.type === 'pattern' && left.value.source === right.value.source && left.value.flags === right.value.flags
    case 'undefined':
      return false
  }
}

/** Numbers by value, anything else with text by character codes (a number as its text); other pairs are not ordered. */
function ordered(left: FilterValue, right: FilterValue, test: (sign: number) => boolean): boolean {
  if (left.type === 'number' && right.type === 'number') return test(Math.sign(left.value - right.value))
  const a = left.type === 'string' ? left.value : left.type === 'number' ? left.text : undefined
  const b = right.type === 'string' ? right.value : right.type === 'number' ? right.text : undefined
  if (a === undefined || b === undefined) return false
  return test(a < b ? -1 : a > b ? 1 : 0)
}

/** `=~`: exactly one side is a /pattern/; the other is text, a number, a boolean, or an array any item of which matches. */
function matches(left: FilterValue, right: FilterValue): boolean {
  if ((left.type === 'pattern') === (right.type === 'pattern')) return false
  const [pattern, subject] = left.type === 'pattern' ? [left.value, right] : right.type === 'pattern' ? [right.value, left] : [undefined, left]
  if (pattern === undefined) return false
  if (subject.type === 'json' && Array.isArray(subject.value)) return subject.value.some((item) => pattern.test(textOf(toFilterValue(item))))
  return pattern.test(textOf(subject))
}

function textOf(value: FilterValue): string {
  if (value.type === 'string') return value.value
  if (value.type === 'number') return value.text
  if (value.type === 'boolean') return String(value.value)
  return ''
}

function contains(collection: FilterValue, value: FilterValue): boolean {
  const items = list(collection)
  return items !== undefined && items.some((item) => equal(value, item))
}

/** The items of a JSON array; undefined for other JSON (the test fails); a refusal for anything else, as in Jayway. */
function list(value: FilterValue): FilterValue[] | undefined {
  if (value.type !== 'json') throw REFUSED
  return Array.isArray(value.value) ? value.value.map(toFilterValue) : undefined
}

function size(left: FilterValue, right: FilterValue): boolean {
  if (right.type !== 'number') return false
  const expected = Math.trunc(right.value)
  if (left.type === 'string') return left.value.length === expected
  if (left.type === 'json') return (Array.isArray(left.value) ? left.value.length : -1) === expected
  return false
}

function empty(left: FilterValue, right: FilterValue): boolean {
  if (left.type !== 'string' && left.type !== 'json') return false
  if (right.type !== 'boolean') throw REFUSED
  const isEmpty = left.type === 'string' ? left.value.length === 0 : Array.isArray(left.value) ? left.value.length === 0 : isObject(left.value) ? Object.keys(left.value).length === 0 : true
  return isEmpty === right.value
}

function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((item, index) => sameJson(item, b[index]))
  if (!isObject(a) || !isObject(b)) return false
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((key) => Object.hasOwn(b, key) && sameJson(a[key], b[key]))
}
