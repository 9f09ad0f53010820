/**
 * A path that does not parse. The message names the path, the problem and the character
 * (counted from 1) where reading stopped.
 *
 * @example new PathSyntaxError('$.a[', "expected an index, a quoted name, '*' or a filter after '['", 4).message
 * // "'$.a[' is not a valid JSONPath: expected an index, a quoted name, '*' or a filter after '[' (at character 5)"
 */
export class PathSyntaxError extends Error {
  override readonly name = 'PathSyntaxError'
  /** The character (from 1) where the problem is. */
  readonly position: number

  constructor(
    readonly path: string,
    readonly problem: string,
    offset: number,
    /** What the text should have been: a JSONPath, or a Reference Path where a field takes one. */
    expected: 'JSONPath' | 'Reference Path' = 'JSONPath',
  ) {
    super(`'${path}' is not a valid ${expected}: ${problem} (at character ${offset + 1})`)
    this.position = offset + 1
  }
}

/**
 * A ResultPath (or a Catch's ResultPath) that cannot place the result: it goes through a value
 * that is not an object, or an index that is not there. AWS fails the state with `States.Runtime`
 * and this cause, printing the input as JSON (github.com/aws/aws-cdk/issues/29473 records it).
 *
 * @example new PathWriteError('$.partitioned', '{"min_size":10000}').message
 * // 'Unable to apply ReferencePath $.partitioned to input "{\"min_size\":10000}"'
 */
export class PathWriteError extends Error {
  override readonly name = 'States.Runtime'
  override readonly cause: string

  constructor(
    readonly path: string,
    readonly input: unknown,
  ) {
    const cause = `Unable to apply ReferencePath ${path} to input ${JSON.stringify(input)}`
    super(cause)
    this.cause = cause
  }
}
