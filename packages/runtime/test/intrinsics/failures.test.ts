import { describe, expect, it } from 'vitest'
import { evaluateIntrinsic, IntrinsicFailure, IntrinsicPathNotFound } from '@dlc/runtime'

const scope = {
  input: { list: [1, 2, 3], text: 'abc', obj: { a: 1 }, 'odd key': 'x', long: 'x'.repeat(10_001) },
  context: { Execution: { Id: 'arn:aws:states:us-east-1:111122223333:execution:machine:run-1' } },
  variables: { batchDate: '2026-11-25', limits: { rows: 10 } },
}

function failure(text: string): IntrinsicFailure {
  try {
    evaluateIntrinsic(text, scope)
  } catch (error) {
    if (error instanceof IntrinsicFailure) return error
    throw error
  }
  throw new Error(`${text} did not fail`)
}

describe('States.IntrinsicFailure', () => {
  it.each([
    ['States.ArrayGetItem($.list, 3)', 'States.ArrayGetItem: the index 3 is out of bounds of an array of 3 items'],
    ['States.ArrayGetItem($.text, 0)', 'States.ArrayGetItem: the first argument must be an array, got "abc"'],
    ['States.ArrayPartition($.list, 0)', 'States.ArrayPartition: the chunk size must be a positive integer, got 0'],
    ['States.ArrayPartition($.list, 1.5)', 'States.ArrayPartition: the second argument must be a positive integer chunk size, got 1.5'],
    ['States.ArrayRange(1, 1001, 1)', 'States.ArrayRange: the range would hold 1001 items; at most 1000 are allowed'],
    ['States.ArrayRange(1, 5, 0)', 'States.ArrayRange: the step must be a non-zero integer'],
    ["States.Base64Decode('not base64!')", 'States.Base64Decode: the input is not valid base64'],
    ['States.Base64Encode($.long)', 'States.Base64Encode: the input has 10001 characters; at most 10000 are allowed'],
    ["States.Hash($.text, 'SHA-3')", "States.Hash: the algorithm 'SHA-3' is not one of MD5, SHA-1, SHA-256, SHA-384, SHA-512"],
    ['States.JsonMerge($.obj, $.obj, true)', 'States.JsonMerge: deep merging is not supported; pass false as the third argument'],
    ['States.StringToJson($.text)', 'States.StringToJson: the input is not a JSON text: "abc"'],
    ['States.MathAdd(2147483647, 1)', 'States.MathAdd: the sum 2147483648 is outside the integer range -2147483648 to 2147483647'],
    ['States.MathRandom(5, 5)', 'States.MathRandom: the end 5 must be greater than the start 5'],
    ["States.Format('{} and {}', 1)", 'States.Format: the template has 2 placeholders but 1 arguments follow it'],
    ['States.ArrayLength()', 'States.ArrayLength: it takes 1 argument, got 0'],
    ['States.MathRandom(1)', 'States.MathRandom: it takes 2 to 3 arguments, got 1'],
    ['States.Nope(1)', 'States.Nope: there is no intrinsic function of this name'],
    ["States.Format('x'", "Intrinsic function: 'States.Format('x'' does not parse: unclosed '(' of States.Format (at character 18)"],
    ['States.Array($.list[*])', "States.Array: the path '$.list[*]' uses JSONPath the local runtime does not evaluate (only names, quoted names and indexes)"],
  ])('%s', (text, cause) => {
    const error = failure(text)
    expect(error.name).toBe('States.IntrinsicFailure')
    expect(error.cause).toBe(cause)
  })

  it('a path that selects nothing is States.Runtime, not an intrinsic failure', () => {
    expect(() => evaluateIntrinsic('States.Array($.missing)', scope)).toThrow(IntrinsicPathNotFound)
    expect(() => evaluateIntrinsic('States.Array($.list[3])', scope)).toThrow(expect.objectContaining({ name: 'States.Runtime' }))
    expect(() => evaluateIntrinsic('States.Array($undefinedVariable)', scope)).toThrow(IntrinsicPathNotFound)
  })
})

describe('arguments', () => {
  it('read the input, the context object and variables through the supported JSONPath subset', () => {
    expect(evaluateIntrinsic("States.Array($, $.list[0], $['odd key'], $[\"obj\"].a, $$.Execution.Id, $batchDate, $limits.rows)", scope)).toEqual([
      scope.input,
      1,
      'x',
      1,
      'arn:aws:states:us-east-1:111122223333:execution:machine:run-1',
      '2026-11-25',
      10,
    ])
  })

  it('take literals of every kind and nested calls', () => {
    expect(evaluateIntrinsic("States.Array('a', -2.5e1, true, false, null, States.ArrayLength($.list))", scope)).toEqual(['a', -25, true, false, null, 3])
  })

  it('print into States.Format as AWS prints them', () => {
    expect(evaluateIntrinsic("States.Format('{} {} {} {} {}', 'text', 1.5, true, null, $.obj)", scope)).toBe('text 1.5 true null {a=1}')
    expect(evaluateIntrinsic("States.Format('{}', States.Array('a', States.Array(1)))", scope)).toBe('[a, [1]]')
  })

  it('round decimals for States.MathAdd half towards positive infinity', () => {
    expect(evaluateIntrinsic('States.MathAdd(-0.5, 0)', scope)).toBe(0)
    expect(Object.is(evaluateIntrinsic('States.MathAdd(-0.5, 0)', scope), -0)).toBe(false)
    expect(evaluateIntrinsic('States.MathAdd(1.49, 1.5)', scope)).toBe(3)
  })

  it('compare by JSON value in States.ArrayContains and States.ArrayUnique', () => {
    expect(evaluateIntrinsic("States.ArrayContains(States.Array($.obj), States.StringToJson('{\"a\":1}'))", scope)).toBe(true)
    expect(evaluateIntrinsic('States.ArrayUnique(States.Array($.obj, $.obj, $.list, $.list))', scope)).toEqual([{ a: 1 }, [1, 2, 3]])
  })

  it('count States.ArrayRange down with a negative step', () => {
    expect(evaluateIntrinsic('States.ArrayRange(5, 1, -2)', scope)).toEqual([5, 3, 1])
    expect(evaluateIntrinsic('States.ArrayRange(5, 1, 2)', scope)).toEqual([])
  })
})
