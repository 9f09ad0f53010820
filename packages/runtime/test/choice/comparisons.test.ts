import { describe, expect, it } from 'vitest'
import { compareInstants, evaluateChoiceRule, parseTimestamp } from '../../src/choice/index.js'
import { reader, readInput } from './reader.js'

const holds = (rule: Readonly<Record<string, unknown>>, input: unknown): boolean => evaluateChoiceRule(rule, readInput(input))

/** One value of each JSON type, and a timestamp (a string that is also a timestamp). */
const SAMPLES = { null: null, number: 1, string: 'x', timestamp: '2016-03-14T01:59:00Z', boolean: true, array: [1], object: { a: 1 } }

describe('type mismatches answer false, never fail', () => {
  it.each([
    ['StringEquals', 'x', ['string']],
    ['StringLessThanEquals', 'zzzz', ['string', 'timestamp']],
    ['StringMatches', '*', ['string', 'timestamp']],
    ['NumericEquals', 1, ['number']],
    ['NumericGreaterThanEquals', 0, ['number']],
    ['BooleanEquals', true, ['boolean']],
    ['TimestampLessThanEquals', '2016-03-14T01:59:00Z', ['timestamp']],
  ] as const)('%s holds only for %s', (operator, operand, matching) => {
    for (const [kind, value] of Object.entries(SAMPLES)) {
      expect(holds({ Variable: '$.v', [operator]: operand }, { v: value }), `${operator} on a ${kind}`).toBe((matching as readonly string[]).includes(kind))
    }
  })

  it.each([
    ['IsNull', ['null']],
    ['IsNumeric', ['number']],
    ['IsString', ['string', 'timestamp']],
    ['IsBoolean', ['boolean']],
    ['IsTimestamp', ['timestamp']],
    ['IsPresent', Object.keys(SAMPLES)],
  ] as const)('%s: true is true only for %s, false the reverse', (operator, matching) => {
    for (const [kind, value] of Object.entries(SAMPLES)) {
      const expected = (matching as readonly string[]).includes(kind)
      expect(holds({ Variable: '$.v', [operator]: true }, { v: value }), `${operator} on a ${kind}`).toBe(expected)
      expect(holds({ Variable: '$.v', [operator]: false }, { v: value }), `${operator}: false on a ${kind}`).toBe(!expected)
    }
  })
})

describe('numbers compare by value', () => {
  it.each([
    [{ NumericEquals: 1 }, 1.0, true],
    [{ NumericEquals: 0 }, -0, true],
    [{ NumericEquals: 0.3 }, 0.1 + 0.2, false],
    [{ NumericLessThan: 1 }, 0.9999999, true],
    [{ NumericGreaterThan: -1 }, -0.5, true],
    [{ NumericLessThanEquals: 2.5 }, 2.5, true],
    [{ NumericGreaterThanEquals: 1e21 }, 1e21, true],
  ])('%j on %d is %s', (operator, value, expected) => {
    expect(holds({ Variable: '$.v', ...operator }, { v: value })).toBe(expected)
  })
})

describe("strings compare by UTF-16 code units, like Java's String.compareTo", () => {
  it.each([
    ['a', 'StringGreaterThan', 'B', true],
    ['', 'StringLessThan', 'a', true],
    ['AB', 'StringGreaterThan', 'A', true],
    ['A', 'StringLessThan', 'A\t', true],
    // U+1F600 is the surrogate pair D83D DE00: before U+FFFF by code unit, after it by code point.
    ['\u{1F600}', 'StringLessThan', '\uFFFF', true],
    ['\u00E9', 'StringEquals', 'e\u0301', false],
    ['\t\n', 'StringEquals', '\t\r\n', false],
  ])('%j %s %j is %s', (value, operator, operand, expected) => {
    expect(holds({ Variable: '$.v', [operator]: operand }, { v: value })).toBe(expected)
  })
})

describe('StringMatches', () => {
  it.each([
    ['*', '', true],
    ['', '', true],
    ['', 'a', false],
    ['a*', 'a', true],
    ['*a*a', 'aaa', true],
    ['*a*a', 'ab', false],
    ['a*b*c', 'abcbc', true],
    ['a*b*c', 'acb', false],
    ['**', 'anything', true],
    ['a?c', 'abc', false],
    ['a?c', 'a?c', true],
    ['[ab]', 'a', false],
    ['\\\\', '\\', true],
    ['*\\*', 'price*', true],
    ['*\\*', 'price', false],
    ['LOG-*', 'log-1', false],
  ])('%j against %j is %s', (pattern, text, expected) => {
    expect(holds({ Variable: '$.v', StringMatches: pattern }, { v: text })).toBe(expected)
  })
})

