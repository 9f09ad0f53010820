import { createReadStream, createWriteStream } from 'node:fs'
import { copyFile, link, mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { basename, join, relative, sep } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api'
import { decodeToUtf8, etlRuntimeSql, etlStatements } from '@dlc/compiler'
import type { DatasetNode } from '@dlc/dsl'
import type { LocalS3 } from '../../s3/index.js'
import { existingBucket, fileOf, keysUnder } from './bucket-files.js'
import { withProgress } from './duckdb-progress.js'
import { applyPlan, commitPlan, createStaging, recoverStaging, type PublishStep } from './publish.js'
import { asPrefix, checkAccounting, checkBatchDate, etlReport, isBatchFile, JobScriptError, reportText, resolveArguments, splitS3Uri, type EtlFigures, type EtlReport } from './script.js'

/** What a local ETL run needs besides the dataset: where the lake is, the run, and where progress goes. */
export interface EtlJobContext {
  readonly s3: LocalS3
  readonly jobName: string
  readonly runId: string
  readonly dataset: DatasetNode
  /** The run's `--name: value` arguments. */
  readonly arguments: Readonly<Record<string, string>>
  /** DuckDB's memory_limit for the run (spilling past it to the staging folder). */
  readonly memoryLimit: string
  /** Aborting interrupts DuckDB and fails the run; nothing is published unless the plan was committed. */
  readonly signal?: AbortSignal
  readonly progress: (message: string, done?: number, total?: number) => void
}

/** What the run did: the report it wrote, and the Parquet it published. */
export interface EtlJobResult {
  readonly report: EtlReport
  readonly figures: EtlFigures
  readonly files: number
  readonly bytesWritten: number
  /** Earlier crashed runs of the job whose committed outputs this run finished publishing. */
  readonly rolledForward: number
}

/**
 * Runs the dataset's ETL the way the generated Glue Python shell script does, step for step,
 * against the local S3 folder, and publishes its outputs atomically (see publish.ts): check the
 * batch date, take the batch's files under `--source` (hard links: a snapshot that costs nothing),
 * decode them to UTF-8, run `etlRuntimeSql + etlSql` in DuckDB, check the accounting, write
 * `clean` as Parquet partitioned like the script and the rejected rows under
 * `batch_date=<date>/`, replace this batch's `part-<date>-*` files under `--target` and
 * `--quarantine`, and put the report at `--report`.
 *
 * @throws JobScriptError where the script raises, or DuckDB's error
 */
export async function runEtlJob(context: EtlJobContext): Promise<EtlJobResult> {
  const started = performance.now()
  const args = resolveArguments(context.arguments)
  const batchDate = checkBatchDate(args.batchDate)
  const { s3, dataset } = context
  const rolledForward = await recoverStaging(s3, context.jobName)
  const target = splitS3Uri(args.target)
  const quarantine = splitS3Uri(args.quarantine)
  const reportAt = splitS3Uri(args.report)
  const targetFolder = await existingBucket(s3.root, target.bucket, 'ListObjectsV2')
  const staging = await createStaging(targetFolder, context.jobName, context.runId)
  let stage: 'staging' | 'committed' | 'published' = 'staging'
  try {
    context.signal?.throwIfAborted()
    const batch = await takeBatch(s3, args.source, join(staging, 'batch'), dataset.source.encoding)
    context.progress(`reading ${batch.length} file${batch.length === 1 ? '' : 's'} under ${args.source}`)
    const figures = await runSql(context, batch, batchDate, staging)
    const stagedClean = await stagedFiles(join(staging, 'clean'), batchDate)
    const stagedRejected = await stagedFiles(join(staging, 'rejected'), batchDate)
    const bytesWritten = await totalSize(staging, [...stagedClean, ...stagedRejected])
    context.progress(`staged ${stagedClean.length + stagedRejected.length} Parquet files (${(bytesWritten / 1e6).toFixed(1)} MB), publishing`)
    const report = etlReport(dataset.name, batchDate, figures, (performance.now() - started) / 1000)
    await writeFile(join(staging, 'report.json'), reportText(report))
    const steps = [
      ...(await replaceBatchFiles(s3, target, 'clean', stagedClean, batchDate)),
      ...(await replaceBatchFiles(s3, quarantine, 'rejected', stagedRejected, batchDate)),
    ]
    fileOf(await existingBucket(s3.root, reportAt.bucket, 'PutObject'), reportAt.key, 'PutObject')
    // Every move before any delete, the report last: it says the batch is complete.
    const reportMove: PublishStep = { op: 'move', from: 'report.json', bucket: reportAt.bucket, key: reportAt.key }
    const plan = { job: context.jobName, runId: context.runId, steps: [...steps.filter((step) => step.op === 'move'), ...steps.filter((step) => step.op === 'delete'), reportMove] }
    context.signal?.throwIfAborted()
    await commitPlan(staging, plan)
    stage = 'committed'
    await applyPlan(s3, staging, plan)
    stage = 'published'
    context.progress(`wrote ${figures.rowsWritten} rows to ${figures.partitions} partition${figures.partitions === 1 ? '' : 's'}, quarantined ${figures.rowsRejected}, removed ${figures.rowsDeduplicated} duplicates`)
    return { report, figures, files: stagedClean.length + stagedRejected.length, bytesWritten, rolledForward }
  } finally {
    // A committed plan that failed half-way stays for the next run to roll forward.
    if (stage !== 'committed') await rm(staging, { recursive: true, force: true })
  }
}

/** A batch file: the local copy DuckDB reads, and the object it came from. */
interface BatchFile {
  readonly path: string
  readonly uri: string
}

/** download_batch (+ decode_to_utf8): one file per object in key order, `batch/0000/<name>`. */
async function takeBatch(s3: LocalS3, source: string, folder: string, encoding: DatasetNode['source']['encoding']): Promise<BatchFile[]> {
  const { bucket, key } = splitS3Uri(source)
  const bucketFolder = await existingBucket(s3.root, bucket, 'ListObjectsV2')
  const keys = (await keysUnder(bucketFolder, asPrefix(key))).filter(isBatchFile)
  if (keys.length === 0) throw new JobScriptError('RuntimeError', `no batch files under ${source}`)
  return Promise.all(
    keys.map(async (objectKey, index) => {
      const from = fileOf(bucketFolder, objectKey, 'GetObject')
      const to = join(folder, String(index).padStart(4, '0'), basename(from))
      await mkdir(join(to, '..'), { recursive: true })
      if (encoding === 'utf-8') await link(from, to).catch(() => copyFile(from, to))
      else await pipeline(createReadStream(from, { highWaterMark: 1 << 20 }), async function* (chunks: AsyncIterable<Buffer>) {
        // Both encodings are one byte a character, so each chunk decodes on its own.
        for await (const chunk of chunks) yield Buffer.from(decodeToUtf8(chunk, encoding), 'utf8')
      }, createWriteStream(to))
      return { path: to, uri: `s3://${bucket}/${objectKey}` }
    }),
  )
}

/** run_etl, check_accounting and both write_parquet calls, in a DuckDB of the run's own, spilling to the staging folder. */
async function runSql(context: EtlJobContext, batch: readonly BatchFile[], batchDate: string, staging: string): Promise<EtlFigures> {
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: context.memoryLimit, temp_directory: join(staging, 'spill') })
  const connection = await instance.connect()
  const interrupt = (): void => connection.interrupt()
  context.signal?.addEventListener('abort', interrupt)
  try {
    await connection.run(etlRuntimeSql({ files: batch.map((file) => file.path), batchDate }))
    await connection.run('SET enable_progress_bar = true; SET enable_progress_bar_print = false; SET progress_bar_time = 0')
    // etlSql's text statement by statement, so the slow ones can show how far they are.
    for (const statement of etlStatements(context.dataset)) {
      await withProgress(connection, STEP_LABELS[statement.creates ?? ''], context.progress, () => connection.run(statement.sql)).catch((error: unknown) => {
        throw namingObjects(error, batch)
      })
    }
    const figures = await readFigures(connection)
    context.progress(`read ${figures.rowsRead} rows`)
    checkAccounting(figures)
    const compression = `FORMAT parquet, COMPRESSION ${sqlString(context.dataset.target.compression)}`
    const partitionBy = context.dataset.partitionBy.map((partition) => partition.name)
    const mine = `part-${batchDate}-`
    const copyClean = partitionBy.length > 0
      ? `COPY clean TO ${sqlString(join(staging, 'clean'))} (${compression}, PARTITION_BY (${partitionBy.join(', ')}), FILENAME_PATTERN ${sqlString(`${mine}{i}`)})`
      : `COPY clean TO ${sqlString(join(staging, 'clean', `${mine}0.parquet`))} (${compression})`
    await withProgress(connection, 'writing Parquet', context.progress, () => connection.run(copyClean))
    // batch_date is the quarantine's Hive partition (its folder name), so the files leave it out.
    const rejected = join(staging, 'rejected', `batch_date=${batchDate}`)
    await mkdir(rejected, { recursive: true })
    await connection.run(`COPY (SELECT * EXCLUDE (batch_date) FROM rejected) TO ${sqlString(join(rejected, `${mine}0.parquet`))} (${compression})`)
    return figures
  } finally {
    context.signal?.removeEventListener('abort', interrupt)
    connection.closeSync()
    instance.closeSync()
  }
}

