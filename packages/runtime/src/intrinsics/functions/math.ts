import { IntrinsicFailure } from '../failure.js'
import { argument, isInteger, isNumber, type IntrinsicFunction } from './arguments.js'
import { seeded } from '../../seeded.js'

/** MathAdd's operands and result are Java ints. */
const INT_MIN = -2_147_483_648
const INT_MAX = 2_147_483_647

/**
 * AWS rounds decimal operands to the nearest integer, halves towards positive infinity (Java's
 * Math.round): the recorded vectors give MathAdd(-1.5, 0) = -1 and MathAdd(2.5, 0) = 3.
 */
const roundHalfUp = (value: number): number => Math.round(value) + 0

function int(name: string, value: number): number {
  const rounded = roundHalfUp(value)
  if (rounded < INT_MIN || rounded > INT_MAX) throw new IntrinsicFailure(name, `${value} is outside the integer range ${INT_MIN} to ${INT_MAX}`)
  return rounded
}

export const mathAdd: IntrinsicFunction = (args, _effects, name) => {
  const sum = int(name, argument(name, args, 0, 'a number', isNumber)) + int(name, argument(name, args, 1, 'a number', isNumber))
  if (sum < INT_MIN || sum > INT_MAX) throw new IntrinsicFailure(name, `the sum ${sum} is outside the integer range ${INT_MIN} to ${INT_MAX}`)
  return sum
}

/** An integer from start (inclusive) to end (exclusive); a seed makes the number repeatable. */
export const mathRandom: IntrinsicFunction = (args, effects, name) => {
  const start = int(name, argument(name, args, 0, 'a number', isNumber))
  const end = int(name, argument(name, args, 1, 'a number', isNumber))
  if (end <= start) throw new IntrinsicFailure(name, `the end ${end} must be greater than the start ${start}`)
  const random = args.length > 2 ? seeded(argument(name, args, 2, 'an integer seed', isInteger)) : effects.random()
  return start + Math.floor(random * (end - start))
}

