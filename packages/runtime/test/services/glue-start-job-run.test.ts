import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { decodeToUtf8 } from '@dlc/compiler'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { generateSales, type SalesStats } from '../../../../examples/datalake/generator/index.js'
import { erpSales, sales } from '../../../../examples/datalake/pipeline.js'
import { messyBatch } from '../../../../bench/etl/batch.js'
import { StatesError } from '../../src/interpreter/index.js'
import { glueJobService, glueStartJobRun, type EtlJobResult, type JobRun } from '../../src/services/glue-start-job-run.js'
import { applyPlan, commitPlan, createStaging, recoverStaging } from '../../src/services/glue/publish.js'
import { checkAccounting } from '../../src/services/glue/script.js'
import type { LocalEnvironment } from '../../src/services/index.js'
import { exampleEnvironment, taskCall } from './lake-fixture.js'
import { records } from '../../../compiler/test/glue/csv-records.js'

const SYNC = 'arn:aws:states:::glue:startJobRun.sync'
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url))
/** A run is ~1 s here; a loaded CI machine gets room. */
const JOB_TIMEOUT = 240_000

type Lake = Awaited<ReturnType<typeof exampleEnvironment>>
type Row = Record<string, unknown>

let lake: Lake
beforeEach(async () => {
  lake = await exampleEnvironment()
})
afterEach(async () => {
  await lake.done()
})

const jobName = (dataset: string): string => `nightly-sales-${dataset.replace('_', '-')}-etl-local`

/** The arguments the compiled "Clean <dataset>" state passes for a batch date. */
function jobArguments(bucket: string, dataset: string, batchDate: string): Record<string, string> {
  return {
    '--batch_date': batchDate,
    '--source': `s3://${bucket}/raw/${dataset}/${batchDate}/`,
    '--target': `s3://${bucket}/processed/${dataset}/`,
    '--quarantine': `s3://${bucket}/rejected/${dataset}_rejected/`,
    '--report': `s3://${bucket}/rejected/_reports/${dataset}/${batchDate}.json`,
  }
}

function putBatch(env: LocalEnvironment, bucket: string, dataset: string, batchDate: string, files: Record<string, Uint8Array>): void {
  const folder = join(env.s3.root, bucket, 'raw', dataset, batchDate)
  rmSync(folder, { recursive: true, force: true })
  mkdirSync(folder, { recursive: true })
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(folder, name), bytes)
}

async function runJob(env: LocalEnvironment, bucket: string, dataset: string, batchDate: string, service = glueStartJobRun): Promise<JobRun> {
  const input = { JobName: jobName(dataset), Arguments: jobArguments(bucket, dataset, batchDate) }
  return (await service.create(env)(input, taskCall(SYNC, `Clean ${dataset}`))) as JobRun
}

async function failure(promise: Promise<unknown>): Promise<StatesError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught)
  expect(error).toBeInstanceOf(StatesError)
  return error as StatesError
}

async function query(env: LocalEnvironment, sql: string): Promise<Row[]> {
  const connection = await env.connect()
  try {
    return (await connection.runAndReadAll(sql)).getRowObjectsJson() as Row[]
  } finally {
    connection.closeSync()
  }
}

const processedRows = (env: LocalEnvironment, bucket: string, dataset: string): Promise<Row[]> =>
  query(env, `SELECT * EXCLUDE (filename), parse_filename(filename) AS file FROM read_parquet('${join(env.s3.root, bucket, 'processed', dataset)}/**/*.parquet', hive_partitioning = true, filename = true) ORDER BY order_id`)
const quarantineRows = (env: LocalEnvironment, bucket: string, dataset: string): Promise<Row[]> =>
  query(env, `SELECT * FROM read_parquet('${join(env.s3.root, bucket, 'rejected', `${dataset}_rejected`)}/**/*.parquet', hive_partitioning = true) ORDER BY batch_date, source_file, coalesce(line_number, 0), coalesce(row_number, 0)`)