/** What the progress bar says while the ETL's slow statements run, by the table each creates. */
const STEP_LABELS: Readonly<Record<string, string>> = {
  dlc_raw: 'reading the batch',
  dlc_checked: 'typing and checking',
  clean: 'removing duplicates',
  rejected: 'collecting the quarantine',
}

async function readFigures(connection: DuckDBConnection): Promise<EtlFigures> {
  const reader = await connection.runAndReadAll('SELECT rows_read, rows_written, rows_rejected, rows_deduplicated, partitions FROM report')
  const [row] = reader.getRows()
  const [rowsRead, rowsWritten, rowsRejected, rowsDeduplicated, partitions] = (row ?? []).map(Number)
  return { rowsRead: rowsRead ?? 0, rowsWritten: rowsWritten ?? 0, rowsRejected: rowsRejected ?? 0, rowsDeduplicated: rowsDeduplicated ?? 0, partitions: partitions ?? 0 }
}

/** The files a COPY wrote for this batch, relative to the staging folder (`clean/year=2026/month=11/part-...`). */
async function stagedFiles(folder: string, batchDate: string): Promise<string[]> {
  const names = await readdir(folder, { recursive: true }).catch(() => [] as string[])
  const mine = `part-${batchDate}-`
  return names
    .filter((name) => basename(name).startsWith(mine))
    .map((name) => relative(join(folder, '..'), join(folder, name)).split(sep).join('/'))
    .sort()
}

