import { describe, expect, it } from 'vitest'
import { IntrinsicFailure, IntrinsicPathNotFound } from '../../src/intrinsics/index.js'
import { resolvePath } from '../../src/intrinsics/path.js'

const scope = { input: { list: [1, 2, 3], 'odd key': { a: 'x' } }, context: { Execution: { Name: 'run-1' } }, variables: { limits: { rows: 10 } } }

describe('path arguments of intrinsic functions read with the JSONPath evaluator', () => {
  it('reads names, quoted names, indexes from either end, the context object and variables', () => {
    expect(resolvePath('$.list[-1]', scope, 'States.Array')).toBe(3)
    expect(resolvePath("$['odd key'].a", scope, 'States.Array')).toBe('x')
    expect(resolvePath('$$.Execution.Name', scope, 'States.Array')).toBe('run-1')
    expect(resolvePath('$limits.rows', scope, 'States.Array')).toBe(10)
  })

  it('a path that selects nothing is States.Runtime', () => {
    expect(() => resolvePath('$.list[3]', scope, 'States.Format')).toThrow(IntrinsicPathNotFound)
    expect(() => resolvePath('$.list[3]', scope, 'States.Format')).toThrow("The JsonPath argument '$.list[3]' of States.Format could not be found in the input")
  })

  it('a path that does not parse is an intrinsic failure naming the character', () => {
    expect(() => resolvePath('$.list[', scope, 'States.Array')).toThrow(IntrinsicFailure)
    expect(() => resolvePath('$.list[', scope, 'States.Array')).toThrow("States.Array: the path '$.list[' is not valid JSONPath: expected an index, a quoted name, '*' or a filter after '[' (at character 8)")
  })

  it('paths that select several nodes are refused', () => {
    for (const path of ['$.list[*]', '$.list[0:2]', '$..a', '$.list[?(@ > 1)]']) {
      expect(() => resolvePath(path, scope, 'States.Array')).toThrow(`States.Array: the path '${path}' uses JSONPath the local runtime does not evaluate (only names, quoted names and indexes)`)
    }
  })
})
