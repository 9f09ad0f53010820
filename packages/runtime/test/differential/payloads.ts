/**
 * Random execution inputs and the JSONPath pieces states read them with. The inputs share a small
 * vocabulary of keys with the paths, Parameters and ResultPaths, so most paths find a value and
 * data keeps its shape from state to state, while some miss or meet the wrong type on purpose.
 *
 * Numbers in the data are integers: aws-local-stepfunctions 3.0.0 adds decimals as they are in
 * States.MathAdd, where AWS rounds them first (recorded:
 * intrinsic_functions.test_math_operations_test_math_add..., MathAdd(-1.5, 0) is -1).
 */
import fc from 'fast-check'

/** Top-level keys of every generated input; Parameters write the same keys. */
const KEYS = ['a', 'b', 's', 'flag', 'list', 'obj'] as const

const smallInt = fc.integer({ min: -3, max: 12 })
// No text with quotes or backslashes: aws-local-stepfunctions 3.0.0 unescapes them inside
// intrinsic results, so States.JsonToString of ["{\"k\":1}"] gives the invalid JSON ["{"k":1}"].
const word = fc.constantFrom('x', 'y', 'ab', 'a,b', 'hello world', '', 'Zeta', '{}', '[1,2]', 'aGk=')
const scalar = fc.oneof(smallInt, word, fc.boolean(), fc.constant(null))
const list = fc.array(fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 4 }) }, { weight: 1, arbitrary: word }), { maxLength: 5 })
const inner = fc.record({ a: smallInt, s: word }, { requiredKeys: ['a'] })

/** A value for a key: mostly the key's usual type, sometimes anything, so type mismatches happen. */
const valueFor: Readonly<Record<(typeof KEYS)[number], fc.Arbitrary<unknown>>> = {
  a: fc.oneof({ weight: 4, arbitrary: smallInt }, { weight: 1, arbitrary: scalar }),
  b: fc.oneof(smallInt, word),
  s: fc.oneof({ weight: 4, arbitrary: word }, { weight: 1, arbitrary: scalar }),
  flag: fc.oneof({ weight: 4, arbitrary: fc.boolean() }, { weight: 1, arbitrary: scalar }),
  list: fc.oneof({ weight: 4, arbitrary: list }, { weight: 1, arbitrary: scalar }),
  obj: fc.oneof({ weight: 4, arbitrary: inner }, { weight: 1, arbitrary: list }),
}

/**
 * An execution input: an object with some of the vocabulary's keys, and `fixed`, an array no
 * state writes, for index paths. Index paths go only there: aws-local-stepfunctions' jsonpath-plus
 * indexes into strings ($.list[0] of "abc" is "a") where AWS finds nothing.
 */
export const input: fc.Arbitrary<Record<string, unknown>> = fc
  .record(valueFor)
  .map((fields) => ({ ...fields, fixed: [3, 1, 4] }))

/** A reference path into a state's input: mostly ones generated inputs have, now and then one they lack. */
export const path = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom('$.a', '$.b', '$.s', '$.flag', '$.list', '$.obj', '$.obj.a', '$.obj.s') },
  { weight: 2, arbitrary: fc.constantFrom('$', '$.fixed[0]', '$.fixed[2]') },
  { weight: 1, arbitrary: fc.constant('$.missing') },
)

/** InputPath and OutputPath: mostly absent (undefined), sometimes narrowing, null (discard) or missing. */
export const ioPath = fc.oneof(
  { weight: 12, arbitrary: fc.constant(undefined) },
  { weight: 3, arbitrary: fc.constantFrom('$', '$.obj') },
  { weight: 1, arbitrary: fc.constantFrom(null, '$.list', '$.a', '$.missing') },
)

/**
 * Where a result goes: beside the input, into a nested object, or discarded (null); absent means
 * it replaces the input. Never an explicit "$": aws-local-stepfunctions 3.0.0 then writes a key
 * named "$" into the input ({"a":1} becomes {"a":1,"$":...}) where AWS replaces the whole input
 * ("ResultPath": "$" is the default, developer guide, "Specifying state output using ResultPath").
 */
export const resultPath = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 6, arbitrary: fc.constantFrom('$.r', '$.obj.r', '$.a') },
  { weight: 2, arbitrary: fc.constantFrom(null, '$.a.deep') },
)

/** A literal JSON value for Result and Parameters. */
export const literal: fc.Arbitrary<unknown> = fc.oneof(scalar, list, inner)

const quoted = fc.constantFrom("'x'", "'a,b'", "','", "'-'", "'{}'", "' '")
const argument = fc.oneof({ weight: 3, arbitrary: path }, { weight: 1, arbitrary: fc.oneof(quoted, smallInt.map(String)) })
const hashAlgorithm = fc.constantFrom("'MD5'", "'SHA-1'", "'SHA-256'", "'SHA-384'", "'SHA-512'")

