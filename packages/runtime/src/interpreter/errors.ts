/**
 * An error as Step Functions reports it: a name (`States.Runtime`, `Glue.ConcurrentRunsExceededException`)
 * and an optional cause. A Fail state without Error fails with no name: the empty string here. Tasks, Fail states and the runtime itself all fail with one.
 *
 * @example throw new StatesError('States.Timeout', "The state 'Crawl' timed out after 60 seconds")
 */
export class StatesError extends Error {
  override readonly name = 'StatesError'
  readonly error: string
  override readonly cause: string | undefined

  constructor(error: string, cause?: string) {
    super(cause === undefined ? error : `${error}: ${cause}`)
    this.error = error
    this.cause = cause
  }

  /** The error output a Catch hands on: `{ Error, Cause }`, Cause only when there is one. */
  output(): { Error?: string; Cause?: string } {
    return { ...(this.error === '' ? {} : { Error: this.error }), ...(this.cause === undefined ? {} : { Cause: this.cause }) }
  }

  /** The `{ error, cause }` of a failure event in the history. */
  details(): { error?: string; cause?: string } {
    return { ...(this.error === '' ? {} : { error: this.error }), ...(this.cause === undefined ? {} : { cause: this.cause }) }
  }
}

/** Errors no retrier or catcher handles, whatever its ErrorEquals: the execution fails. */
const UNCATCHABLE = new Set(['States.Runtime'])

/** Errors `States.ALL` does not match; a catcher must name them. */
const OUTSIDE_ALL = new Set(['States.DataLimitExceeded'])

/**
 * Whether an ErrorEquals list matches an error name, as AWS matches it: `States.ALL` matches any
 * error but the terminal ones, `States.TaskFailed` any but `States.Timeout`, and `States.Runtime`
 * is never caught.
 *
 * @example errorMatches(['States.TaskFailed'], 'Glue.ConcurrentRunsExceededException') // true
 */
export function errorMatches(errorEquals: readonly unknown[], error: string): boolean {
  if (UNCATCHABLE.has(error)) return false
  return errorEquals.some((name) => {
    if (name === error) return true
    if (name === 'States.ALL') return !OUTSIDE_ALL.has(error)
    if (name === 'States.TaskFailed') return error !== 'States.Timeout' && !OUTSIDE_ALL.has(error)
    return false
  })
}

/** Where a runtime error happened, for the prefix AWS puts on its causes. */
export interface StateAt {
  readonly name: string
  readonly enteredEventId: number
}

/**
 * Turns anything a state's evaluation threw into the StatesError AWS would report: evaluation
 * errors keep their name and get AWS's "An error occurred while executing the state ..." prefix.
 */
export function asStatesError(thrown: unknown, at: StateAt): StatesError {
  if (thrown instanceof StatesError) return thrown
  // The evaluators' errors (intrinsics, JSONata, Choice rules, Map Run settings) are named `States.*` and carry AWS's cause.
  const named = thrown as { name?: unknown; cause?: unknown }
  if (thrown instanceof Error && typeof named.name === 'string' && named.name.startsWith('States.') && typeof named.cause === 'string') {
    return stateFailure(at, named.name, named.cause)
  }
  throw thrown
}

/**
 * A runtime error raised while a state runs, with AWS's prefix naming the state and the event
 * that entered it.
 *
 * @example stateFailure({ name: 'Wait', enteredEventId: 2 }, 'States.Runtime', 'The SecondsPath parameter ...')
 */
export function stateFailure(at: StateAt, error: string, problem: string): StatesError {
  return new StatesError(error, `An error occurred while executing the state '${at.name}' (entered at the event id #${at.enteredEventId}). ${problem}`)
}
