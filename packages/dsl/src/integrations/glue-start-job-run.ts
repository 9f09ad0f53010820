import type { ResourceRef } from '../expr/resource-ref.js'
import { createIntegration, type Integration } from './integration.js'

/** What `glue:startJobRun.sync` returns when the run has ended: Glue's JobRun. */
export interface GlueJobRun {
  readonly Id: string
  readonly JobName: string
  readonly JobRunState: 'SUCCEEDED' | 'FAILED' | 'TIMEOUT' | 'STOPPED' | 'ERROR'
  /** Epoch milliseconds, as the `.sync` output carries Glue's timestamps. */
  readonly StartedOn: number
  readonly CompletedOn: number
  /** Seconds the run used. */
  readonly ExecutionTime: number
  readonly Attempt: number
  readonly ErrorMessage?: string
}

/**
 * Runs a Glue job and waits for it to end (`.sync`): a failed run fails the Task with
 * `States.TaskFailed` and Glue's error message as the cause.
 * @example f.task('Clean sales', { resource: glueStartJobRun(resourceRef('glue:job', 'sales-etl', 'name')), arguments: { Arguments: { '--batch_date': '2026-11-24' } } })
 */
export function glueStartJobRun(job: ResourceRef): Integration<GlueJobRun> {
  return createIntegration({
    name: 'glue-start-job-run',
    service: 'glue',
    action: 'startJobRun',
    pattern: 'sync',
    resource: 'arn:aws:states:::glue:startJobRun.sync',
    defaults: { JobName: job },
    target: { job: job.ref.id },
  })
}
