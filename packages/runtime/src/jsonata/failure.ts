/**
 * The error AWS raises when a JSONata expression fails: a JSONata error, a Step Functions
 * function refusing its arguments, or nothing (undefined) where a field needs a value.
 * Catchable in ASL as `States.QueryEvaluationError`.
 *
 * @example throw new QueryEvaluationError("The JSONata expression '$x' specified for the field 'Output' returned nothing (undefined).")
 */
export class QueryEvaluationError extends Error {
  override readonly name = 'States.QueryEvaluationError'
  override readonly cause: string

  constructor(cause: string) {
    super(cause)
    this.cause = cause
  }
}

/** A Step Functions function refusing its arguments; reported inside a QueryEvaluationError's cause. */
export class JsonataFunctionError extends Error {
  constructor(functionName: string, problem: string) {
    super(`${functionName}: ${problem}`)
  }
}
