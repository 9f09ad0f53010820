import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { datasetFolders, queryStateNames } from '@dlc/dsl'
import { parseDelimited } from '../distributed/index.js'
import type { Execution, HistoryEvent } from '../interpreter/index.js'
import type { LocalEnvironment, OutboxMessage } from '../services/index.js'

/** One state of the top-level run, with how long it took. */
export interface StateTiming {
  readonly name: string
  readonly type: string
  readonly seconds: number
}

/** What the Glue job reported for one dataset, and why rows were rejected. */
export interface DatasetFigures {
  readonly dataset: string
  readonly rowsRead?: number
  readonly rowsWritten?: number
  readonly rowsRejected?: number
  readonly rowsDeduplicated?: number
  readonly partitions?: number
  readonly topReasons: ReadonlyArray<{ readonly column: string | null; readonly reason: string; readonly rows: number }>
}

export interface CheckVerdict {
  readonly name: string
  readonly verdict: 'passed' | 'failed' | 'not run'
  /** What the check read (`{ rows, values }`), when it got that far. */
  readonly found?: unknown
}

export interface QueryPreview {
  readonly name: string
  readonly columns: readonly string[]
  /** The first rows, as Athena's CSV gives them (text; null for an empty field). */
  readonly rows: ReadonlyArray<ReadonlyArray<string | null>>
  readonly totalRows: number
  /** The result file in the local S3 folder. */
  readonly file: string
}

/** Everything `dlc run` shows at the end of a run, also kept as `runs/<execution>/summary.json`. */
export interface RunSummary {
  readonly pipeline: string
  readonly executionArn: string
  readonly status: Execution['status']
  readonly error?: string
  readonly cause?: string
  /** The state the run failed in (for a failure the pipeline caught: the one that set `$failedState`). */
  readonly failedState?: string
  readonly batchDate?: string
  readonly startDate: string
  readonly stopDate: string
  readonly seconds: number
  readonly states: readonly StateTiming[]
  readonly datasets: readonly DatasetFigures[]
  readonly checks: readonly CheckVerdict[]
  readonly queries: readonly QueryPreview[]
  readonly notifications: readonly OutboxMessage[]
  readonly locations: Readonly<Record<string, string>>
}

const PREVIEW_ROWS = 10

/**
 * Reads a finished pipeline execution back from its history and the local folders: per-state
 * times, the Glue jobs' figures and top rejection reasons, each check's verdict, a preview of
 * each analysis query, and the e-mails sent.
 */
export async function summarize(env: LocalEnvironment, execution: Execution): Promise<RunSummary> {
  const { history } = execution
  const batchDate = assignedVariable(history, 'batchDate')
  const node = env.pipeline.pipeline
  return {
    pipeline: node.name,
    executionArn: execution.executionArn,
    status: execution.status,
    ...(execution.error === undefined ? {} : { error: execution.error }),
    ...(execution.cause === undefined ? {} : { cause: execution.cause }),
    ...failedStateOf(history, execution.status),
    ...(typeof batchDate === 'string' ? { batchDate } : {}),
    startDate: execution.startDate.toISOString(),
    stopDate: execution.stopDate.toISOString(),
    seconds: (execution.stopDate.getTime() - execution.startDate.getTime()) / 1000,
    states: timings(history),
    datasets: typeof batchDate === 'string' ? await Promise.all(node.datasets.map((dataset) => figures(env, dataset.name, batchDate))) : [],
    checks: node.queries.filter((query) => query.purpose === 'check').map((query) => verdict(history, queryStateNames(query))),
    queries: node.queries.filter((query) => query.purpose === 'analysis').flatMap((query) => preview(env, history, query.name, queryStateNames(query).run)),
    notifications: sent(env, history),
    locations: { s3: join(env.root, 's3'), catalog: env.catalogDir, outbox: env.outboxDir, run: join(env.runsDir, execution.name) },
  }
}

/** Top-level states only: events chained to a branch belong to its Parallel or Map. */
function timings(history: readonly HistoryEvent[]): StateTiming[] {
  const out: StateTiming[] = []
  const open = new Map<string, { type: string; at: number }>()
  for (const event of history) {
    const entered = /^(\w+)StateEntered$/.exec(event.type)
    const details = (event.stateEnteredEventDetails ?? event.stateExitedEventDetails) as { name?: string } | undefined
    if (details?.name === undefined) continue
    if (entered !== null) open.set(details.name, { type: entered[1] ?? '', at: Date.parse(event.timestamp) })
    else if (event.type.endsWith('StateExited')) {
      const start = open.get(details.name)
      if (start !== undefined) out.push({ name: details.name, type: start.type, seconds: (Date.parse(event.timestamp) - start.at) / 1000 })
      open.delete(details.name)
    }
  }
  for (const [name, start] of open) out.push({ name, type: start.type, seconds: 0 })
  return out
}

/**
 * The state whose failure sent the run to its failure path, or ended it. A dlc pipeline's Catch
 * names it in `$failedState`; otherwise it is the state of the first failure event.
 */