const readReport = (env: LocalEnvironment, bucket: string, dataset: string, batchDate: string): Row =>
  JSON.parse(readFileSync(join(env.s3.root, bucket, 'rejected', '_reports', dataset, `${batchDate}.json`), 'utf8')) as Row

/** Every file under a folder (temp files included) with the MD5 of its bytes. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {}
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    files[path.slice(folder.length + 1)] = createHash('md5').update(readFileSync(path)).digest('hex')
  }
  return files
}

/** Ragged records that only end in one extra delimiter keep their fields; DuckDB reads them, and the ETL keeps them (see examples/datalake/test/etl.test.ts). */
function trailingDelimiterRecords(bytes: Uint8Array, dataset: typeof sales.node): number {
  const [header = [], ...rows] = records(decodeToUtf8(bytes, dataset.source.encoding).replace(/^\uFEFF/, ''), dataset.source.delimiter)
  return rows.filter((row) => row.length === header.length + 1 && row.at(-1) === '').length
}

/** How many quarantined rows each defect of the generator gives, by the reason the ETL writes. */
function expectedReasons(stats: SalesStats, trailing: number): Record<string, number> {
  const d = stats.defects
  return {
    malformed: d.ragged - trailing,
    date: d.badDate,
    required: d.emptyRequired + d.nullToken,
    belowMinimum: d.negativeQuantity + d.zeroQuantity,
    notInt: d.nonNumericQuantity,
  }
}

function reasonKind(reason: string): string {
  if (reason.startsWith('malformed record: ')) return 'malformed'
  if (/^order_date: ".*" is not a valid date/.test(reason)) return 'date'
  if (/^\w+: a value is required$/.test(reason)) return 'required'
  if (/^quantity: ".*" is below the minimum 1$/.test(reason)) return 'belowMinimum'
  if (/^quantity: ".*" is not a valid int$/.test(reason)) return 'notInt'
  return reason
}

