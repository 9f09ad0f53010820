import { isDeepStrictEqual } from 'node:util'
import { StatesError } from './errors.js'

/** What a task handler is told besides its input. */
export interface TaskCall {
  /** The Task's Resource, placeholders resolved: `arn:aws:states:::glue:startJobRun.sync`. */
  readonly resource: string
  readonly stateName: string
  /** 0 on the first attempt, 1 on the first retry, ... */
  readonly attempt: number
  /** The context object (`$$`) of the state. */
  readonly context: Readonly<Record<string, unknown>>
  /** Aborted when the state times out or the execution stops. */
  readonly signal: AbortSignal
  /** Tells the runtime the task is alive (HeartbeatSeconds). */
  heartbeat(): void
}

/**
 * Runs one Task: returns its result, or throws `new StatesError(name, cause)` to fail it as a
 * service would (`Glue.ConcurrentRunsExceededException`, `Lambda.Unknown`, ...).
 */
export type TaskHandler = (input: unknown, call: TaskCall) => unknown

/**
 * One mocked answer: a result, or an error with its cause. A mock with `sequence` gives one answer
 * per attempt (the last repeats), for retry tests, the way TestState and Step Functions Local mock.
 */
export type MockAnswer = { readonly result: unknown } | { readonly error: string; readonly cause?: string }

export interface TaskMock {
  /** Which Task: by state name, by resource ARN, or both. */
  readonly state?: string
  readonly resource?: string
  /** Only when the task's input equals this. */
  readonly input?: unknown
  readonly answer?: MockAnswer
  readonly sequence?: readonly MockAnswer[]
}

/** Finds the handler for a Task: mocks first, then handlers by exact resource, then by `*` pattern. */
export class TaskDispatcher {
  private readonly patterns: ReadonlyArray<readonly [RegExp, TaskHandler]>

  constructor(
    private readonly handlers: Readonly<Record<string, TaskHandler>> = {},
    private readonly mocks: readonly TaskMock[] = [],
  ) {
    this.patterns = Object.entries(handlers)
      .filter(([key]) => key.includes('*'))
      .map(([key, handler]) => [new RegExp(`^${key.split('*').map(escapeRegExp).join('.*')}$`), handler] as const)
  }

  async invoke(input: unknown, call: TaskCall): Promise<unknown> {
    const mock = this.mocks.find((candidate) => matches(candidate, input, call))
    if (mock !== undefined) return answer(mock, call.attempt)
    const handler = this.handlers[call.resource] ?? this.patterns.find(([pattern]) => pattern.test(call.resource))?.[1]
    if (handler === undefined) {
      throw new StatesError(
        'States.Runtime',
        `No handler or mock for the resource '${call.resource}' of the state '${call.stateName}'. Register one in run(..., { handlers }) or give a mock (dlc exec --mock).`,
      )
    }
    return handler(input, call)
  }
}

function matches(mock: TaskMock, input: unknown, call: TaskCall): boolean {
  if (mock.state !== undefined && mock.state !== call.stateName) return false
  if (mock.resource !== undefined && mock.resource !== call.resource) return false
  if (mock.input !== undefined && !isDeepStrictEqual(mock.input, input)) return false
  return true
}

function answer(mock: TaskMock, attempt: number): unknown {
  const answers = mock.sequence ?? (mock.answer === undefined ? [] : [mock.answer])
  const chosen = answers[Math.min(attempt, answers.length - 1)]
  if (chosen === undefined) throw new StatesError('States.Runtime', `The mock for ${mock.state ?? mock.resource ?? 'a task'} has no answer`)
  if ('error' in chosen) throw new StatesError(chosen.error, chosen.cause)
  return structuredClone(chosen.result)
}

const escapeRegExp = (text: string): string => text.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
