import { resolve, join } from 'node:path'
import { parseSmtpUrl, placeBatch, runPipeline, SmtpUrlError, type PipelineRun } from '@dlc/runtime'
import { projectPath, UsageError, type ParsedArgs } from '../args.js'
import { writeArtifacts } from '../artifacts.js'
import { compileProject, type BuiltPipeline } from '../compile/project.js'
import { isError, printDiagnostics, summary as diagnosticSummary } from '../diagnostics.js'
import type { Io } from '../io.js'
import { generateBatch, placeSampleBatch, sampleDates, type GeneratedBatch } from './batch-source.js'
import { ProgressPrinter } from './progress.js'
import { runOnSchedule, systemHooks, type ScheduleHooks } from './schedule-loop.js'
import { printSummary } from './summary-text.js'

interface RunRequest {
  readonly batchDate: string | undefined
  readonly rows: number | undefined
  readonly seed: number
  readonly at: Date | undefined
  readonly json: boolean
  readonly schedule: boolean
  /** Where the local SNS delivers e-mail: --smtp, else DLC_SMTP_URL. */
  readonly smtp: string | undefined
}

/**
 * `dlc run`: compile, place the batch, run with the local services, print what happened.
 * `hooks` are the clock and the stop signals of `--schedule`; tests pass fake ones.
 */
export async function runProject(args: ParsedArgs, io: Io, hooks: ScheduleHooks = systemHooks): Promise<number> {
  const target = resolve(io.cwd, projectPath(args, 'run'))
  const request = readRequest(args)
  const outcome = await compileProject({ target, yaml: false, cwd: io.cwd })
  if (outcome.diagnostics.length > 0) printDiagnostics(io.stderr, outcome.diagnostics)
  if (outcome.diagnostics.some(isError)) {
    io.stderr.write(`${diagnosticSummary(outcome.diagnostics)}; nothing ran\n`)
    return 1
  }
  const pipeline = outcome.pipelines?.[0]
  if (pipeline === undefined) {
    io.stderr.write(`error DLC_NO_PIPELINE ${target}: the module exports no pipeline; dlc run runs pipelines (use dlc exec for a state machine)\n`)
    return 1
  }
  await writeArtifacts(outcome.artifacts.filter((artifact) => artifact.name === pipeline.node.name))
  if (request.schedule) {
    const schedule = pipeline.node.schedule
    if (schedule === undefined) {
      io.stderr.write(`error DLC_NO_SCHEDULE: the pipeline '${pipeline.node.name}' has no schedule; give it .schedule(...) or run once with --at\n`)
      return 1
    }
    return runOnSchedule(schedule, io, hooks, async (fireTime) => {
      await runOnce(pipeline, request, io, fireTime)
    })
  }
  const result = await runOnce(pipeline, request, io)
  if (result === undefined) return 1
  return result.execution.status === 'SUCCEEDED' ? 0 : 1
}

function readRequest(args: ParsedArgs): RunRequest {
  const text = (name: string): string | undefined => (typeof args.options[name] === 'string' ? (args.options[name] as string) : undefined)
  const batchDate = text('batch-date')
  if (batchDate !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(batchDate) || Number.isNaN(Date.parse(`${batchDate}T00:00:00Z`)))) {
    throw new UsageError(`--batch-date must be a date as yyyy-mm-dd, got ${JSON.stringify(batchDate)}`, 'run')
  }
  const integer = (name: string, min: number): number | undefined => {
    const value = text(name)
    if (value === undefined) return undefined
    if (!/^\d+$/.test(value) || Number(value) < min) throw new UsageError(`--${name} must be an integer of at least ${min}, got ${JSON.stringify(value)}`, 'run')
    return Number(value)
  }
  const atText = text('at')
  const at = atText === undefined ? undefined : new Date(atText)
  if (at !== undefined && (Number.isNaN(at.getTime()) || !/T.*(Z|[+-]\d{2}:?\d{2})$/.test(atText ?? ''))) {
    throw new UsageError(`--at must be an ISO 8601 instant with its offset, e.g. 2026-11-25T03:00:00+01:00, got ${JSON.stringify(atText)}`, 'run')
  }
  if (at !== undefined && batchDate !== undefined) throw new UsageError('--at and --batch-date both set the batch date; give one', 'run')
  const rows = integer('rows', 1)
  if (rows !== undefined && at !== undefined) throw new UsageError('--rows needs the batch date to generate for: use --batch-date instead of --at', 'run')
  const schedule = args.options['schedule'] === true
  if (schedule && (at !== undefined || batchDate !== undefined)) throw new UsageError(`--schedule takes each run's batch date from its fire time; leave out ${at === undefined ? '--batch-date' : '--at'}`, 'run')
  return { batchDate, rows, seed: integer('seed', 0) ?? 1, at, json: args.options['format'] === 'json', schedule, smtp: smtpUrl(text('smtp')) }
}

