import { randomUUID } from 'node:crypto'
import { StatesError, type TaskCall } from '../interpreter/index.js'
import type { LocalEnvironment } from './environment.js'
import { runEtlJob, type EtlJobResult } from './glue/etl-job.js'
import { jobRun, newJobRunId, type JobRun, type JobRunState } from './glue/job-run.js'
import { ConcurrentRunError, lockJob } from './glue/publish.js'
import type { LocalService } from './service.js'

export type { EtlJobResult } from './glue/etl-job.js'
export type { JobRun, JobRunState } from './glue/job-run.js'
export type { EtlFigures, EtlReport } from './glue/script.js'

export interface GlueJobOptions {
  /** DuckDB's memory_limit for each run; past it DuckDB spills to the run's staging folder. Default `512MB`. */
  readonly memoryLimit?: string
  /** Called with each finished run: the JobRun and, when it succeeded, what the ETL did (bytes and files written, ...). */
  readonly onRun?: (run: JobRun, result: EtlJobResult | undefined) => void
}

const SYNC = 'arn:aws:states:::glue:startJobRun.sync'
const START = 'arn:aws:states:::glue:startJobRun'

// The job locks this process holds, so a second run of a job in the same process is refused too.
const running = new Set<string>()

/**
 * `glue:startJobRun(.sync)` without AWS: runs the pipeline's Glue job named by `JobName` as its
 * generated Python shell script would (runEtlJob: the dataset's DuckDB SQL on the batch in the
 * local S3 folder, partitioned Parquet and quarantine written atomically, the report JSON at
 * `--report`). With `.sync` the result is the run's JobRun, as GetJobRun gives it; a run that
 * fails, times out or is stopped fails the Task with `States.TaskFailed` and the JobRun (with
 * its ErrorMessage) as JSON cause. Without `.sync` the job still runs to its end before the
 * Task answers StartJobRun's `{ JobName, JobRunId }`, whatever the run's outcome, as AWS's
 * would. A job the pipeline does not declare fails with `Glue.EntityNotFoundException`, a
 * second run of a job still running with `Glue.ConcurrentRunsExceededException`.
 *
 * @example const handlers = localServices(env, [glueJobService({ memoryLimit: '1GB' })])
 */
export function glueJobService(options: GlueJobOptions = {}): LocalService {
  return {
    name: 'glue:startJobRun',
    resources: [SYNC, START],
    create: (env) => (input, call) => startJobRun(env, options, input, call),
  }
}

/** The Glue job service with its defaults. */
export const glueStartJobRun: LocalService = glueJobService()

async function startJobRun(env: LocalEnvironment, options: GlueJobOptions, input: unknown, call: TaskCall): Promise<unknown> {
  const request = startRequest(input)
  const found = env.pipeline.job(request.JobName)
  if (found === undefined) throw glueError('EntityNotFoundException', 'Failed to start job run due to missing metadata')
  const release = await lockJob(env.s3.root, request.JobName, running).catch((error: unknown) => {
    if (error instanceof ConcurrentRunError) throw glueError('ConcurrentRunsExceededException', error.message)
    throw error
  })
  const id = newJobRunId()
  const startedOn = Date.now()
  const timeoutMinutes = request.Timeout ?? found.job.timeoutMinutes
  const stop = new AbortController()
  const abort = (): void => stop.abort('STOPPED')
  call.signal.addEventListener('abort', abort)
  const timer = setTimeout(() => stop.abort('TIMEOUT'), timeoutMinutes * 60_000)
  const progress = (message: string, done?: number, total?: number): void => {
    call.heartbeat()
    env.progress({ service: 'glue', state: call.stateName, message, ...(done === undefined ? {} : { done }), ...(total === undefined ? {} : { total }) })
  }
  let state: JobRunState = 'SUCCEEDED'
  let errorMessage: string | undefined
  let result: EtlJobResult | undefined
  progress(`${request.JobName} ${id} started`)
  try {
    result = await runEtlJob({
      s3: env.s3,
      jobName: request.JobName,
      runId: id,
      dataset: found.dataset,
      arguments: request.Arguments,
      memoryLimit: options.memoryLimit ?? '512MB',
      signal: stop.signal,
      progress,
    })
  } catch (error) {
    state = stop.signal.aborted ? (stop.signal.reason as JobRunState) : 'FAILED'
    errorMessage = state === 'TIMEOUT' ? `Job run timed out after ${timeoutMinutes} minutes` : state === 'STOPPED' ? 'Job run stopped' : error instanceof Error ? error.message : String(error)
  } finally {
    clearTimeout(timer)
    call.signal.removeEventListener('abort', abort)
    await release()
  }
  const run = jobRun(found.job, { id, jobName: request.JobName, arguments: request.Arguments, state, startedOn, completedOn: Date.now(), timeoutMinutes, ...(errorMessage === undefined ? {} : { errorMessage }) })
  progress(state === 'SUCCEEDED' ? `${request.JobName} succeeded in ${run.ExecutionTime} s` : `${request.JobName} ${state}: ${errorMessage}`)
  options.onRun?.(run, result)
  if (call.resource !== SYNC) return { JobName: request.JobName, JobRunId: id }
  if (state !== 'SUCCEEDED') throw new StatesError('States.TaskFailed', JSON.stringify(run))
  return run
}

interface StartRequest {
  readonly JobName: string
  readonly Arguments: Readonly<Record<string, string>>
  readonly Timeout?: number
}

/** The StartJobRun fields the local job uses; the others (workers, security configuration, ...) mean nothing locally. */
function startRequest(input: unknown): StartRequest {
  const { JobName, Arguments = {}, Timeout } = (typeof input === 'object' && input !== null ? input : {}) as Record<string, unknown>
  if (typeof JobName !== 'string' || JobName === '') throw glueError('InvalidInputException', 'StartJobRun needs a JobName')
  if (typeof Arguments !== 'object' || Arguments === null || Array.isArray(Arguments) || Object.values(Arguments).some((value) => typeof value !== 'string')) {
    throw glueError('InvalidInputException', 'Arguments must map each argument name to a string')
  }
  if (Timeout !== undefined && (typeof Timeout !== 'number' || !Number.isInteger(Timeout) || Timeout < 1)) throw glueError('InvalidInputException', 'Timeout must be a positive number of minutes')
  return { JobName, Arguments: Arguments as Record<string, string>, ...(Timeout === undefined ? {} : { Timeout }) }
}

/** A Glue API error as Step Functions reports it: `Glue.<code>`, the SDK's message and its request summary as cause. */
function glueError(code: string, message: string): StatesError {
  return new StatesError(`Glue.${code}`, `${message} (Service: Glue, Status Code: 400, Request ID: ${randomUUID()})`)
}
