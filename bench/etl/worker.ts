/**
 * One timed ETL run in a fresh process, for run.ts: `worker.ts <tool> <csv> <work folder>`.
 * Prints one JSON line: seconds, peak RSS and the run's row counts.
 *
 * - `dlc`: the example's local lake in `<work>/.dlc`, the CSV hard-linked into the raw zone, and
 *   glue:startJobRun.sync called as the interpreter would call it (staging, SQL, Parquet,
 *   quarantine, atomic publish, report).
 * - `duckdb`, `duckdb-512MB`: the same SQL text and the same two COPY statements straight on
 *   @duckdb/node-api, with DuckDB's default memory limit or the one dlc's job sets.
 */
import { linkSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import nightly, { sales } from '../../examples/datalake/pipeline.js'
import { glueStartJobRun } from '../../packages/runtime/src/services/glue-start-job-run.js'
import { localPipeline, openEnvironment } from '../../packages/runtime/src/services/index.js'
import { rawEtl } from './raw-duckdb.js'

const BATCH_DATE = '2026-11-24'

/** Seconds per phase: taking the batch (dlc: lock, recovery, staging, links), the ETL SQL, the two COPYs, publishing (dlc: plan, renames, report). */
export interface Phases {
  readonly setup: number
  readonly sql: number
  readonly write: number
  readonly publish: number
}

export interface WorkerResult {
  readonly seconds: number
  readonly phases: Phases
  readonly peakRssMb: number
  readonly rowsRead: number
  readonly rowsWritten: number
  readonly rowsRejected: number
  readonly rowsDeduplicated: number
  readonly partitions: number
}

type Figures = Omit<WorkerResult, 'seconds' | 'peakRssMb' | 'phases'>
type Timed = Figures & { readonly phases: Phases }

async function dlc(csv: string, work: string, started: number): Promise<Timed> {
  const readSql = (file: string): string => readFileSync(join('examples/datalake', file), 'utf8')
  // The job's progress messages mark its phases, each at its first: "reading N files ...", "read N rows", "staged ...".
  const marks = new Map<string, number>()
  const mark = (word: string): void => void (marks.has(word) || marks.set(word, performance.now()))
  const env = await openEnvironment(join(work, '.dlc'), localPipeline(nightly.build({ readSql })), (event) => mark(event.message.split(' ')[0] ?? ''))
  const bucket = env.pipeline.zone('raw').bucket
  mkdirSync(join(env.s3.root, bucket, 'raw/sales', BATCH_DATE), { recursive: true })
  linkSync(csv, join(env.s3.root, bucket, 'raw/sales', BATCH_DATE, 'sales.csv'))
  const input = {
    JobName: env.pipeline.resolvedName('nightly-sales-sales-etl'),
    Arguments: {
      '--batch_date': BATCH_DATE,
      '--source': `s3://${bucket}/raw/sales/${BATCH_DATE}/`,
      '--target': `s3://${bucket}/processed/sales/`,
      '--quarantine': `s3://${bucket}/rejected/sales_rejected/`,
      '--report': `s3://${bucket}/rejected/_reports/sales/${BATCH_DATE}.json`,
    },
  }
  const call = { resource: 'arn:aws:states:::glue:startJobRun.sync', stateName: 'Clean sales', attempt: 0, context: {}, signal: new AbortController().signal, heartbeat: () => {} }
  await glueStartJobRun.create(env)(input, call)
  env.close()
  const report = JSON.parse(readFileSync(join(env.s3.root, bucket, 'rejected/_reports/sales', `${BATCH_DATE}.json`), 'utf8')) as Figures
  const at = (word: string): number => marks.get(word) ?? Number.NaN
  const phases = { setup: at('reading') - started, sql: at('read') - at('reading'), write: at('staged') - at('read'), publish: performance.now() - at('staged') }
  return { rowsRead: report.rowsRead, rowsWritten: report.rowsWritten, rowsRejected: report.rowsRejected, rowsDeduplicated: report.rowsDeduplicated, partitions: report.partitions, phases: seconds(phases) }
}

async function duckdb(csv: string, work: string, started: number, memoryLimit?: string): Promise<Timed> {
  const { sqlSeconds, writeSeconds, ...figures } = await rawEtl(sales.node, [csv], BATCH_DATE, work, memoryLimit)
  // Setup is what is left: starting DuckDB and connecting.
  const setup = (performance.now() - started) / 1000 - sqlSeconds - writeSeconds
  return { ...figures, phases: { setup, sql: sqlSeconds, write: writeSeconds, publish: 0 } }
}

const seconds = (phases: Phases): Phases => ({ setup: phases.setup / 1000, sql: phases.sql / 1000, write: phases.write / 1000, publish: phases.publish / 1000 })

const TOOLS: Readonly<Record<string, (csv: string, work: string, started: number) => Promise<Timed>>> = {
  dlc,
  duckdb: (csv, work, started) => duckdb(csv, work, started),
  'duckdb-512MB': (csv, work, started) => duckdb(csv, work, started, '512MB'),
}

const [tool = '', csv = '', work = ''] = process.argv.slice(2)
const runTool = TOOLS[tool]
if (runTool === undefined) throw new Error(`usage: worker.ts <${Object.keys(TOOLS).join('|')}> <csv> <work folder>`)
const started = performance.now()
const figures = await runTool(csv, work, started)
const result: WorkerResult = { seconds: (performance.now() - started) / 1000, peakRssMb: process.resourceUsage().maxRSS / 1024, ...figures }
process.stdout.write(`${JSON.stringify(result)}\n`)