async function runOnce(pipeline: BuiltPipeline, request: RunRequest, io: Io, at = request.at): Promise<PipelineRun | undefined> {
  const datasets = pipeline.node.datasets.map((dataset) => dataset.name)
  const samples = sampleDates(pipeline.projectDir, datasets)
  const batchDate = request.batchDate ?? (request.rows !== undefined ? dayBefore(at ?? new Date()) : at === undefined ? samples.at(-1) : undefined)
  const progress = request.json ? undefined : new ProgressPrinter(io.stderr, (io.stderr as { isTTY?: boolean }).isTTY === true)
  let generated: GeneratedBatch | undefined
  if (request.rows !== undefined && batchDate !== undefined) {
    progress?.service({ service: 'dlc', state: '', message: `generating ${request.rows.toLocaleString('en-US')} messy rows for ${batchDate} (seed ${request.seed})` })
    const made = await generateBatch(pipeline.projectDir, io.cwd, { rows: request.rows, seed: request.seed, batchDate })
    if ('problem' in made) {
      io.stderr.write(`error DLC_GENERATOR: ${String(made.problem)}\n`)
      return undefined
    }
    generated = made as GeneratedBatch
  }
  const result = await runPipeline({
    pipeline: pipeline.node,
    root: join(pipeline.projectDir, '.dlc'),
    ...(batchDate === undefined ? {} : { batchDate }),
    ...(at === undefined ? {} : { at }),
    ...(request.smtp === undefined ? {} : { smtp: request.smtp }),
    prepare: async (env) => {
      if (generated !== undefined) {
        for (const [dataset, files] of Object.entries(generated)) await placeBatch(env, dataset, batchDate as string, files)
        progress?.service({ service: 'dlc', state: '', message: `placed ${request.rows?.toLocaleString('en-US')} generated rows for ${batchDate}` })
      } else {
        const dates = batchDate !== undefined ? [batchDate] : samples
        let placed = 0
        for (const date of dates) placed += await placeSampleBatch(env, pipeline.projectDir, date)
        progress?.service({ service: 'dlc', state: '', message: placed > 0 ? `placed ${placed} file(s) from data/ for ${dates.join(', ')}` : 'no batch files in data/: the run will find no batch' })
      }
    },
    ...(progress === undefined ? {} : { onEvent: (event) => progress.event(event), onProgress: (event) => progress.service(event) }),
  })
  if (request.json) io.stdout.write(`${JSON.stringify(result.summary, null, 2)}\n`)
  else printSummary(io.stdout, result.summary, io.cwd)
  return result
}

/** The SMTP URL from --smtp or DLC_SMTP_URL, checked before anything runs: a bad one is a usage error. */
function smtpUrl(option: string | undefined): string | undefined {
  const url = option ?? (process.env['DLC_SMTP_URL']?.trim() || undefined)
  if (url === undefined) return undefined
  try {
    parseSmtpUrl(url, option === undefined ? 'DLC_SMTP_URL' : '--smtp')
  } catch (error) {
    if (error instanceof SmtpUrlError) throw new UsageError(error.message, 'run')
    throw error
  }
  return url
}

/** The day before, in UTC: a nightly batch is the day before the night it runs (under --schedule, the night it fires). */
function dayBefore(instant: Date): string {
  return new Date(instant.getTime() - 86_400_000).toISOString().slice(0, 10)
}
