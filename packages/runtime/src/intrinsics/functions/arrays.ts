import { IntrinsicFailure } from '../failure.js'
import { argument, isArray, isInteger, jsonEqual, type IntrinsicFunction } from './arguments.js'

/** The guide caps States.ArrayRange at 1,000 items. */
const MAX_RANGE_ITEMS = 1000

export const array: IntrinsicFunction = (args) => args.map(({ value }) => value)

export const arrayPartition: IntrinsicFunction = (args, _effects, name) => {
  const items = argument(name, args, 0, 'an array', isArray)
  const size = argument(name, args, 1, 'a positive integer chunk size', isInteger)
  if (size <= 0) throw new IntrinsicFailure(name, `the chunk size must be a positive integer, got ${size}`)
  const chunks: unknown[][] = []
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size))
  return chunks
}

export const arrayContains: IntrinsicFunction = (args, _effects, name) => {
  const items = argument(name, args, 0, 'an array', isArray)
  const wanted = args[1]?.value
  return items.some((item) => jsonEqual(item, wanted))
}

export const arrayRange: IntrinsicFunction = (args, _effects, name) => {
  const start = argument(name, args, 0, 'an integer', isInteger)
  const end = argument(name, args, 1, 'an integer', isInteger)
  const step = argument(name, args, 2, 'a non-zero integer', isInteger)
  if (step === 0) throw new IntrinsicFailure(name, 'the step must be a non-zero integer')
  const count = Math.max(0, Math.floor((end - start) / step) + 1)
  if (count > MAX_RANGE_ITEMS) throw new IntrinsicFailure(name, `the range would hold ${count} items; at most ${MAX_RANGE_ITEMS} are allowed`)
  return Array.from({ length: count }, (_, index) => start + index * step)
}

export const arrayGetItem: IntrinsicFunction = (args, _effects, name) => {
  const items = argument(name, args, 0, 'an array', isArray)
  const index = argument(name, args, 1, 'a non-negative integer index', isInteger)
  if (index < 0 || index >= items.length) throw new IntrinsicFailure(name, `the index ${index} is out of bounds of an array of ${items.length} items`)
  return items[index]
}

export const arrayLength: IntrinsicFunction = (args, _effects, name) => argument(name, args, 0, 'an array', isArray).length

export const arrayUnique: IntrinsicFunction = (args, _effects, name) => {
  const unique: unknown[] = []
  for (const item of argument(name, args, 0, 'an array', isArray)) if (!unique.some((kept) => jsonEqual(kept, item))) unique.push(item)
  return unique
}
