import { randomUUID } from 'node:crypto'
import { IntrinsicFailure } from './failure.js'
import { INTRINSIC_FUNCTIONS, type Argument, type Effects } from './functions/index.js'
import { resolvePath, type IntrinsicScope } from './path.js'
import { parseIntrinsic, readNumber, readString, readWord, type IntrinsicArgument, type IntrinsicCall } from './syntax.js'

export type { IntrinsicScope } from './path.js'

/** Where States.MathRandom and States.UUID get their randomness; the defaults are Math.random and crypto.randomUUID. */
export interface IntrinsicOptions {
  readonly random?: () => number
  readonly uuid?: () => string
}

/**
 * Evaluates one intrinsic function call of a JSONPath state, as AWS does: path arguments read the
 * input (`$`), the context object (`$$`) or a variable (`$name`), and calls nest. Throws
 * `IntrinsicFailure` (`States.IntrinsicFailure`) when a function cannot produce a value, and
 * `IntrinsicPathNotFound` (`States.Runtime`) when a path argument selects nothing.
 *
 * @example evaluateIntrinsic("States.Format('Hello, my name is {}.', $.name)", { input: { name: 'Arnav' }, context: {} }) // 'Hello, my name is Arnav.'
 */
export function evaluateIntrinsic(text: string, scope: IntrinsicScope, options: IntrinsicOptions = {}): unknown {
  const parsed = parseIntrinsic(text)
  if (!parsed.ok) throw new IntrinsicFailure('Intrinsic function', `'${text}' does not parse: ${parsed.message} (at character ${parsed.index + 1})`)
  const effects: Effects = { random: options.random ?? Math.random, uuid: options.uuid ?? randomUUID }
  return call(parsed.call, text, scope, effects)
}

function call(node: IntrinsicCall, text: string, scope: IntrinsicScope, effects: Effects): unknown {
  const entry = INTRINSIC_FUNCTIONS.get(node.name)
  if (entry === undefined) throw new IntrinsicFailure(node.name, 'there is no intrinsic function of this name')
  const { length } = node.args
  if (length < entry.min || length > entry.max) {
    const expected = entry.min === entry.max ? `${entry.min}` : entry.max === Infinity ? `at least ${entry.min}` : `${entry.min} to ${entry.max}`
    throw new IntrinsicFailure(node.name, `it takes ${expected} argument${expected === '1' ? '' : 's'}, got ${length}`)
  }
  const args = node.args.map((arg) => evaluateArgument(arg, node.name, text, scope, effects))
  return entry.run(args, effects, node.name)
}

function evaluateArgument(arg: IntrinsicArgument, functionName: string, text: string, scope: IntrinsicScope, effects: Effects): Argument {
  switch (arg.kind) {
    case 'string': {
      const literal = readString(text, arg.index)
      return { value: literal.value, literal }
    }
    case 'number':
      return { value: readNumber(text, arg.index) }
    case 'boolean':
    case 'null':
      return { value: readWord(text, arg.index) }
    case 'path':
      return { value: resolvePath(arg.text, scope, functionName) }
    case 'call':
      return { value: call(arg, text, scope, effects) }
  }
}
