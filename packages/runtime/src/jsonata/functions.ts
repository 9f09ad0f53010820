import { createHash, randomUUID } from 'node:crypto'
import { JsonataFunctionError } from './failure.js'
import { seeded } from '../seeded.js'

/** Where $random and $uuid get their randomness; the defaults are Math.random and crypto.randomUUID. */
export interface JsonataOptions {
  readonly random?: () => number
  readonly uuid?: () => string
}

/** The same cap States.ArrayRange has; the guide gives $range as its replacement. */
const MAX_RANGE_ITEMS = 1000

/** AWS's algorithm names and node:crypto's. */
const ALGORITHMS: Readonly<Record<string, string>> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' }

const isInteger = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value)

/** Splits an array into chunks of `size` items; the last chunk holds what is left. */
function partition(array: unknown, size: unknown): unknown[][] {
  if (!Array.isArray(array)) throw new JsonataFunctionError('$partition', 'the first argument must be an array')
  if (!isInteger(size) || size < 1) throw new JsonataFunctionError('$partition', `the chunk size must be a positive integer, got ${JSON.stringify(size)}`)
  const chunks: unknown[][] = []
  for (let start = 0; start < array.length; start += size) chunks.push(array.slice(start, start + size))
  return chunks
}

/** The integers from start to end, both included, `step` apart. */
function range(start: unknown, end: unknown, step: unknown): number[] {
  for (const [label, value] of [['start', start], ['end', end], ['step', step]] as const) {
    if (!isInteger(value)) throw new JsonataFunctionError('$range', `the ${label} must be an integer, got ${JSON.stringify(value)}`)
  }
  const [from, to, by] = [start as number, end as number, step as number]
  if (by === 0) throw new JsonataFunctionError('$range', 'the step must not be 0')
  const count = Math.max(0, Math.floor((to - from) / by) + 1)
  if (count > MAX_RANGE_ITEMS) throw new JsonataFunctionError('$range', `the range has ${count} items; at most ${MAX_RANGE_ITEMS} are allowed`)
  return Array.from({ length: count }, (_, index) => from + index * by)
}

/** The hex digest of a string with one of AWS's five algorithms. */
function hash(data: unknown, algorithm: unknown): string {
  if (typeof data !== 'string') throw new JsonataFunctionError('$hash', 'the data must be a string')
  const nodeName = typeof algorithm === 'string' ? ALGORITHMS[algorithm] : undefined
  if (nodeName === undefined) throw new JsonataFunctionError('$hash', `the algorithm must be one of ${Object.keys(ALGORITHMS).join(', ')}, got ${JSON.stringify(algorithm)}`)
  return createHash(nodeName).update(data, 'utf8').digest('hex')
}

/** JSON text to its value. */
function parse(text: unknown): unknown {
  if (typeof text !== 'string') throw new JsonataFunctionError('$parse', 'the argument must be a string of JSON')
  try {
    return JSON.parse(text) as unknown
  } catch (error) {
    throw new JsonataFunctionError('$parse', `the text is not JSON (${(error as Error).message})`)
  }
}

/** Step Functions' own functions, and the JSONata ones it takes away, by name without the `$`. */
export function stepFunctionsFunctions(options: JsonataOptions): ReadonlyMap<string, (...args: unknown[]) => unknown> {
  const random = options.random ?? Math.random
  const uuid = options.uuid ?? randomUUID
  return new Map<string, (...args: unknown[]) => unknown>([
    ['partition', partition],
    ['range', range],
    ['hash', hash],
    [
      'random',
      (...args: unknown[]) => {
        if (args.length === 0 || args[0] === undefined) return random()
        if (!isInteger(args[0])) throw new JsonataFunctionError('$random', `the seed must be an integer, got ${JSON.stringify(args[0])}`)
        return seeded(args[0])
      },
    ],
    ['uuid', () => uuid()],
    ['parse', parse],
    [
      'eval',
      () => {
        throw new JsonataFunctionError('$eval', 'Step Functions does not support $eval; use $parse to read JSON text')
      },
    ],
  ])
}
