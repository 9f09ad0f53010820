import { isReferencePath, parsePath, PathSyntaxError, readPath } from '../jsonpath/index.js'
import { IntrinsicFailure, IntrinsicPathNotFound } from './failure.js'

/** What a path argument can reach: the state's input (`$`), the context object (`$$`) and variables (`$name`). */
export interface IntrinsicScope {
  readonly input: unknown
  readonly context: unknown
  readonly variables?: Readonly<Record<string, unknown>>
}

/**
 * Reads the value a path argument names, with the runtime's JSONPath evaluator: `$`, `$.a.b`,
 * `$.a[0]`, `$.a[-1]`, `$['a']`, `$$.Execution.Id` and `$variable.a`. Paths that select several
 * nodes (wildcards, slices, unions, filters, `..`) are refused rather than guessed at: what AWS
 * passes to a function for them is not recorded.
 *
 * @example resolvePath('$.items[0].id', { input: { items: [{ id: 7 }] }, context: {} }, 'States.Array') // 7
 */
export function resolvePath(text: string, scope: IntrinsicScope, functionName: string): unknown {
  try {
    parsePath(text)
  } catch (error) {
    if (error instanceof PathSyntaxError) throw new IntrinsicFailure(functionName, `the path '${text}' is not valid JSONPath: ${error.problem} (at character ${error.position})`)
    throw error
  }
  if (!isReferencePath(text)) {
    throw new IntrinsicFailure(functionName, `the path '${text}' uses JSONPath the local runtime does not evaluate (only names, quoted names and indexes)`)
  }
  const read = readPath(text, scope)
  if (!read.found) throw new IntrinsicPathNotFound(text, functionName)
  return read.value
}
