import { IntrinsicFailure, IntrinsicPathNotFound } from './failure.js'

/** What a path argument can reach: the state's input (`$`), the context object (`$$`) and variables (`$name`). */
export interface IntrinsicScope {
  readonly input: unknown
  readonly context: unknown
  readonly variables?: Readonly<Record<string, unknown>>
}

type Step = string | number

const NOT_FOUND = Symbol('not found')

/**
 * Reads the value a path argument names. Supports the subset intrinsic arguments use in practice:
 * `$`, `$.a.b`, `$.a[0]`, `$['a']`, `$$.Execution.Id` and `$variable.a`; wildcards, slices,
 * filters and recursive descent are refused rather than guessed at.
 *
 * @example resolvePath('$.items[0].id', { input: { items: [{ id: 7 }] }, context: {} }, 'States.Array') // 7
 */
export function resolvePath(text: string, scope: IntrinsicScope, functionName: string): unknown {
  const { root, rest } = splitRoot(text, scope, functionName)
  let value = root
  for (const step of steps(rest, text, functionName)) {
    value = select(value, step)
    if (value === NOT_FOUND) throw new IntrinsicPathNotFound(text, functionName)
  }
  if (value === NOT_FOUND) throw new IntrinsicPathNotFound(text, functionName)
  return value
}

function splitRoot(text: string, scope: IntrinsicScope, functionName: string): { root: unknown; rest: string } {
  if (text.startsWith('$$')) return { root: scope.context, rest: text.slice(2) }
  const variable = /^\$([A-Za-z_][\w]*)/.exec(text)?.[1]
  if (variable === undefined) return { root: scope.input, rest: text.slice(1) }
  const variables = scope.variables ?? {}
  if (!Object.hasOwn(variables, variable)) throw new IntrinsicPathNotFound(text, functionName)
  return { root: variables[variable], rest: text.slice(1 + variable.length) }
}

function steps(rest: string, text: string, functionName: string): Step[] {
  const out: Step[] = []
  let at = 0
  const refuse = (): never => {
    throw new IntrinsicFailure(functionName, `the path '${text}' uses JSONPath the local runtime does not evaluate (only names, quoted names and indexes)`)
  }
  while (at < rest.length) {
    const tail = rest.slice(at)
    const name = /^\.([^.[\]*()?@,\s]+)/.exec(tail)
    if (name?.[1] !== undefined) {
      out.push(name[1])
      at += name[0].length
      continue
    }
    const index = /^\[\s*(\d+)\s*\]/.exec(tail)
    if (index?.[1] !== undefined) {
      out.push(Number(index[1]))
      at += index[0].length
      continue
    }
    const quoted = /^\[\s*(?:'([^']*)'|"([^"]*)")\s*\]/.exec(tail)
    if (quoted !== null) {
      out.push(quoted[1] ?? quoted[2] ?? '')
      at += quoted[0].length
      continue
    }
    refuse()
  }
  return out
}

function select(value: unknown, step: Step): unknown {
  if (typeof step === 'number') return Array.isArray(value) && step < value.length ? (value[step] as unknown) : NOT_FOUND
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return NOT_FOUND
  return Object.hasOwn(value, step) ? (value as Record<string, unknown>)[step] : NOT_FOUND
}