describe('glue:startJobRun.sync runs the dataset’s ETL on the local lake', () => {
  it.each([
    { dataset: sales.node, variant: 'standard' as const, seed: 5 },
    { dataset: erpSales.node, variant: 'erp' as const, seed: 6 },
  ])('$dataset.name: every row written, quarantined with its reason, or removed as a duplicate', async ({ dataset, variant, seed }) => {
    const { bytes, stats } = generateSales({ rows: 1500, seed, variant })
    putBatch(lake.env, lake.bucket, dataset.name, '2026-11-24', { 'export.csv': bytes })
    const progress: string[] = []
    const env = { ...lake.env, progress: (event: { message: string }) => progress.push(event.message) }
    const runs: EtlJobResult[] = []
    const run = await runJob(env, lake.bucket, dataset.name, '2026-11-24', glueJobService({ onRun: (_, result) => result && runs.push(result) }))

    expect(run).toMatchObject({ JobName: jobName(dataset.name), JobRunState: 'SUCCEEDED', Attempt: 0, Arguments: jobArguments(lake.bucket, dataset.name, '2026-11-24') })
    expect(run.Id).toMatch(/^jr_[0-9a-f]{64}$/)
    expect(run.CompletedOn).toBeGreaterThanOrEqual(run.StartedOn)
    expect(run.ExecutionTime).toBe(Math.ceil((run.CompletedOn - run.StartedOn) / 1000))
    expect(Object.keys(run)).toEqual(Object.keys(run).sort())

    const trailing = trailingDelimiterRecords(bytes, dataset)
    const report = readReport(lake.env, lake.bucket, dataset.name, '2026-11-24')
    expect(report).toEqual({
      dataset: dataset.name,
      batchDate: '2026-11-24',
      rowsRead: stats.rows,
      rowsWritten: stats.clean + trailing,
      rowsRejected: stats.rows - stats.clean - trailing - stats.defects.duplicate - stats.defects.correction,
      rowsDeduplicated: stats.defects.duplicate + stats.defects.correction,
      partitions: 1,
      seconds: expect.any(Number),
    })
    expect(runs[0]?.figures).toEqual({ rowsRead: report['rowsRead'], rowsWritten: report['rowsWritten'], rowsRejected: report['rowsRejected'], rowsDeduplicated: report['rowsDeduplicated'], partitions: 1 })

    const written = await processedRows(lake.env, lake.bucket, dataset.name)
    expect(written).toHaveLength(stats.clean + trailing)
    expect(new Set(written.map((row) => row['order_id'])).size).toBe(written.length)
    expect(new Set(written.map((row) => `${row['year']}/${row['month']}/${row['file']}`))).toEqual(new Set(['2026/11/part-2026-11-24-0.parquet']))
    expect(written[0]).toEqual({
      order_id: expect.stringMatching(/^SO-\d{6}$/),
      order_date: expect.stringMatching(/^2026-11-\d\d$/),
      customer_id: expect.stringMatching(/^C-\d{5}$/),
      country: expect.stringMatching(/^[A-Z]{2}$/),
      product: expect.any(String),
      quantity: expect.any(Number),
      unit_price: expect.stringMatching(/^\d+\.\d\d$/),
      revenue: expect.stringMatching(/^\d+\.\d\d$/),
      year: '2026',
      month: '11',
      file: 'part-2026-11-24-0.parquet',
    })

    const rejected = await quarantineRows(lake.env, lake.bucket, dataset.name)
    expect(rejected).toHaveLength(Number(report['rowsRejected']))
    const kinds: Record<string, number> = {}
    for (const row of rejected) {
      expect(row).toMatchObject({ source_file: 'export.csv', batch_date: '2026-11-24', record: expect.any(String) })
      expect(row['line_number'] === null).toBe(row['row_number'] !== null)
      const kind = reasonKind(String(row['reason']))
      kinds[kind] = (kinds[kind] ?? 0) + 1
    }
    expect(kinds).toEqual(Object.fromEntries(Object.entries(expectedReasons(stats, trailing)).filter(([, count]) => count > 0)))

    expect(progress[0]).toMatch(/started$/)
    expect(progress).toContain(`read ${stats.rows} rows`)
    expect(progress.some((message) => message.startsWith(`wrote ${stats.clean + trailing} rows to 1 partition, quarantined ${report['rowsRejected']}`))).toBe(true)
  }, JOB_TIMEOUT)

  it('a re-run replaces the batch’s files, leaves other batches alone and never duplicates rows', async () => {
    const older = generateSales({ rows: 300, seed: 1, batchDate: '2026-11-23' })
    putBatch(lake.env, lake.bucket, 'sales', '2026-11-23', { 'a.csv': older.bytes })
    await runJob(lake.env, lake.bucket, 'sales', '2026-11-23')
    // Two months in one batch: October and November partitions.
    const october = generateSales({ rows: 400, seed: 2, batchDate: '2026-10-30' })
    const november = generateSales({ rows: 400, seed: 3, batchDate: '2026-11-24' })
    putBatch(lake.env, lake.bucket, 'sales', '2026-11-24', { 'october.csv': october.bytes, 'november.csv': november.bytes })
    await runJob(lake.env, lake.bucket, 'sales', '2026-11-24')
    const first = await processedRows(lake.env, lake.bucket, 'sales')
    const firstQuarantine = await quarantineRows(lake.env, lake.bucket, 'sales')
    expect(new Set(first.map((row) => `${row['month']}/${row['file']}`))).toEqual(new Set(['11/part-2026-11-23-0.parquet', '10/part-2026-11-24-0.parquet', '11/part-2026-11-24-0.parquet']))

    await runJob(lake.env, lake.bucket, 'sales', '2026-11-24')
    expect(await processedRows(lake.env, lake.bucket, 'sales')).toEqual(first)
    expect(await quarantineRows(lake.env, lake.bucket, 'sales')).toEqual(firstQuarantine)

    // The batch sent again without October: its October file goes, the 23rd's stays as it was.
    const before23 = first.filter((row) => row['file'] === 'part-2026-11-23-0.parquet')
    putBatch(lake.env, lake.bucket, 'sales', '2026-11-24', { 'november.csv': november.bytes })
    await runJob(lake.env, lake.bucket, 'sales', '2026-11-24')
    const after = await processedRows(lake.env, lake.bucket, 'sales')
    expect(after.filter((row) => row['file'] === 'part-2026-11-23-0.parquet')).toEqual(before23)
    expect(after.filter((row) => row['month'] === '10')).toEqual([])
    expect(readdirSync(join(lake.env.s3.root, lake.bucket, 'processed', 'sales', 'year=2026'))).toEqual(['month=11'])
    expect(after.filter((row) => row['file'] === 'part-2026-11-24-0.parquet')).toHaveLength(Number(readReport(lake.env, lake.bucket, 'sales', '2026-11-24')['rowsWritten']))
    const listing = await lake.env.s3.listObjectsV2({ Bucket: lake.bucket })
    expect(listing.Contents?.map((object) => object.Key).filter((key) => key.includes('.dlc-tmp-'))).toEqual([])
  }, JOB_TIMEOUT)
})