function failedStateOf(history: readonly HistoryEvent[], status: Execution['status']): { failedState?: string } {
  if (status === 'SUCCEEDED') return {}
  const named = assignedVariable(history, 'failedState')
  if (typeof named === 'string') return { failedState: named }
  let current: string | undefined
  let failed: string | undefined
  for (const event of history) {
    const name = (event.stateEnteredEventDetails as { name?: string } | undefined)?.name
    if (name !== undefined) current = name
    if (/(Failed|TimedOut)$/.test(event.type) && !/^(Map|Parallel)State|^MapIteration|^Execution/.test(event.type) && failed === undefined) failed = current
    if (event.type === 'FailStateEntered' && failed === undefined) failed = name
  }
  return failed === undefined ? {} : { failedState: failed }
}

/** The value a variable was last assigned in the run. */
function assignedVariable(history: readonly HistoryEvent[], variable: string): unknown {
  for (const event of [...history].reverse()) {
    const assigned = (event.stateExitedEventDetails as { assignedVariables?: Record<string, string> } | undefined)?.assignedVariables
    const text = assigned?.[variable]
    if (text !== undefined) return JSON.parse(text) as unknown
  }
  return undefined
}

async function figures(env: LocalEnvironment, dataset: string, batchDate: string): Promise<DatasetFigures> {
  const rejected = env.pipeline.zone('rejected')
  const folders = datasetFolders(dataset)
  const reportFile = join(env.root, 's3', rejected.bucket, `${rejected.prefix}${folders.reports}${batchDate}.json`)
  const report = existsSync(reportFile) ? (JSON.parse(readFileSync(reportFile, 'utf8')) as Record<string, number>) : {}
  const pick = (key: string): Record<string, number> => (typeof report[key] === 'number' ? { [key]: report[key] } : {})
  const folder = join(env.root, 's3', rejected.bucket, `${rejected.prefix}${folders.rejected}batch_date=${batchDate}`)
  let topReasons: DatasetFigures['topReasons'] = []
  if (existsSync(folder)) {
    const connection = await env.connect()
    try {
      const glob = join(folder, '*.parquet').replaceAll("'", "''")
      const reader = await connection.runAndReadAll(`SELECT column_name, reason, count(*)::INTEGER AS n FROM read_parquet('${glob}') GROUP BY ALL ORDER BY n DESC, reason LIMIT 5`)
      topReasons = (reader.getRowObjectsJson() as Array<{ column_name: string | null; reason: string; n: number }>).map((row) => ({ column: row.column_name, reason: row.reason, rows: Number(row.n) }))
    } finally {
      connection.closeSync()
    }
  }
  return { dataset, ...pick('rowsRead'), ...pick('rowsWritten'), ...pick('rowsRejected'), ...pick('rowsDeduplicated'), ...pick('partitions'), topReasons }
}

function verdict(history: readonly HistoryEvent[], names: ReturnType<typeof queryStateNames>): CheckVerdict {
  const name = names.run.replace(/^Check /, '')
  const found = exitedOutput(history, names.read)
  if (history.some((event) => (event.stateEnteredEventDetails as { name?: string } | undefined)?.name === names.failed)) {
    return { name, verdict: 'failed', ...(found === undefined ? {} : { found }) }
  }
  const passed = history.some((event) => event.type === 'ChoiceStateExited' && (event.stateExitedEventDetails as { name?: string }).name === names.verdict)
  return { name, verdict: passed ? 'passed' : 'not run', ...(found === undefined ? {} : { found }) }
}

function exitedOutput(history: readonly HistoryEvent[], state: string): unknown {
  const event = history.find((candidate) => candidate.type.endsWith('StateExited') && (candidate.stateExitedEventDetails as { name?: string }).name === state)
  const output = (event?.stateExitedEventDetails as { output?: string } | undefined)?.output
  return output === undefined ? undefined : (JSON.parse(output) as unknown)
}

/** The first rows of an analysis query's result file, where Athena would have written it. */
function preview(env: LocalEnvironment, history: readonly HistoryEvent[], name: string, state: string): QueryPreview[] {
  const output = exitedOutput(history, state) as { queryId?: unknown } | undefined
  if (typeof output?.queryId !== 'string') return []
  const results = env.pipeline.zone('athenaResults')
  const file = join(env.root, 's3', results.bucket, `${results.prefix}${output.queryId}.csv`)
  if (!existsSync(file)) return []
  const [header = [], ...rows] = parseDelimited(readFileSync(file, 'utf8'), ',')
  return [{ name, columns: header, rows: rows.slice(0, PREVIEW_ROWS).map((row) => row.map((value) => (value === '' ? null : value))), totalRows: rows.length, file }]
}

/** The messages this run published, from the outbox. */
function sent(env: LocalEnvironment, history: readonly HistoryEvent[]): OutboxMessage[] {
  const ids = new Set<string>()
  for (const event of history) {
    const details = event.taskSucceededEventDetails as { resourceType?: string; output?: string } | undefined
    if (details?.resourceType !== 'sns' || details.output === undefined) continue
    const id = (JSON.parse(details.output) as { MessageId?: unknown }).MessageId
    if (typeof id === 'string') ids.add(id)
  }
  if (ids.size === 0 || !existsSync(env.outboxDir)) return []
  const topic = env.pipeline.pipeline.topic
  const file = topic === undefined ? undefined : join(env.outboxDir, `${env.pipeline.resolvedName(topic.name)}.jsonl`)
  if (file === undefined || !existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as OutboxMessage)
    .filter((message) => ids.has(message.messageId))
}