describe('timestamps', () => {
  it.each([
    '2016-03-14T01:59:00Z',
    '2016-03-14T01:59:00.5Z',
    '2016-03-14T01:59:00.123456789Z',
    '2016-03-14T01:59:00+01:00',
    '2016-03-14T01:59:00-05:30',
    '2016-03-14T01:59:00+01',
    '2016-03-14T01:59:00+01:00:30',
    '2016-03-14t01:59:00z',
    '2016-03-14T01:59Z',
    '2016-02-29T00:00:00Z',
    '2000-02-29T00:00:00Z',
  ])('%s is a timestamp', (text) => {
    expect(holds({ Variable: '$.v', IsTimestamp: true }, { v: text })).toBe(true)
  })

  it.each([
    '2016-03-14T01:59:00',
    '2016-03-14 01:59:00Z',
    '2023-02-24 12:15:56.832957',
    '2016-03-14',
    '2016-03-14T01:59:00.1234567890Z',
    '2016-03-14T01:59:00.Z',
    '2016-03-14T01:59:00+0100',
    '2016-03-14T01:59:00+19:00',
    '2016-03-14T24:00:00Z',
    '2016-03-14T01:60:00Z',
    '2016-03-14T01:59:60Z',
    '2016-13-14T01:59:00Z',
    '2015-02-29T00:00:00Z',
    '1900-02-29T00:00:00Z',
    '16-03-14T01:59:00Z',
    ' 2016-03-14T01:59:00Z',
  ])('%j is not a timestamp', (text) => {
    expect(holds({ Variable: '$.v', IsTimestamp: true }, { v: text })).toBe(false)
  })

  it('compares instants, whatever the offsets', () => {
    expect(holds({ Variable: '$.v', TimestampEquals: '2012-10-09T19:00:55Z' }, { v: '2012-10-09T20:00:55+01:00' })).toBe(true)
    expect(holds({ Variable: '$.v', TimestampLessThan: '2012-10-09T19:00:55Z' }, { v: '2012-10-09T19:00:55-00:01' })).toBe(false)
    expect(holds({ Variable: '$.v', TimestampGreaterThan: '2012-10-09T23:59:59Z' }, { v: '2012-10-10T00:00:00+00:00' })).toBe(true)
  })

  it('keeps fractions to the nanosecond', () => {
    expect(holds({ Variable: '$.v', TimestampEquals: '2012-10-09T19:00:55.5Z' }, { v: '2012-10-09T19:00:55.500000000Z' })).toBe(true)
    expect(holds({ Variable: '$.v', TimestampGreaterThan: '2012-10-09T19:00:55Z' }, { v: '2012-10-09T19:00:55.000000001Z' })).toBe(true)
    expect(holds({ Variable: '$.v', TimestampLessThanEquals: '2012-10-09T19:00:55.999999999Z' }, { v: '2012-10-09T19:00:56Z' })).toBe(false)
  })

  it('reads the epoch and dates far from it exactly', () => {
    expect(parseTimestamp('1970-01-01T00:00:00Z')).toEqual({ seconds: 0, nanos: 0 })
    expect(parseTimestamp('2016-03-14T01:59:00.5+01:00')).toEqual({ seconds: Date.UTC(2016, 2, 14, 0, 59) / 1000, nanos: 500_000_000 })
    expect(parseTimestamp('0001-01-01T00:00:00Z')?.seconds).toBe(-62_135_596_800)
    expect(parseTimestamp('9999-12-31T23:59:59Z')?.seconds).toBe(253_402_300_799)
    const [a, b] = [parseTimestamp('1969-12-31T23:59:59.9Z'), parseTimestamp('1970-01-01T00:00:00Z')]
    expect(a !== undefined && b !== undefined && compareInstants(a, b) < 0).toBe(true)
  })
})

describe('And, Or, Not', () => {
  const present = { Variable: '$.a', IsPresent: true }
  const missing = { Variable: '$.missing', StringEquals: 'x' }

  it('stops And at the first false operand and Or at the first true one, as the specification says', () => {
    expect(holds({ And: [{ Not: present }, missing] }, { a: 1 })).toBe(false)
    expect(holds({ Or: [present, missing] }, { a: 1 })).toBe(true)
    expect(() => holds({ And: [present, missing] }, { a: 1 })).toThrow("Invalid path '$.missing'")
    expect(() => holds({ Or: [{ Not: present }, missing] }, { a: 1 })).toThrow("Invalid path '$.missing'")
  })

  it('nests', () => {
    const rule = { Or: [{ And: [present, { Not: { Variable: '$.a', NumericLessThan: 10 } }] }, { Variable: '$.b', BooleanEquals: true }] }
    expect(holds(rule, { a: 10, b: false })).toBe(true)
    expect(holds(rule, { a: 9, b: true })).toBe(true)
    expect(holds(rule, { a: 9, b: false })).toBe(false)
  })
})

describe('paths into the context object and variables', () => {
  it('hands every path, $$ and $name included, to the reader', () => {
    const read = reader({ input: {}, context: { Execution: { Name: 'run-2024-11-25' } }, variables: { batchDate: '2024-11-25', limits: { rows: 10 } } })
    expect(evaluateChoiceRule({ Variable: '$$.Execution.Name', StringMatches: 'run-*' }, read)).toBe(true)
    expect(evaluateChoiceRule({ Variable: '$batchDate', StringEqualsPath: '$$.Execution.Name' }, read)).toBe(false)
    expect(evaluateChoiceRule({ Variable: '$limits.rows', NumericGreaterThan: 5 }, read)).toBe(true)
    expect(evaluateChoiceRule({ Variable: '$limits.cols', IsPresent: false }, read)).toBe(true)
  })
})