/**
 * replace_batch_files as publish steps: each staged file moves to `<prefix><its path under the
 * staged folder>`, and this batch's earlier files that no staged file replaces are deleted.
 */
async function replaceBatchFiles(s3: LocalS3, uri: { bucket: string; key: string }, stagedFolder: string, staged: readonly string[], batchDate: string): Promise<PublishStep[]> {
  const prefix = asPrefix(uri.key)
  const folder = await existingBucket(s3.root, uri.bucket, 'ListObjectsV2')
  const mine = `part-${batchDate}-`
  const moves = staged.map((from): PublishStep => ({ op: 'move', from, bucket: uri.bucket, key: `${prefix}${from.slice(stagedFolder.length + 1)}` }))
  for (const move of moves) fileOf(folder, move.key, 'PutObject')
  const written = new Set(moves.map((move) => move.key))
  const stale = (await keysUnder(folder, prefix)).filter((key) => basename(key).startsWith(mine) && !written.has(key))
  return [...moves, ...stale.map((key): PublishStep => ({ op: 'delete', bucket: uri.bucket, key }))]
}

async function totalSize(staging: string, files: readonly string[]): Promise<number> {
  const sizes = await Promise.all(files.map(async (file) => (await stat(join(staging, file))).size))
  return sizes.reduce((sum, size) => sum + size, 0)
}

/** DuckDB names the staged copy of a file it cannot read; the user knows the object. */
function namingObjects(error: unknown, batch: readonly BatchFile[]): Error {
  const message = error instanceof Error ? error.message : String(error)
  return new Error(batch.reduce((text, file) => text.replaceAll(file.path, file.uri), message))
}

const sqlString = (value: string): string => `'${value.replaceAll("'", "''")}'`
