import type { PathRead } from '../../src/choice/index.js'
import { IntrinsicPathNotFound, type IntrinsicScope } from '../../src/intrinsics/index.js'
import { resolvePath } from '../../src/intrinsics/path.js'

/**
 * A `read` for evaluateChoiceRule over definite paths (`$.a.b[0]`, `$$.Execution.Id`, `$name.x`),
 * reusing the intrinsic functions' path reader: a path that selects nothing reads as not found.
 *
 * @example reader({ input: { a: 1 }, context: {} })('$.a') // { found: true, value: 1 }
 */
export function reader(scope: IntrinsicScope): (path: string) => PathRead {
  return (path) => {
    try {
      return { found: true, value: resolvePath(path, scope, 'Choice') }
    } catch (error) {
      if (error instanceof IntrinsicPathNotFound) return { found: false }
      throw error
    }
  }
}

/** A reader over a state input alone. */
export const readInput = (input: unknown): ((path: string) => PathRead) => reader({ input, context: {} })
