import { IntrinsicFailure } from '../failure.js'
import { argument, isBoolean, isObject, isString, type IntrinsicFunction } from './arguments.js'

export const stringToJson: IntrinsicFunction = (args, _effects, name) => {
  const text = argument(name, args, 0, 'a string', isString)
  try {
    // JSON has no negative zero: AWS returns "-0" as 0.
    return JSON.parse(text, (_key, value: unknown) => (Object.is(value, -0) ? 0 : value)) as unknown
  } catch {
    throw new IntrinsicFailure(name, `the input is not a JSON text: ${JSON.stringify(text.length > 80 ? `${text.slice(0, 77)}...` : text)}`)
  }
}

export const jsonToString: IntrinsicFunction = (args) => JSON.stringify(args[0]?.value ?? null)

export const jsonMerge: IntrinsicFunction = (args, _effects, name) => {
  const left = argument(name, args, 0, 'a JSON object', isObject)
  const right = argument(name, args, 1, 'a JSON object', isObject)
  const deep = argument(name, args, 2, 'a boolean', isBoolean)
  if (deep) throw new IntrinsicFailure(name, 'deep merging is not supported; pass false as the third argument')
  return { ...left, ...right }
}
