import type { IntrinsicOptions } from '../intrinsics/index.js'
import type { JsonataOptions } from '../jsonata/index.js'
import type { LocalS3 } from '../s3/index.js'
import type { Clock } from './clock.js'
import type { StateAt } from './errors.js'
import type { EventDetails, History } from './history.js'
import type { TaskDispatcher } from './tasks.js'

export type QueryLanguage = 'JSONPath' | 'JSONata'

/** One state of an ASL definition, as JSON. */
export type StateDefinition = Readonly<Record<string, unknown>>

/** A machine or a nested one (a Parallel branch, a Map's ItemProcessor). */
export interface StatesBlock {
  readonly StartAt: string
  readonly States: Readonly<Record<string, StateDefinition>>
  readonly QueryLanguage?: QueryLanguage
}

/** What stays the same for the whole execution. */
export interface ExecutionEnv {
  readonly clock: Clock
  readonly history: History
  readonly tasks: TaskDispatcher
  readonly effects: IntrinsicOptions & JsonataOptions
  readonly execution: Readonly<Record<string, unknown>>
  readonly stateMachine: Readonly<Record<string, unknown>>
  readonly region: string
  /** Stops every branch: the execution timed out, or failed in another branch. */
  readonly stopped: AbortSignal
  /** The folder that stands in for S3 (Distributed Map readers and writers, local services). */
  readonly s3?: LocalS3 | undefined
  /** Largest state input/output in bytes before States.DataLimitExceeded. */
  readonly payloadLimit: number
}

/** Where a run of states is: the execution, the variables in scope, the last event. */
export interface Frame {
  readonly env: ExecutionEnv
  readonly language: QueryLanguage
  variables: Readonly<Record<string, unknown>>
  /** Aborted when a sibling branch fails: this branch stops at its next state. */
  readonly stop: AbortSignal
  lastEventId: number
}

/** One state while it runs: its name, the language it evaluates in, its context object. */
export interface StateRun {
  readonly name: string
  readonly state: StateDefinition
  readonly at: StateAt
  readonly language: QueryLanguage
  readonly frame: Frame
  retryCount: number
  context(): Record<string, unknown>
  record(type: string, details?: EventDetails): number
}

/** What a state ends with: its output, the next state (none at the end), the variables it assigns. */
export interface Outcome {
  readonly output: unknown
  readonly next: string | undefined
  readonly assigned?: Readonly<Record<string, unknown>> | undefined
}