/**
 * An intrinsic function call as it is written in a `.$` field, possibly nested. States.UUID and
 * States.MathRandom are left out: their results are random. Three functions are generated only in
 * forms where aws-local-stepfunctions 3.0.0 agrees with AWS or the disagreement is undecided:
 * - States.ArrayGetItem only with an index inside the array: out of bounds aws-local-stepfunctions
 *   answers null and dlc fails with States.IntrinsicFailure; AWS is not recorded.
 * - States.StringSplit only of text that gives no empty pieces (`x{}x` around the value, one
 *   separator character): aws-local-stepfunctions keeps empty strings that AWS drops (recorded:
 *   intrinsic_functions.test_string_operations_test_string_split..., ", , ," on "," gives [" ", " "]).
 * - States.Base64Decode only of padded base64 (its own States.Base64Encode, or a literal):
 *   unpadded or spaced text ('ab', ' ') decodes in aws-local-stepfunctions (atob) and fails in dlc;
 *   AWS is not recorded.
 */
export const intrinsic: fc.Arbitrary<string> = fc.letrec<{ call: string; arg: string }>((tie) => ({
  arg: fc.oneof({ depthSize: 'small', withCrossShrink: true }, argument, argument, tie('call')),
  call: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    // As many values as the template has placeholders: dlc's validator refuses other counts.
    fc.constantFrom("'{} and {}'", "'value: {}'", "'{}'", "'none'").chain((template) =>
      fc.array(tie('arg'), { minLength: template.split('{}').length - 1, maxLength: template.split('{}').length - 1 }).map((args) => `States.Format(${[template, ...args].join(', ')})`),
    ),
    fc.tuple(tie('arg'), smallInt).map(([value, step]) => `States.MathAdd(${value}, ${step})`),
    tie('arg').map((value) => `States.ArrayLength(${value})`),
    fc.array(tie('arg'), { maxLength: 3 }).map((items) => `States.Array(${items.join(', ')})`),
    fc.tuple(tie('arg'), argument).map(([array, value]) => `States.ArrayContains(${array}, ${value})`),
    fc.tuple(fc.array(tie('arg'), { minLength: 1, maxLength: 3 }), fc.nat()).map(([items, pick]) => `States.ArrayGetItem(States.Array(${items.join(', ')}), ${pick % items.length})`),
    fc.constantFrom(0, 1, 2).map((index) => `States.ArrayGetItem($.fixed, ${index})`),
    fc.tuple(fc.integer({ min: -2, max: 5 }), fc.integer({ min: -2, max: 9 }), fc.constantFrom(1, 2, 3, -1)).map(([first, last, step]) => `States.ArrayRange(${first}, ${last}, ${step})`),
    tie('arg').map((array) => `States.ArrayUnique(${array})`),
    fc.tuple(tie('arg'), fc.integer({ min: 0, max: 3 })).map(([array, size]) => `States.ArrayPartition(${array}, ${size})`),
    tie('arg').map((value) => `States.JsonToString(${value})`),
    tie('arg').map((value) => `States.StringToJson(${value})`),
    tie('arg').map((value) => `States.Base64Encode(${value})`),
    fc.oneof(tie('arg').map((value) => `States.Base64Encode(${value})`), fc.constantFrom("'aGk='", "'WzEsMl0='")).map((encoded) => `States.Base64Decode(${encoded})`),
    fc.tuple(tie('arg'), hashAlgorithm).map(([value, algorithm]) => `States.Hash(${value}, ${algorithm})`),
    fc.tuple(tie('arg'), fc.constantFrom("','", "' '")).map(([value, separator]) => `States.StringSplit(States.Format('x{}x', ${value}), ${separator})`),
  ),
})).call

/** A Parameters template: literals, paths, intrinsic calls and `contextPaths` under the vocabulary's keys. */
function templateOf(contextPaths: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const values = [
    literal.map((value) => ({ dynamic: false, value })),
    path.map((value) => ({ dynamic: true, value })),
    intrinsic.map((value) => ({ dynamic: true, value })),
    ...(contextPaths.length === 0 ? [] : [fc.constantFrom(...contextPaths).map((value) => ({ dynamic: true, value }))]),
  ]
  return fc
    .uniqueArray(fc.tuple(fc.constantFrom(...KEYS, 'r'), fc.oneof(...values)), { minLength: 1, maxLength: 4, selector: ([key]) => key })
    .map((fields) => Object.fromEntries(fields.map(([key, { dynamic, value }]) => (dynamic ? [`${key}.$`, value] : [key, value]))))
}

/** Parameters at the top level of a machine, where they may read the execution's input from the context object. */
export const template = templateOf(['$$.Execution.Input', '$$.Execution.Input.a'])

/** Parameters inside a Parallel branch or Map processor. */
export const branchTemplate = templateOf([])
