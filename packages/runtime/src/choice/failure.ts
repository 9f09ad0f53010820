/**
 * The `States.Runtime` error a Choice rule raises: a path that selects nothing, or a `...Path`
 * operand of the wrong type for an ordering comparison. The cause is AWS's wording without the
 * "An error occurred while executing the state ..." prefix, which the interpreter adds.
 *
 * @example throw new ChoiceRuleError(pathNotFound('$.type'))
 */
export class ChoiceRuleError extends Error {
  override readonly name = 'States.Runtime'
  readonly error = 'States.Runtime'
  override readonly cause: string

  constructor(cause: string) {
    super(cause)
    this.cause = cause
  }
}

/**
 * AWS's cause when the Variable path (or a `...Path` operand) selects nothing. Only `IsPresent`
 * tolerates a missing Variable.
 *
 * @example pathNotFound('$.type') // "Invalid path '$.type': The choice state's condition path references an invalid value."
 */
export function pathNotFound(path: string): string {
  return `Invalid path '${path}': The choice state's condition path references an invalid value.`
}

/**
 * The cause when an ordering comparison (`StringLessThanPath`, `NumericGreaterThanPath`, ...)
 * reads an operand of the wrong type; the `...EqualsPath` operators answer false instead.
 *
 * @example wrongOperandType('$.limit') // "Invalid value provided at path '$.limit'"
 */
export function wrongOperandType(path: string): string {
  return `Invalid value provided at path '${path}'`
}

/**
 * The cause for a rule AWS would have refused when the state machine was created (no operator,
 * two operators, a literal of the wrong type); the wording is dlc's, since AWS never runs one.
 *
 * @example invalidRule('NumericEquals must be a number, got "abc"')
 */
export function invalidRule(problem: string): string {
  return `The choice rule is not valid: ${problem}`
}