describe('a failed run fails the Task as Step Functions does, and changes nothing', () => {
  let processedBefore: Record<string, string>

  async function previousBatch(): Promise<void> {
    putBatch(lake.env, lake.bucket, 'sales', '2026-11-23', { 'a.csv': generateSales({ rows: 200, seed: 9 }).bytes })
    await runJob(lake.env, lake.bucket, 'sales', '2026-11-23')
    processedBefore = snapshot(join(lake.env.s3.root, lake.bucket))
  }

  function failedRun(error: StatesError): JobRun {
    expect(error.error).toBe('States.TaskFailed')
    const run = JSON.parse(error.cause ?? '{}') as JobRun
    expect(run).toMatchObject({ JobName: jobName('sales'), JobRunState: 'FAILED', Id: expect.stringMatching(/^jr_/) })
    return run
  }

  it('a missing batch: RuntimeError, as the script raises it', async () => {
    await previousBatch()
    const run = failedRun(await failure(runJob(lake.env, lake.bucket, 'sales', '2026-11-24')))
    expect(run.ErrorMessage).toBe(`RuntimeError: no batch files under s3://${lake.bucket}/raw/sales/2026-11-24/`)
    expect(snapshot(join(lake.env.s3.root, lake.bucket))).toEqual(processedBefore)
  }, JOB_TIMEOUT)

  it('a corrupt file: DuckDB’s error, naming the object', async () => {
    await previousBatch()
    const garbage = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256)
    putBatch(lake.env, lake.bucket, 'sales', '2026-11-24', { 'good.csv': generateSales({ rows: 50, seed: 1 }).bytes, 'garbage.csv': garbage })
    const before = snapshot(join(lake.env.s3.root, lake.bucket))
    const run = failedRun(await failure(runJob(lake.env, lake.bucket, 'sales', '2026-11-24')))
    expect(run.ErrorMessage).toContain(`Error when sniffing file "s3://${lake.bucket}/raw/sales/2026-11-24/garbage.csv"`)
    expect(snapshot(join(lake.env.s3.root, lake.bucket))).toEqual(before)
  }, JOB_TIMEOUT)

  it('arguments the script refuses: ValueError and argparse’s exit', async () => {
    const handler = glueStartJobRun.create(lake.env)
    const start = async (args: Record<string, string>): Promise<unknown> => handler({ JobName: jobName('sales'), Arguments: args }, taskCall(SYNC))
    const args = jobArguments(lake.bucket, 'sales', '2026-11-24')
    expect(failedRun(await failure(start({ ...args, '--batch_date': '2026/11/24' }))).ErrorMessage).toBe("ValueError: --batch_date '2026/11/24' is not YYYY-MM-DD")
    expect(failedRun(await failure(start({ ...args, '--target': 'processed/sales/' }))).ErrorMessage).toBe("ValueError: 'processed/sales/' is not an s3:// URI")
    expect(failedRun(await failure(start({ '--batch_date': '2026-11-24', '--target': args['--target'] as string }))).ErrorMessage).toBe('SystemExit: the following arguments are required: --source, --quarantine, --report')
    expect(failedRun(await failure(start({ ...args, '--target': 's3://no-such-bucket/processed/' }))).ErrorMessage).toBe(
      'botocore.exceptions.ClientError: An error occurred (NoSuchBucket) when calling the ListObjectsV2 operation: The specified bucket does not exist',
    )
  })

  it('Glue’s own errors for a job the pipeline does not have, or a request without a name', async () => {
    const handler = glueStartJobRun.create(lake.env)
    const missing = await failure(Promise.resolve(handler({ JobName: 'nope' }, taskCall(SYNC))))
    expect(missing.error).toBe('Glue.EntityNotFoundException')
    expect(missing.cause).toMatch(/^Failed to start job run due to missing metadata \(Service: Glue, Status Code: 400, Request ID: /)
    expect((await failure(Promise.resolve(handler({}, taskCall(SYNC))))).error).toBe('Glue.InvalidInputException')
    expect((await failure(Promise.resolve(handler({ JobName: jobName('sales'), Arguments: { '--rows': 3 } }, taskCall(SYNC))))).error).toBe('Glue.InvalidInputException')
  })

  it('one run of a job at a time: a second start fails as Glue refuses it; a dead run’s lock is taken over', async () => {
    putBatch(lake.env, lake.bucket, 'sales', '2026-11-24', { 'a.csv': generateSales({ rows: 100, seed: 3 }).bytes })
    const [first, second] = await Promise.allSettled([runJob(lake.env, lake.bucket, 'sales', '2026-11-24'), runJob(lake.env, lake.bucket, 'sales', '2026-11-24')])
    expect(first).toMatchObject({ status: 'fulfilled', value: { JobRunState: 'SUCCEEDED' } })
    expect(second).toMatchObject({ status: 'rejected', reason: { error: 'Glue.ConcurrentRunsExceededException' } })
    // Above Linux's largest pid: no process has it.
    const lock = join(lake.env.s3.root, `.dlc-tmp-glue-${jobName('sales')}.lock`)
    writeFileSync(lock, '4194305')
    expect(await runJob(lake.env, lake.bucket, 'sales', '2026-11-24')).toMatchObject({ JobRunState: 'SUCCEEDED' })
    expect(readdirSync(lake.env.s3.root).filter((name) => name.startsWith('.dlc-tmp-'))).toEqual([])
  }, JOB_TIMEOUT)

  it.runIf(existsSync('/proc/self/stat'))('a lock whose process id now belongs to another process is taken over; a live holder’s is not', async () => {
    putBatch(lake.env, lake.bucket, 'sales', '2026-11-24', { 'a.csv': generateSales({ rows: 100, seed: 3 }).bytes })
    const lock = join(lake.env.s3.root, `.dlc-tmp-glue-${jobName('sales')}.lock`)
    const parent = process.ppid
    const stat = readFileSync(`/proc/${parent}/stat`, 'utf8')
    const started = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] as string
    // The parent process is alive, but not the one that took the lock: it started at another time.
    writeFileSync(lock, JSON.stringify({ pid: parent, started: String(Number(started) + 1) }))
    expect(await runJob(lake.env, lake.bucket, 'sales', '2026-11-24')).toMatchObject({ JobRunState: 'SUCCEEDED' })
    writeFileSync(lock, JSON.stringify({ pid: parent, started }))
    await expect(runJob(lake.env, lake.bucket, 'sales', '2026-11-24')).rejects.toMatchObject({ error: 'Glue.ConcurrentRunsExceededException', cause: expect.stringContaining(`process ${parent}`) })
    rmSync(lock)
  }, JOB_TIMEOUT)

  it('without .sync the Task answers StartJobRun’s JobName and JobRunId, whatever the run’s outcome', async () => {
    const handler = glueStartJobRun.create(lake.env)
    const answer = await handler({ JobName: jobName('sales'), Arguments: jobArguments(lake.bucket, 'sales', '2026-11-24') }, taskCall('arn:aws:states:::glue:startJobRun'))
    expect(answer).toEqual({ JobName: jobName('sales'), JobRunId: expect.stringMatching(/^jr_[0-9a-f]{64}$/) })
  })

  it('the accounting check: read = written + rejected + deduplicated, or the run fails', () => {
    expect(() => checkAccounting({ rowsRead: 10, rowsWritten: 6, rowsRejected: 3, rowsDeduplicated: 1, partitions: 1 })).not.toThrow()
    expect(() => checkAccounting({ rowsRead: 10, rowsWritten: 6, rowsRejected: 3, rowsDeduplicated: 0, partitions: 1 })).toThrow('RuntimeError: rows do not add up: read 10, written + rejected + deduplicated 9')
  })
})

