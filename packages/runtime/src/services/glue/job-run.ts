import { randomBytes } from 'node:crypto'
import type { GlueJobNode } from '@dlc/dsl'

export type JobRunState = 'SUCCEEDED' | 'FAILED' | 'TIMEOUT' | 'STOPPED'

/**
 * Glue's JobRun (GetJobRun), as Step Functions hands it to the next state after
 * `glue:startJobRun.sync`: fields in alphabetical order, times as epoch milliseconds,
 * ExecutionTime in whole seconds. The capacity fields are the ones dlc's template gives the job.
 */
export interface JobRun {
  readonly AllocatedCapacity: number
  readonly Arguments: Readonly<Record<string, string>>
  readonly Attempt: number
  readonly CompletedOn: number
  readonly ErrorMessage?: string
  readonly ExecutionTime: number
  readonly GlueVersion: string
  readonly Id: string
  readonly JobName: string
  readonly JobRunState: JobRunState
  readonly LastModifiedOn: number
  readonly LogGroupName: string
  readonly MaxCapacity: number
  readonly NumberOfWorkers?: number
  readonly PredecessorRuns: readonly never[]
  readonly StartedOn: number
  /** Minutes. */
  readonly Timeout: number
  readonly WorkerType?: string
}

/** A run id as Glue writes them: `jr_` and 64 hex digits. */
export const newJobRunId = (): string => `jr_${randomBytes(32).toString('hex')}`

export interface JobRunFacts {
  readonly id: string
  readonly jobName: string
  readonly arguments: Readonly<Record<string, string>>
  readonly state: JobRunState
  readonly startedOn: number
  readonly completedOn: number
  readonly timeoutMinutes: number
  readonly errorMessage?: string
}

/**
 * The JobRun of a finished local run. A Python shell job (MaxCapacity 1, Glue 3.0) logs to
 * `/aws-glue/python-jobs`; a Spark job (2 G.1X workers, Glue 5.0) to `/aws-glue/jobs`.
 *
 * @example jobRun(job, { id: newJobRunId(), jobName: 'nightly-sales-sales-etl-local', arguments: {}, state: 'SUCCEEDED', startedOn: 0, completedOn: 1500, timeoutMinutes: 60 }).ExecutionTime // 2
 */
export function jobRun(job: GlueJobNode, facts: JobRunFacts): JobRun {
  const spark = job.engine === 'spark'
  return {
    AllocatedCapacity: spark ? 2 : 1,
    Arguments: facts.arguments,
    Attempt: 0,
    CompletedOn: facts.completedOn,
    ...(facts.errorMessage === undefined ? {} : { ErrorMessage: facts.errorMessage }),
    ExecutionTime: Math.ceil((facts.completedOn - facts.startedOn) / 1000),
    GlueVersion: spark ? '5.0' : '3.0',
    Id: facts.id,
    JobName: facts.jobName,
    JobRunState: facts.state,
    LastModifiedOn: facts.completedOn,
    LogGroupName: spark ? '/aws-glue/jobs' : '/aws-glue/python-jobs',
    MaxCapacity: spark ? 2 : 1,
    ...(spark ? { NumberOfWorkers: 2 } : {}),
    PredecessorRuns: [],
    StartedOn: facts.startedOn,
    Timeout: facts.timeoutMinutes,
    ...(spark ? { WorkerType: 'G.1X' } : {}),
  }
}
