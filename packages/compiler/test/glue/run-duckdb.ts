import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { decodeToUtf8, etlRuntimeSql, etlSql } from '@dlc/compiler'
import type { DatasetNode } from '@dlc/dsl'

export type Row = Record<string, unknown>

export interface EtlResult {
  readonly clean: Row[]
  readonly rejected: Row[]
  readonly report: Row
}

/**
 * What a host does with a batch: decode each file to UTF-8, write it to a temp folder, set the
 * runtime variables, run etlSql() in real DuckDB and read its three output tables (as JSON values:
 * dates ISO text, decimals and bigints as text).
 */
export async function runEtl(dataset: DatasetNode, files: Record<string, Uint8Array>, batchDate = '2026-11-24'): Promise<EtlResult> {
  const folder = mkdtempSync(join(tmpdir(), 'dlc-glue-'))
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  try {
    const paths = Object.entries(files).map(([name, bytes]) => {
      const path = join(folder, name)
      writeFileSync(path, dataset.source.encoding === 'utf-8' ? bytes : decodeToUtf8(bytes, dataset.source.encoding), dataset.source.encoding === 'utf-8' ? undefined : 'utf8')
      return path
    })
    await connection.run(etlRuntimeSql({ files: paths, batchDate }) + etlSql(dataset))
    const read = async (table: string): Promise<Row[]> => (await connection.runAndReadAll(`SELECT * FROM ${table}`)).getRowObjectsJson() as Row[]
    const [report] = await read('report')
    return { clean: await read('clean'), rejected: await read('rejected'), report: report ?? {} }
  } finally {
    connection.closeSync()
    instance.closeSync()
    rmSync(folder, { recursive: true, force: true })
  }
}
