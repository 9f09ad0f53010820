import { describe, expect, it } from 'vitest'
import { ChoiceRuleError, evaluateChoiceRule } from '../../src/choice/index.js'
import { readInput } from './reader.js'

type Rule = Readonly<Record<string, unknown>>

/** What a Choice state does with its rules: the first that holds names the next state, else Default. */
function choose(choices: readonly Rule[], fallback: string, input: unknown): string {
  const read = readInput(input)
  const next = choices.find((rule) => evaluateChoiceRule(rule, read))?.Next
  return typeof next === 'string' ? next : fallback
}

const holds = (rule: Rule, input: unknown): boolean => evaluateChoiceRule(rule, readInput(input))

/** The developer guide's "Choice workflow state" example, ChoiceStateX. */
const choiceStateX: readonly Rule[] = [
  { Not: { Variable: '$.type', StringEquals: 'Private' }, Next: 'Public' },
  { Variable: '$.value', NumericEquals: 0, Next: 'ValueIsZero' },
  {
    And: [
      { Variable: '$.value', NumericGreaterThanEquals: 20 },
      { Variable: '$.value', NumericLessThan: 30 },
    ],
    Next: 'ValueInTwenties',
  },
]

describe("the developer guide's Choice state example", () => {
  it('goes to ValueInTwenties for the documented input { type: "Private", value: 22 }', () => {
    expect(choose(choiceStateX, 'DefaultState', { type: 'Private', value: 22 })).toBe('ValueInTwenties')
  })

  it.each([
    [{ type: 'Public', value: 22 }, 'Public'],
    [{ type: 'Private', value: 0 }, 'ValueIsZero'],
    [{ type: 'Private', value: 30 }, 'DefaultState'],
    [{ type: 'Private', value: 19.99 }, 'DefaultState'],
  ])('goes from %j to %s', (input, next) => {
    expect(choose(choiceStateX, 'DefaultState', input)).toBe(next)
  })

  it('fails the execution when the input has no $.type, as the guide warns', () => {
    expect(() => choose(choiceStateX, 'DefaultState', { value: 22 })).toThrow(
      new ChoiceRuleError("Invalid path '$.type': The choice state's condition path references an invalid value."),
    )
  })
})

describe("the developer guide's Choice rule examples", () => {
  it.each([
    ['NumericEquals 1', { Variable: '$.foo', NumericEquals: 1 }, { foo: 1 }, { foo: 2 }],
    ['StringEquals MyString', { Variable: '$.foo', StringEquals: 'MyString' }, { foo: 'MyString' }, { foo: 'mystring' }],
    ['StringGreaterThan MyStringABC', { Variable: '$.foo', StringGreaterThan: 'MyStringABC' }, { foo: 'MyStringABD' }, { foo: 'MyStringABC' }],
    ['TimestampEquals 2001-01-01T12:00:00Z', { Variable: '$.foo', TimestampEquals: '2001-01-01T12:00:00Z' }, { foo: '2001-01-01T13:00:00+01:00' }, { foo: '2001-01-01T12:00:01Z' }],
    ['IsNull', { Variable: '$.possiblyNullValue', IsNull: true }, { possiblyNullValue: null }, { possiblyNullValue: 0 }],
    ['StringMatches log-*.txt', { Variable: '$.foo', StringMatches: 'log-*.txt' }, { foo: 'log-2024-11-25.txt' }, { foo: 'log-2024-11-25.txt.gz' }],
    ['StringEqualsPath', { Variable: '$.foo', StringEqualsPath: '$.bar' }, { foo: 'x', bar: 'x' }, { foo: 'x', bar: 'y' }],
  ])('%s holds for the first input and not the second', (_name, rule, yes, no) => {
    expect(holds(rule, yes)).toBe(true)
    expect(holds(rule, no)).toBe(false)
  })

  it('evaluates StringEquals only when IsPresent before it in an And finds the key', () => {
    const rule = {
      And: [
        { Variable: '$.keyThatMightNotExist', IsPresent: true },
        { Variable: '$.keyThatMightNotExist', StringEquals: 'foo' },
      ],
    }
    expect(holds(rule, {})).toBe(false)
    expect(holds(rule, { keyThatMightNotExist: 'foo' })).toBe(true)
    expect(() => holds(rule.And[1] ?? {}, {})).toThrow(ChoiceRuleError)
  })

  it('lets StringEquals match a timestamp, since timestamps are strings', () => {
    expect(holds({ Variable: '$.at', StringEquals: '2016-08-18T17:33:00Z' }, { at: '2016-08-18T17:33:00Z' })).toBe(true)
    expect(holds({ Variable: '$.at', StringEquals: '2016-08-18T17:33:00Z' }, { at: '2016-08-18T18:33:00+01:00' })).toBe(false)
  })

  it('does not match a numeric field with a string value', () => {
    expect(holds({ Variable: '$.n', StringEquals: '1' }, { n: 1 })).toBe(false)
    expect(holds({ Variable: '$.n', NumericEquals: 1 }, { n: '1' })).toBe(false)
  })
})

describe("the Amazon States Language specification's Choice examples", () => {
  const dispatchEvent: readonly Rule[] = [
    { Not: { Variable: '$.type', StringEquals: 'Private' }, Next: 'Public' },
    {
      And: [
        { Variable: '$.value', IsPresent: true },
        { Variable: '$.value', IsNumeric: true },
        { Variable: '$.value', NumericGreaterThanEquals: 20 },
        { Variable: '$.value', NumericLessThan: 30 },
      ],
      Next: 'ValueInTwenties',
    },
    { Variable: '$.rating', NumericGreaterThanPath: '$.auditThreshold', Next: 'StartAudit' },
  ]

  it.each([
    [{ type: 'Private', value: 22 }, 'ValueInTwenties'],
    [{ type: 'Private', value: '22', rating: 9, auditThreshold: 5 }, 'StartAudit'],
    [{ type: 'Private', rating: 5, auditThreshold: 5 }, 'RecordEvent'],
  ])('DispatchEvent goes from %j to %s', (input, next) => {
    expect(choose(dispatchEvent, 'RecordEvent', input)).toBe(next)
  })

  it.each([
    ['foo*.log', 'foo23.log'],
    ['*.log', 'zebra.log'],
    ['foo*.*', 'foobar.zebra'],
  ])('StringMatches %s matches %s', (pattern, text) => {
    expect(holds({ Variable: '$.name', StringMatches: pattern }, { name: text })).toBe(true)
  })

  it('reads \\* as a literal star and \\\\ as a literal backslash', () => {
    expect(holds({ Variable: '$.name', StringMatches: 'a\\*b' }, { name: 'a*b' })).toBe(true)
    expect(holds({ Variable: '$.name', StringMatches: 'a\\*b' }, { name: 'axb' })).toBe(false)
    expect(holds({ Variable: '$.name', StringMatches: 'C:\\\\*' }, { name: 'C:\\temp' })).toBe(true)
  })
})
