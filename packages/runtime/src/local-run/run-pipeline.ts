import { mkdirSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { PipelineNode } from '@dlc/dsl'
import { run, type Execution, type HistoryEvent } from '../interpreter/index.js'
import { localPipeline, localServices, openEnvironment, type LocalEnvironment, type ServiceProgress } from '../services/index.js'
import { parseSmtpUrl, type SmtpSettings } from '../smtp/index.js'
import { summarize, type RunSummary } from './summary.js'

export interface PipelineRunOptions {
  readonly pipeline: PipelineNode
  /** The `.dlc` folder: S3, catalog, outbox and runs live under it. */
  readonly root: string
  /** The batch to run; without it the pipeline derives it from `at` (or now), as a scheduled run does. */
  readonly batchDate?: string
  /** When the schedule fires: the execution starts then, with `{ scheduledTime }` as its input. */
  readonly at?: Date
  /** Lets the caller place the batch once the environment is open, before the execution starts. */
  readonly prepare?: (env: LocalEnvironment) => Promise<void>
  readonly onEvent?: (event: HistoryEvent) => void
  readonly onProgress?: (event: ServiceProgress) => void
  /**
   * The SMTP server SNS messages are also e-mailed through, as `smtp://[user:password@]host[:port][?from=address]`
   * or `smtps://...`; without it, the environment variable DLC_SMTP_URL; without both, the outbox only.
   */
  readonly smtp?: string
}

export interface PipelineRun {
  readonly execution: Execution
  readonly summary: RunSummary
  /** Where the run's history and summary are kept: `<root>/runs/<execution name>/`. */
  readonly runDir: string
}

/**
 * Runs a pipeline end to end on this machine: its definition resolved for a local target, in
 * the interpreter, with the local services (S3 on a folder, Glue on DuckDB, crawler, Athena,
 * SNS outbox, and e-mail when an SMTP server is given). Keeps the history and a summary under
 * `runs/<execution name>/`. A bad SMTP URL throws `SmtpUrlError` before anything is opened.
 *
 * @example const { execution, summary } = await runPipeline({ pipeline, root: '.dlc', batchDate: '2026-11-24' })
 */
export async function runPipeline(options: PipelineRunOptions): Promise<PipelineRun> {
  const smtp = smtpSettings(options.smtp)
  const local = localPipeline(options.pipeline)
  const env = await openEnvironment(options.root, local, options.onProgress, smtp === undefined ? {} : { smtp })
  try {
    await options.prepare?.(env)
    const input = options.batchDate !== undefined ? { batchDate: options.batchDate } : options.at !== undefined ? { scheduledTime: options.at.toISOString() } : {}
    const execution = await run(local.definition, input, {
      handlers: localServices(env),
      s3: env.s3,
      stateMachineName: options.pipeline.name,
      region: local.target.region,
      accountId: local.target.account,
      ...(options.at === undefined ? {} : { startTime: options.at }),
      ...(options.onEvent === undefined ? {} : { onEvent: options.onEvent }),
    })
    const summary = await summarize(env, execution)
    const runDir = join(env.runsDir, execution.name)
    mkdirSync(runDir, { recursive: true })
    writeAtomically(join(runDir, 'history.json'), JSON.stringify(execution.history, null, 2))
    writeAtomically(join(runDir, 'summary.json'), JSON.stringify(summary, null, 2))
    return { execution, summary, runDir }
  } finally {
    env.close()
  }
}

/** The SMTP server from the option, else from DLC_SMTP_URL (an empty variable counts as unset). */
function smtpSettings(option: string | undefined): SmtpSettings | undefined {
  if (option !== undefined) return parseSmtpUrl(option, 'the smtp option')
  const variable = process.env['DLC_SMTP_URL']
  return variable === undefined || variable.trim() === '' ? undefined : parseSmtpUrl(variable, 'DLC_SMTP_URL')
}

function writeAtomically(path: string, text: string): void {
  writeFileSync(`${path}.tmp`, text)
  renameSync(`${path}.tmp`, path)
}
