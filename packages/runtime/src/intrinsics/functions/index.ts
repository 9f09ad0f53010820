import { array, arrayContains, arrayGetItem, arrayLength, arrayPartition, arrayRange, arrayUnique } from './arrays.js'
import { base64Decode, base64Encode, hash } from './encoding.js'
import { jsonMerge, jsonToString, stringToJson } from './json.js'
import { mathAdd, mathRandom } from './math.js'
import { format, stringSplit, uuid } from './strings.js'
import type { IntrinsicFunction } from './arguments.js'

export type { Argument, Effects, IntrinsicFunction } from './arguments.js'

interface Entry {
  readonly run: IntrinsicFunction
  /** How many arguments it takes, from the developer guide. */
  readonly min: number
  readonly max: number
}

/** The 18 intrinsic functions of JSONPath states, by the name ASL calls them. */
export const INTRINSIC_FUNCTIONS: ReadonlyMap<string, Entry> = new Map<string, Entry>([
  ['States.Format', { run: format, min: 1, max: Infinity }],
  ['States.StringToJson', { run: stringToJson, min: 1, max: 1 }],
  ['States.JsonToString', { run: jsonToString, min: 1, max: 1 }],
  ['States.Array', { run: array, min: 0, max: Infinity }],
  ['States.ArrayPartition', { run: arrayPartition, min: 2, max: 2 }],
  ['States.ArrayContains', { run: arrayContains, min: 2, max: 2 }],
  ['States.ArrayRange', { run: arrayRange, min: 3, max: 3 }],
  ['States.ArrayGetItem', { run: arrayGetItem, min: 2, max: 2 }],
  ['States.ArrayLength', { run: arrayLength, min: 1, max: 1 }],
  ['States.ArrayUnique', { run: arrayUnique, min: 1, max: 1 }],
  ['States.Base64Encode', { run: base64Encode, min: 1, max: 1 }],
  ['States.Base64Decode', { run: base64Decode, min: 1, max: 1 }],
  ['States.Hash', { run: hash, min: 2, max: 2 }],
  ['States.JsonMerge', { run: jsonMerge, min: 3, max: 3 }],
  ['States.MathRandom', { run: mathRandom, min: 2, max: 3 }],
  ['States.MathAdd', { run: mathAdd, min: 2, max: 2 }],
  ['States.StringSplit', { run: stringSplit, min: 2, max: 2 }],
  ['States.UUID', { run: uuid, min: 0, max: 0 }],
])
