import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { etlRuntimeSql, etlSql } from '@dlc/compiler'
import type { DatasetNode } from '@dlc/dsl'

/** What raw DuckDB did with one dataset's batch: the report's counts and the seconds of each phase. */
export interface RawEtl {
  readonly rowsRead: number
  readonly rowsWritten: number
  readonly rowsRejected: number
  readonly rowsDeduplicated: number
  readonly partitions: number
  readonly sqlSeconds: number
  readonly writeSeconds: number
}

/**
 * A dataset's ETL with nothing of dlc's in between: the same SQL text and the same two COPY
 * statements as the Glue script, straight on @duckdb/node-api, into `work/<dataset>/`.
 * `files` must be UTF-8 CSV.
 */
export async function rawEtl(dataset: DatasetNode, files: readonly string[], batchDate: string, work: string, memoryLimit?: string): Promise<RawEtl> {
  const instance = await DuckDBInstance.create(':memory:', memoryLimit === undefined ? {} : { memory_limit: memoryLimit })
  const connection = await instance.connect()
  try {
    const sqlStarted = performance.now()
    await connection.run(etlRuntimeSql({ files, batchDate }) + etlSql(dataset))
    const [row = []] = (await connection.runAndReadAll('SELECT rows_read, rows_written, rows_rejected, rows_deduplicated, partitions FROM report')).getRows()
    const [rowsRead = 0, rowsWritten = 0, rowsRejected = 0, rowsDeduplicated = 0, partitions = 0] = row.map(Number)
    const writeStarted = performance.now()
    const folder = join(work, dataset.name)
    mkdirSync(folder, { recursive: true })
    const compression = `FORMAT parquet, COMPRESSION '${dataset.target.compression}'`
    const partitionBy = dataset.partitionBy.map((partition) => partition.name)
    await connection.run(`COPY clean TO '${join(folder, 'clean')}' (${compression}, PARTITION_BY (${partitionBy.join(', ')}), FILENAME_PATTERN 'part-${batchDate}-{i}')`)
    mkdirSync(join(folder, 'rejected', `batch_date=${batchDate}`), { recursive: true })
    await connection.run(`COPY (SELECT * EXCLUDE (batch_date) FROM rejected) TO '${join(folder, 'rejected', `batch_date=${batchDate}`, `part-${batchDate}-0.parquet`)}' (${compression})`)
    return { rowsRead, rowsWritten, rowsRejected, rowsDeduplicated, partitions, sqlSeconds: (writeStarted - sqlStarted) / 1000, writeSeconds: (performance.now() - writeStarted) / 1000 }
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}