describe('publishing: one rename commits a run, the next run rolls a crashed one forward', () => {
  it('a committed plan that was never applied is applied by recovery; an uncommitted one is dropped', async () => {
    const { env, bucket } = lake
    await env.s3.putObject({ Bucket: bucket, Key: 'processed/t/part-2026-11-24-0.parquet', Body: 'old 0' })
    await env.s3.putObject({ Bucket: bucket, Key: 'processed/t/part-2026-11-24-1.parquet', Body: 'old 1' })
    const bucketFolder = join(env.s3.root, bucket)
    const committed = await createStaging(bucketFolder, 'job-a', 'jr_1')
    mkdirSync(join(committed, 'clean'))
    writeFileSync(join(committed, 'clean', 'part-2026-11-24-0.parquet'), 'new 0')
    await commitPlan(committed, {
      job: 'job-a',
      runId: 'jr_1',
      steps: [
        { op: 'move', from: 'clean/part-2026-11-24-0.parquet', bucket, key: 'processed/t/part-2026-11-24-0.parquet' },
        { op: 'delete', bucket, key: 'processed/t/part-2026-11-24-1.parquet' },
      ],
    })
    const uncommitted = await createStaging(bucketFolder, 'job-a', 'jr_2')
    writeFileSync(join(uncommitted, 'half.parquet'), 'half')
    const other = await createStaging(bucketFolder, 'job-b', 'jr_3')

    const hidden = await env.s3.listObjectsV2({ Bucket: bucket })
    expect(hidden.Contents?.map((object) => object.Key)).toEqual(['processed/t/part-2026-11-24-0.parquet', 'processed/t/part-2026-11-24-1.parquet'])

    expect(await recoverStaging(env.s3, 'job-a')).toBe(1)
    const listing = await env.s3.listObjectsV2({ Bucket: bucket })
    expect(listing.Contents?.map((object) => object.Key)).toEqual(['processed/t/part-2026-11-24-0.parquet'])
    expect(Buffer.from((await env.s3.getObject({ Bucket: bucket, Key: 'processed/t/part-2026-11-24-0.parquet' })).Body).toString()).toBe('new 0')
    expect(readdirSync(bucketFolder).filter((name) => name.startsWith('.dlc-tmp-'))).toEqual([other.slice(bucketFolder.length + 1)])
  })

  it('applying a plan twice is the same as once', async () => {
    const { env, bucket } = lake
    const staging = await createStaging(join(env.s3.root, bucket), 'job-a', 'jr_1')
    writeFileSync(join(staging, 'f'), 'new')
    const plan = { job: 'job-a', runId: 'jr_1', steps: [{ op: 'move', from: 'f', bucket, key: 'x/part-1.parquet' } as const] }
    await applyPlan(env.s3, staging, plan)
    await applyPlan(env.s3, staging, plan)
    expect(Buffer.from((await env.s3.getObject({ Bucket: bucket, Key: 'x/part-1.parquet' })).Body).toString()).toBe('new')
  })
})

