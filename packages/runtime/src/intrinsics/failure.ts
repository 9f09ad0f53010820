/**
 * The error AWS raises when an intrinsic function cannot produce a value: wrong arguments, an
 * index out of bounds, text that is not JSON or base64. Catchable in ASL as `States.IntrinsicFailure`.
 *
 * @example throw new IntrinsicFailure('States.ArrayGetItem', 'the index 9 is out of bounds of an array of 3 items')
 */
export class IntrinsicFailure extends Error {
  override readonly name = 'States.IntrinsicFailure'
  override readonly cause: string

  constructor(functionName: string, problem: string) {
    const cause = `${functionName}: ${problem}`
    super(cause)
    this.cause = cause
  }
}

/**
 * A path argument that selects nothing. AWS reports it as `States.Runtime`, not as an intrinsic
 * failure, because the failure is in resolving the input rather than in the function.
 *
 * @example throw new IntrinsicPathNotFound('$.missing', 'States.Format')
 */
export class IntrinsicPathNotFound extends Error {
  override readonly name = 'States.Runtime'
  override readonly cause: string

  constructor(path: string, functionName: string) {
    const cause = `The JsonPath argument '${path}' of ${functionName} could not be found in the input`
    super(cause)
    this.cause = cause
  }
}
