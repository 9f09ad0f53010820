import { describe, expect, it } from 'vitest'
import { evaluateIntrinsic, IntrinsicFailure } from '@dlc/runtime'

/** The developer guide's "Intrinsic functions" page: each example's input, call and documented result. */
const run = (text: string, input: unknown): unknown => evaluateIntrinsic(text, { input, context: {} })

const nine = [1, 2, 3, 4, 5, 6, 7, 8, 9]

describe("the developer guide's intrinsic function examples", () => {
  it.each([
    ['States.Format', "States.Format('Hello, my name is {}.', $.name)", { name: 'Arnav', template: 'Hello, my name is {}.' }, 'Hello, my name is Arnav.'],
    ['States.Format (template from a path)', 'States.Format($.template, $.name)', { name: 'Arnav', template: 'Hello, my name is {}.' }, 'Hello, my name is Arnav.'],
    ['States.StringToJson', 'States.StringToJson($.escapedJsonString)', { escapedJsonString: '{"foo": "bar"}' }, { foo: 'bar' }],
    ['States.JsonToString', 'States.JsonToString($.unescapedJson)', { unescapedJson: { foo: 'bar' } }, '{"foo":"bar"}'],
    ['States.Array', 'States.Array($.Id)', { Id: 123456 }, [123456]],
    ['States.ArrayPartition', 'States.ArrayPartition($.inputArray,4)', { inputArray: nine }, [[1, 2, 3, 4], [5, 6, 7, 8], [9]]],
    ['States.ArrayContains', 'States.ArrayContains($.inputArray, $.lookingFor)', { inputArray: nine, lookingFor: 5 }, true],
    ['States.ArrayRange', 'States.ArrayRange(1, 9, 2)', {}, [1, 3, 5, 7, 9]],
    ['States.ArrayGetItem', 'States.ArrayGetItem($.inputArray, $.index)', { inputArray: nine, index: 5 }, 6],
    ['States.ArrayLength', 'States.ArrayLength($.inputArray)', { inputArray: nine }, 9],
    ['States.ArrayUnique', 'States.ArrayUnique($.inputArray)', { inputArray: [1, 2, 3, 3, 3, 3, 3, 3, 4] }, [1, 2, 3, 4]],
    ['States.Base64Encode', 'States.Base64Encode($.input)', { input: 'Data to encode' }, 'RGF0YSB0byBlbmNvZGU='],
    ['States.Base64Decode', 'States.Base64Decode($.base64)', { base64: 'RGF0YSB0byBlbmNvZGU=' }, 'Data to encode'],
    ['States.Hash', 'States.Hash($.Data, $.Algorithm)', { Data: 'input data', Algorithm: 'SHA-1' }, 'aaff4a450a104cd177d28d18d74485e8cae074b7'],
    [
      'States.JsonMerge',
      'States.JsonMerge($.json1, $.json2, false)',
      { json1: { a: { a1: 1, a2: 2 }, b: 2 }, json2: { a: { a3: 1, a4: 2 }, c: 3 } },
      { a: { a3: 1, a4: 2 }, b: 2, c: 3 },
    ],
    ['States.MathAdd', 'States.MathAdd($.value1, $.step)', { value1: 111, step: -1 }, 110],
    ['States.StringSplit', 'States.StringSplit($.inputString, $.splitter)', { inputString: '1,2,3,4,5', splitter: ',' }, ['1', '2', '3', '4', '5']],
    [
      'States.StringSplit (several delimiters)',
      'States.StringSplit($.inputString, $.splitter)',
      { inputString: 'This.is+a,test=string', splitter: '.+,=' },
      ['This', 'is', 'a', 'test', 'string'],
    ],
  ] as const)('%s', (_name, text, input, expected) => {
    expect(run(text, input)).toEqual(expected)
  })

  it('States.MathRandom returns an integer from start up to end, the same one for the same seed', () => {
    const input = { start: 1, end: 999 }
    for (let i = 0; i < 200; i++) {
      const value = run('States.MathRandom($.start, $.end)', input)
      expect(Number.isInteger(value)).toBe(true)
      expect(value).toBeGreaterThanOrEqual(1)
      expect(value).toBeLessThan(999)
    }
    expect(evaluateIntrinsic('States.MathRandom($.start, $.end)', { input, context: {} }, { random: () => 0.5 })).toBe(500)
    expect(run('States.MathRandom($.start, $.end, 7)', input)).toBe(run('States.MathRandom($.start, $.end, 7)', input))
  })

  it('States.UUID returns a version 4 UUID, or the one the options supply', () => {
    expect(run('States.UUID()', {})).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(evaluateIntrinsic('States.UUID()', { input: {}, context: {} }, { uuid: () => 'ca4c1140-dcc1-40cd-ad05-7b4aa23df4a8' })).toBe('ca4c1140-dcc1-40cd-ad05-7b4aa23df4a8')
  })

  it('reads the reserved characters escaped as the guide lists them', () => {
    expect(run("States.Format('\\'{}\\' \\{\\} \\\\', $.name)", { name: 'Arnav' })).toBe("'Arnav' {} \\")
  })

  it("evaluates the nine nested intrinsics of the guide's myArn field, which give States.Format two values for three placeholders", () => {
    const myArn =
      "States.Format('{}.{}.{}', States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 0), States.ArrayGetItem(States.StringSplit(States.ArrayGetItem(States.StringSplit($.ImageRecipe.Arn, '/'), 2), '.'), 1))"
    const input = { ImageRecipe: { Arn: 'arn:aws:imagebuilder:us-east-1:111122223333:image-recipe/my-recipe/1.2.3' } }
    expect(() => run(myArn, input)).toThrow(IntrinsicFailure)
    expect(run(myArn.replace("'{}.{}.{}'", "'{}.{}'"), input)).toBe('1.2')
  })
})