describe('kill -9 mid-job', () => {
  it('leaves the previous state intact and readable; the re-run matches a clean run row for row', async () => {
    const { env, bucket } = lake
    putBatch(env, bucket, 'sales', '2026-11-24', { 'sales.csv': generateSales({ rows: 500, seed: 4 }).bytes })
    await runJob(env, bucket, 'sales', '2026-11-24')
    const previousFiles = snapshot(join(env.s3.root, bucket, 'processed'))
    const previousRejected = snapshot(join(env.s3.root, bucket, 'rejected'))
    const previousRows = await processedRows(env, bucket, 'sales')

    const big = messyBatch(300_000)
    putBatch(env, bucket, 'sales', '2026-11-24', { 'sales.csv': big.bytes })
    const killed = await killMidJob(env.root, bucket, (message) => message.startsWith('read '))
    expect(killed.signal).toBe('SIGKILL')
    expect(killed.messages.some((message) => message.startsWith('wrote '))).toBe(false)

    expect(snapshot(join(env.s3.root, bucket, 'processed'))).toEqual(previousFiles)
    expect(snapshot(join(env.s3.root, bucket, 'rejected'))).toEqual(previousRejected)
    expect(await processedRows(env, bucket, 'sales')).toEqual(previousRows)
    expect(readdirSync(join(env.s3.root, bucket)).some((name) => name.startsWith('.dlc-tmp-glue-'))).toBe(true)

    await runJob(env, bucket, 'sales', '2026-11-24')
    expect(readdirSync(join(env.s3.root, bucket)).filter((name) => name.startsWith('.dlc-tmp-'))).toEqual([])
    const clean = await exampleEnvironment()
    try {
      putBatch(clean.env, clean.bucket, 'sales', '2026-11-24', { 'sales.csv': big.bytes })
      await runJob(clean.env, clean.bucket, 'sales', '2026-11-24')
      const rerun = await processedRows(env, bucket, 'sales')
      expect(rerun.length).toBe(readReport(env, bucket, 'sales', '2026-11-24')['rowsWritten'])
      expect(rerun).toEqual(await processedRows(clean.env, clean.bucket, 'sales'))
      expect(await quarantineRows(env, bucket, 'sales')).toEqual(await quarantineRows(clean.env, clean.bucket, 'sales'))
      expect(Object.keys(snapshot(join(env.s3.root, bucket, 'processed')))).toEqual(Object.keys(snapshot(join(clean.env.s3.root, clean.bucket, 'processed'))))
    } finally {
      await clean.done()
    }
  }, 2 * JOB_TIMEOUT)
})

/** Runs the sales job in a child process on the lake at `root` and kills it with SIGKILL at the first progress message `when` picks. */
function killMidJob(root: string, bucket: string, when: (message: string) => boolean): Promise<{ signal: NodeJS.Signals | null; messages: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(dirname(fileURLToPath(import.meta.url)), 'glue-job-child.ts'), root, JSON.stringify({ JobName: jobName('sales'), Arguments: jobArguments(bucket, 'sales', '2026-11-24') })], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const messages: string[] = []
  let buffered = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk
    const lines = buffered.split('\n')
    buffered = lines.pop() ?? ''
    for (const line of lines) {
      const message = (JSON.parse(line) as { message: string }).message
      messages.push(message)
      if (when(message)) child.kill('SIGKILL')
    }
  })
  return new Promise((resolve) => child.on('exit', (_, signal) => resolve({ signal, messages })))
}
