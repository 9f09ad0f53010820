import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import type { RunSummary } from '@dlc/runtime'
import { describe, expect, it } from 'vitest'
import { dlc } from '../helpers.js'
import { spawnDlc } from './child.js'
import { exampleProject } from './example-project.js'

// Large enough that the first Glue job runs for seconds after it says it is reading the batch.
const OPTIONS = ['--rows', '200000', '--seed', '5', '--batch-date', '2026-11-24']
const BUCKET = '.dlc/s3/dlc-sales-lake-local'
const TABLES = ['processed/sales', 'processed/erp_sales', 'rejected/sales_rejected', 'rejected/erp_sales_rejected']

/** A Parquet folder's rows as values (partition columns included), in one order whatever the files. */
async function tableRows(folder: string): Promise<unknown[]> {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  try {
    const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet('${join(folder, '**/*.parquet')}', hive_partitioning = true) ORDER BY ALL`)
    return reader.getRowObjectsJson()
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

/** Every file and folder under `.dlc` that a run leaves only while it runs: staging folders, job locks, temp files. */
function leftovers(dir: string): string[] {
  const root = join(dir, '.dlc')
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((path) => path.split(/[\\/]/).some((name) => name.startsWith('.dlc-tmp-') || name.endsWith('.tmp')))
    .map((path) => relative(root, join(root, path)))
}

/** The files under a folder, relative to it. */
function files(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort()
}

/**
 * A JSON file with the values that say *when* set aside. In the catalog these are the crawl's
 * time (a table's CreateTime and UpdateTime, a partition's CreationTime and LastAccessTime, the
 * crawler log's time); in a job's report, `seconds` (how long the job took). Everything else
 * (columns, types, locations, partition values, counts) must be equal.
 */
function withoutTimes(path: string): unknown {
  const times = new Set(['CreateTime', 'UpdateTime', 'CreationTime', 'LastAccessTime', 'time', 'seconds'])
  const text = readFileSync(path, 'utf8')
  const parse = (json: string): unknown => JSON.parse(json, (key, value: unknown) => (times.has(key) ? '<time>' : value))
  return path.endsWith('.jsonl') ? text.trim().split('\n').map(parse) : parse(text)
}

describe('dlc run killed mid-ETL', () => {
  it('re-run, leaves the same Parquet contents, quarantine, reports and catalog as a clean run, and no staging behind', async () => {
    const crashed = await exampleProject()
    const killed = await spawnDlc(['run', crashed, ...OPTIONS], (line, child) => {
      // The first Glue job has taken the batch and DuckDB is cleaning it.
      if (/^ {2}glue: reading \d+ files? under s3:\/\/dlc-sales-lake-local\/raw\/sales\//.test(line)) child.kill('SIGKILL')
    })
    expect(killed.signal, killed.stderr).toBe('SIGKILL')
    expect(killed.stderr).toContain('▸ Clean sales\n')
    expect(killed.stderr).not.toContain('✓ Clean sales')
    // Killed mid-job: nothing published, the run's staging folder and the job's lock left behind.
    expect(existsSync(join(crashed, BUCKET, 'processed'))).toBe(false)
    expect(leftovers(crashed)).toEqual(expect.arrayContaining([expect.stringMatching(/^s3\/dlc-sales-lake-local\/\.dlc-tmp-glue-nightly-sales-sales-etl-local-jr_/), 's3/.dlc-tmp-glue-nightly-sales-sales-etl-local.lock']))

    const rerun = await dlc(['run', crashed, ...OPTIONS, '--format', 'json'], crashed)
    expect(rerun.code, rerun.stderr).toBe(0)
    const clean = await exampleProject()
    const cleanRun = await dlc(['run', clean, ...OPTIONS, '--format', 'json'], clean)
    expect(cleanRun.code, cleanRun.stderr).toBe(0)

    expect(leftovers(crashed)).toEqual([])
    const figures = (run: { stdout: string }): unknown => (JSON.parse(run.stdout) as RunSummary).datasets
    expect(figures(rerun)).toEqual(figures(cleanRun))
    for (const table of TABLES) {
      const rows = await tableRows(join(crashed, BUCKET, table))
      expect(rows.length, table).toBeGreaterThan(1000)
      expect(rows, table).toEqual(await tableRows(join(clean, BUCKET, table)))
    }
    // File names are stable (part-<batch date>-<n>.parquet), so the layouts match too.
    expect(files(join(crashed, BUCKET, 'processed'))).toEqual(files(join(clean, BUCKET, 'processed')))
    expect(files(join(crashed, BUCKET, 'rejected'))).toEqual(files(join(clean, BUCKET, 'rejected')))
    for (const report of files(join(crashed, BUCKET, 'rejected/_reports'))) {
      expect(withoutTimes(join(crashed, BUCKET, 'rejected/_reports', report)), report).toEqual(withoutTimes(join(clean, BUCKET, 'rejected/_reports', report)))
    }

    const catalog = files(join(crashed, '.dlc/catalog/sales_db'))
    expect(catalog).toEqual(['_crawler-log.jsonl', 'erp_sales.json', 'erp_sales_rejected.json', 'sales.json', 'sales_rejected.json'])
    expect(files(join(clean, '.dlc/catalog/sales_db'))).toEqual(catalog)
    for (const file of catalog) {
      expect(withoutTimes(join(crashed, '.dlc/catalog/sales_db', file)), file).toEqual(withoutTimes(join(clean, '.dlc/catalog/sales_db', file)))
    }
  }, 180_000)
})
