import { describe, expect, it } from 'vitest'
import { ChoiceRuleError, evaluateChoiceRule } from '../../src/choice/index.js'
import { readInput } from './reader.js'

const input = { text: 'abc', number: 7, flag: true, at: '2016-03-14T01:59:00Z', nothing: null }

function failure(rule: Readonly<Record<string, unknown>>): ChoiceRuleError {
  try {
    evaluateChoiceRule(rule, readInput(input))
  } catch (error) {
    if (error instanceof ChoiceRuleError) return error
    throw error
  }
  throw new Error(`${JSON.stringify(rule)} did not fail`)
}

const missing = (path: string): string => `Invalid path '${path}': The choice state's condition path references an invalid value.`

describe('a path that selects nothing', () => {
  it.each([
    { StringEquals: 'abc' },
    { StringMatches: 'a*' },
    { NumericLessThan: 1 },
    { BooleanEquals: true },
    { TimestampEquals: '2016-03-14T01:59:00Z' },
    { NumericEqualsPath: '$.number' },
    { IsNull: true },
    { IsNull: false },
    { IsString: false },
    { IsTimestamp: true },
  ])('fails %j on a missing Variable with States.Runtime and AWS wording', (operator) => {
    const error = failure({ Variable: '$.absent', ...operator })
    expect(error).toBeInstanceOf(Error)
    expect(error.error).toBe('States.Runtime')
    expect(error.name).toBe('States.Runtime')
    expect(error.cause).toBe(missing('$.absent'))
    expect(error.message).toBe(missing('$.absent'))
  })

  it('is tolerated by IsPresent alone, which answers whether the path selects anything', () => {
    const read = readInput(input)
    expect(evaluateChoiceRule({ Variable: '$.absent', IsPresent: true }, read)).toBe(false)
    expect(evaluateChoiceRule({ Variable: '$.absent', IsPresent: false }, read)).toBe(true)
    expect(evaluateChoiceRule({ Variable: '$.nothing', IsPresent: true }, read)).toBe(true)
    expect(evaluateChoiceRule({ Variable: '$.text.deeper', IsPresent: false }, read)).toBe(true)
  })

  it.each(['StringEqualsPath', 'NumericLessThanPath', 'BooleanEqualsPath', 'TimestampGreaterThanEqualsPath'])(
    'fails %s when its operand path selects nothing, naming that path',
    (operator) => {
      expect(failure({ Variable: '$.text', [operator]: '$.absent' }).cause).toBe(missing('$.absent'))
    },
  )

  it('names the Variable when both paths select nothing', () => {
    expect(failure({ Variable: '$.absent', StringEqualsPath: '$.gone' }).cause).toBe(missing('$.absent'))
  })
})

describe('a ...Path operand of the wrong type', () => {
  const read = readInput(input)

  it.each([
    ['StringEqualsPath', '$.number'],
    ['NumericEqualsPath', '$.text'],
    ['BooleanEqualsPath', '$.number'],
    ['TimestampEqualsPath', '$.text'],
  ])('makes %s false (operand %s)', (operator, path) => {
    expect(evaluateChoiceRule({ Variable: '$.text', [operator]: path }, read)).toBe(false)
    expect(evaluateChoiceRule({ Variable: '$.number', [operator]: path }, read)).toBe(false)
  })

  it.each([
    ['StringGreaterThanPath', '$.number'],
    ['StringLessThanEqualsPath', '$.nothing'],
    ['NumericLessThanPath', '$.text'],
    ['NumericGreaterThanEqualsPath', '$.flag'],
    ['TimestampLessThanPath', '$.text'],
  ])('fails %s (operand %s), whatever the Variable', (operator, path) => {
    for (const variable of ['$.text', '$.number', '$.at']) {
      const error = failure({ Variable: variable, [operator]: path })
      expect(error.error).toBe('States.Runtime')
      expect(error.cause).toBe(`Invalid value provided at path '${path}'`)
    }
  })

  it('answers false when only the Variable has the wrong type', () => {
    expect(evaluateChoiceRule({ Variable: '$.number', StringGreaterThanPath: '$.text' }, read)).toBe(false)
    expect(evaluateChoiceRule({ Variable: '$.text', TimestampLessThanPath: '$.at' }, read)).toBe(false)
  })
})

describe('rules AWS refuses when the state machine is created', () => {
  it.each([
    [{ Variable: '$.text' }, "the rule on '$.text' has no comparison operator"],
    [{ Variable: '$.text', StringMatchez: 'a*' }, "the rule on '$.text' has no comparison operator"],
    [{ Variable: '$.text', StringEquals: 'a', IsNull: true }, "the rule on '$.text' has 2 comparison operators: StringEquals, IsNull"],
    [{ Variable: '$.text', StringEquals: 'a', Default: 'x' }, 'unexpected field Default next to Variable and StringEquals'],
    [{ Variable: '$.text', BooleanLessThan: true }, "the rule on '$.text' has no comparison operator"],
    [{ Variable: '$.text', StringMatchesPath: '$.text' }, "the rule on '$.text' has no comparison operator"],
    [{ StringEquals: 'a' }, 'a rule needs a Variable path (or And, Or, Not)'],
    [{ Variable: '$.number', NumericEquals: 'abc' }, 'NumericEquals must be a number, got "abc"'],
    [{ Variable: '$.text', StringEquals: 1 }, 'StringEquals must be a string, got 1'],
    [{ Variable: '$.flag', BooleanEquals: 'true' }, 'BooleanEquals must be a boolean, got "true"'],
    [{ Variable: '$.at', TimestampEquals: '2016-03-14' }, 'TimestampEquals must be a timestamp such as 2016-03-14T01:59:00Z, got "2016-03-14"'],
    [{ Variable: '$.text', IsNull: 'yes' }, 'IsNull must be true or false, got "yes"'],
    [{ Variable: '$.text', StringEqualsPath: 7 }, 'StringEqualsPath must be a path, got 7'],
    [{ And: [] }, 'And must be a non-empty array of rules'],
    [{ Or: { Variable: '$.text', IsString: true } }, 'Or must be a non-empty array of rules'],
    [{ Not: [{ Variable: '$.text', IsString: true }] }, 'Not takes a rule (objects), got [{"Variable":"$.text","IsString":true}]'],
    [{ And: ['x'] }, 'And takes rules (objects), got "x"'],
    [{ Not: { Variable: '$.text', IsString: true }, Variable: '$.text' }, 'a rule has exactly one of And, Or, Not or Variable, got Not, Variable'],
    [{ And: [{ Variable: '$.text', IsString: true }], Or: [] }, 'a rule has exactly one of And, Or, Not or Variable, got And, Or'],
  ])('%j: %s', (rule, problem) => {
    expect(failure(rule).cause).toBe(`The choice rule is not valid: ${problem}`)
  })

  it.each(['a\\b', 'trailing\\', '\\\\\\'])('refuses the StringMatches pattern %j with its open escape, whatever the Variable holds', (pattern) => {
    for (const variable of ['$.text', '$.number']) {
      expect(failure({ Variable: variable, StringMatches: pattern }).cause).toMatch(/^The choice rule is not valid: the StringMatches pattern .* has an open escape backslash at character \d+/)
    }
  })

  it('keeps a top-level rule’s Next, Assign and Comment out of the test', () => {
    const rule = { Variable: '$.number', NumericEquals: 7, Next: 'Done', Assign: { seen: true }, Comment: 'seven' }
    expect(evaluateChoiceRule(rule, readInput(input))).toBe(true)
  })
})
