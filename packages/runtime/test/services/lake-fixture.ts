import { mkdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import nightly from '../../../../examples/datalake/pipeline.js'
import { localPipeline, openEnvironment, type EnvironmentOptions, type LocalEnvironment, type ServiceProgress } from '../../src/services/index.js'

export const exampleDir = fileURLToPath(new URL('../../../../examples/datalake/', import.meta.url))
export const readSql = (file: string): string => readFileSync(join(exampleDir, file), 'utf8')

/** The example pipeline resolved for the local target, in a fresh `.dlc` folder (with `options`, and progress to `progress`). */
export async function exampleEnvironment(options: EnvironmentOptions = {}, progress: (event: ServiceProgress) => void = () => {}): Promise<{ env: LocalEnvironment; root: string; bucket: string; crawler: string; workgroup: string; done: () => Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'dlc-lake-'))
  const pipeline = localPipeline(nightly.build({ readSql }))
  const env = await openEnvironment(join(root, '.dlc'), pipeline, progress, options)
  return {
    env,
    root,
    bucket: pipeline.zone('processed').bucket,
    crawler: pipeline.resolvedName(pipeline.pipeline.crawler?.name ?? ''),
    workgroup: pipeline.resolvedName(pipeline.pipeline.workgroup.name),
    done: async () => {
      env.close()
      await rm(root, { recursive: true, force: true })
    },
  }
}

export interface Order {
  readonly id: string
  readonly date: string
  readonly customer: string
  readonly country: string
  readonly product: string
  readonly quantity: number
  readonly price: string
}

/** Writes orders as the local Glue job does: Hive-partitioned by year/month, files part-<batch>-<n>.parquet. */
export async function writeOrders(env: LocalEnvironment, bucket: string, dataset: string, batchDate: string, orders: readonly Order[], extra = ''): Promise<void> {
  const values = orders
    .map((o) => `('${o.id}', DATE '${o.date}', '${o.customer}', '${o.country}', '${o.product}', ${o.quantity}, ${o.price})`)
    .join(', ')
  mkdirSync(join(env.s3.root, bucket, 'processed'), { recursive: true })
  const connection = await env.connect()
  try {
    await connection.run(`COPY (
      SELECT order_id, order_date, customer_id, country, product, CAST(quantity AS INTEGER) AS quantity, CAST(unit_price AS DECIMAL(12,2)) AS unit_price,
        CAST(quantity * CAST(unit_price AS DECIMAL(12,2)) AS DECIMAL(38,2)) AS revenue${extra}, CAST(year(order_date) AS INTEGER) AS year, CAST(month(order_date) AS INTEGER) AS month
      FROM (VALUES ${values}) AS t(order_id, order_date, customer_id, country, product, quantity, unit_price)
    ) TO '${join(env.s3.root, bucket, 'processed', dataset)}' (FORMAT parquet, COMPRESSION 'snappy', PARTITION_BY (year, month), FILENAME_PATTERN 'part-${batchDate}-{i}', OVERWRITE_OR_IGNORE)`)
  } finally {
    connection.closeSync()
  }
}

export interface Rejected {
  readonly column: string | null
  readonly reason: string
}

/** Writes a batch's quarantine as the local Glue job does: rejected/<dataset>_rejected/batch_date=<d>/part-<d>-0.parquet. */
export async function writeRejected(env: LocalEnvironment, bucket: string, dataset: string, batchDate: string, rows: readonly Rejected[]): Promise<void> {
  const values = rows.map((row, index) => `('orders.csv', ${index + 2}, ${index + 1}, 'raw line ${index}', ${row.column === null ? 'NULL' : `'${row.column}'`}, '${row.reason.replaceAll("'", "''")}')`).join(', ')
  const file = join(env.s3.root, bucket, 'rejected', `${dataset}_rejected`, `batch_date=${batchDate}`, `part-${batchDate}-0.parquet`)
  mkdirSync(dirname(file), { recursive: true })
  const connection = await env.connect()
  try {
    await connection.run(`COPY (
      SELECT source_file, CAST(line_number AS BIGINT) AS line_number, CAST(row_number AS BIGINT) AS row_number, record, CAST(column_name AS VARCHAR) AS column_name, reason
      FROM (VALUES ${values}) AS t(source_file, line_number, row_number, record, column_name, reason)
    ) TO '${file}' (FORMAT parquet, COMPRESSION 'snappy')`)
  } finally {
    connection.closeSync()
  }
}

/** A TaskCall for calling a handler directly. */
export function taskCall(resource: string, stateName = 'Test', enteredTime = '2026-11-25T08:00:00.000Z') {
  return {
    resource,
    stateName,
    attempt: 0,
    context: { State: { Name: stateName, EnteredTime: enteredTime, RetryCount: 0 } },
    signal: new AbortController().signal,
    heartbeat: () => {},
  }
}
