import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import type { RunSummary } from '@dlc/runtime'
import { describe, expect, it } from 'vitest'
import { generateSales } from '../../../../examples/datalake/generator/index.js'
import { dlc } from '../helpers.js'
import { exampleProject } from './example-project.js'

async function parquetRows(glob: string): Promise<number> {
  const instance = await DuckDBInstance.create(':memory:')
  const connection = await instance.connect()
  try {
    const reader = await connection.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM read_parquet('${glob}', hive_partitioning = true)`)
    return Number((reader.getRowObjectsJson()[0] as { n: number }).n)
  } finally {
    connection.closeSync()
    instance.closeSync()
  }
}

describe('dlc run examples/datalake', () => {
  it('runs the nightly pipeline on generated messy data: exact counts, Parquet, catalog, checks, queries and the e-mail', async () => {
    const dir = await exampleProject()
    const run = await dlc(['run', dir, '--rows', '600', '--seed', '7', '--batch-date', '2026-11-24', '--format', 'json'], dir)
    expect(run.code, run.stderr).toBe(0)
    const summary = JSON.parse(run.stdout) as RunSummary
    expect(summary.status).toBe('SUCCEEDED')
    expect(summary.batchDate).toBe('2026-11-24')

    const expected = { sales: generateSales({ rows: 300, seed: 7, batchDate: '2026-11-24', variant: 'standard' }).stats, erp_sales: generateSales({ rows: 300, seed: 8, batchDate: '2026-11-24', variant: 'erp' }).stats }
    for (const figures of summary.datasets) {
      const stats = expected[figures.dataset as keyof typeof expected]
      expect(figures.rowsRead).toBe(stats.rows)
      expect((figures.rowsWritten ?? 0) + (figures.rowsRejected ?? 0) + (figures.rowsDeduplicated ?? 0)).toBe(figures.rowsRead)
      expect(figures.rowsRejected).toBeGreaterThan(0)
      expect(figures.topReasons.length).toBeGreaterThan(0)
      const processed = join(dir, '.dlc/s3/dlc-sales-lake-local/processed', figures.dataset, '**/*.parquet')
      expect(await parquetRows(processed)).toBe(figures.rowsWritten)
      const rejected = join(dir, '.dlc/s3/dlc-sales-lake-local/rejected', `${figures.dataset}_rejected`, '**/*.parquet')
      expect(await parquetRows(rejected)).toBe(figures.rowsRejected)
    }

    expect(summary.checks.map((check) => [check.name, check.verdict])).toEqual([
      ['no_null_keys', 'passed'],
      ['row_count_reconciliation', 'passed'],
      ['quarantine_reconciliation', 'passed'],
    ])
    expect(summary.queries.map((query) => query.name)).toEqual(['rejected_rows', 'revenue_by_month', 'top_products', 'revenue_by_country'])
    const byMonth = summary.queries.find((query) => query.name === 'revenue_by_month')
    expect(byMonth?.rows).toEqual([['2026', '11', expect.any(String), String(summary.datasets.reduce((sum, figures) => sum + (figures.rowsWritten ?? 0), 0))]])

    const catalog = JSON.parse(readFileSync(join(dir, '.dlc/catalog/sales_db/sales.json'), 'utf8')) as { Table: { StorageDescriptor: { Columns: Array<{ Name: string }> }; PartitionKeys: Array<{ Name: string }> } }
    expect(catalog.Table.StorageDescriptor.Columns.map((column) => column.Name)).toContain('revenue')
    expect(catalog.Table.PartitionKeys.map((key) => key.Name)).toEqual(['year', 'month'])

    expect(summary.notifications).toHaveLength(1)
    const [mail] = summary.notifications
    expect(mail?.subject).toBe('nightly-sales: batch 2026-11-24 loaded')
    expect(mail?.message).toContain(`Web shop: ${summary.datasets[0]?.rowsWritten} of ${expected.sales.rows} rows written`)
    expect(readFileSync(join(dir, '.dlc/outbox/dlc-sales-alerts-local.jsonl'), 'utf8').trim().split('\n')).toHaveLength(1)
    expect(existsSync(join(summary.locations.run ?? '', 'history.json'))).toBe(true)
  }, 240_000)

  it('re-running the same batch replaces its rows instead of adding to them', async () => {
    const dir = await exampleProject()
    const first = await dlc(['run', dir, '--format', 'json'], dir)
    expect(first.code, first.stderr).toBe(0)
    const before = await parquetRows(join(dir, '.dlc/s3/dlc-sales-lake-local/processed/sales/**/*.parquet'))
    const second = await dlc(['run', dir, '--format', 'json'], dir)
    expect(second.code, second.stderr).toBe(0)
    expect(await parquetRows(join(dir, '.dlc/s3/dlc-sales-lake-local/processed/sales/**/*.parquet'))).toBe(before)
    expect((JSON.parse(second.stdout) as RunSummary).checks.every((check) => check.verdict === 'passed')).toBe(true)
  }, 240_000)

  it('a missing batch notifies and succeeds, as the pipeline asks', async () => {
    const dir = await exampleProject()
    const run = await dlc(['run', dir, '--batch-date', '2026-11-23', '--format', 'json'], dir)
    expect(run.code, run.stderr).toBe(0)
    const summary = JSON.parse(run.stdout) as RunSummary
    expect(summary.notifications.map((message) => message.subject)).toEqual(['nightly-sales: no sales batch for 2026-11-23'])
    expect(existsSync(join(dir, '.dlc/s3/dlc-sales-lake-local/processed'))).toBe(false)
  }, 120_000)

  it('a failed validation query fails the run, e-mails the state, error and cause, and exits 1', async () => {
    const dir = await exampleProject()
    const pipeline = readFileSync(join(dir, 'pipeline.ts'), 'utf8')
    writeFileSync(join(dir, 'pipeline.ts'), pipeline.replace(/expect: \{ n: 0 \}/, 'expect: { n: -1 }'))
    const run = await dlc(['run', dir, '--format', 'json'], dir)
    expect(run.code).toBe(1)
    const summary = JSON.parse(run.stdout) as RunSummary
    expect(summary).toMatchObject({ status: 'FAILED', error: 'Validation.Failed', failedState: 'No null keys failed' })
    expect(summary.checks[0]).toMatchObject({ name: 'no_null_keys', verdict: 'failed' })
    const [mail] = summary.notifications
    expect(mail?.subject).toBe('nightly-sales: FAILED at No null keys failed')
    expect(mail?.message).toContain('Error: Validation.Failed')
    expect(mail?.message).toContain('Cause: Check no_null_keys did not hold')
  }, 240_000)

  it('a corrupt batch file fails the ETL, e-mails it, and leaves processed/ as it was', async () => {
    const dir = await exampleProject()
    expect((await dlc(['run', dir, '--format', 'json'], dir)).code).toBe(0)
    const processed = join(dir, '.dlc/s3/dlc-sales-lake-local/processed/sales/**/*.parquet')
    const before = await parquetRows(processed)
    writeFileSync(join(dir, 'data/sales/2026-11-24/sales.csv'), Buffer.from([0x6f, 0x72, 0x64, 0x65, 0x72, 0x0a, 0xff, 0xfe, 0x00, 0xc3, 0x28, 0x0a]))
    const run = await dlc(['run', dir, '--format', 'json'], dir)
    expect(run.code).toBe(1)
    const summary = JSON.parse(run.stdout) as RunSummary
    expect(summary).toMatchObject({ status: 'FAILED', failedState: 'Clean sales' })
    const [mail] = summary.notifications
    expect(mail?.subject).toBe('nightly-sales: FAILED at Clean sales')
    expect(mail?.message).toContain(`Error: ${summary.error}`)
    expect(await parquetRows(processed)).toBe(before)
  }, 240_000)

  it('a query with a SQL error fails the run with Athena\'s error, and the e-mail names the query', async () => {
    const dir = await exampleProject()
    writeFileSync(join(dir, 'sql/top_products.sql'), 'SELEC product FROM sales')
    const run = await dlc(['run', dir, '--format', 'json'], dir)
    expect(run.code).toBe(1)
    const summary = JSON.parse(run.stdout) as RunSummary
    expect(summary).toMatchObject({ status: 'FAILED', failedState: 'Query top_products' })
    const [mail] = summary.notifications
    expect(mail?.subject).toBe('nightly-sales: FAILED at Query top_products')
    expect(mail?.message).toContain('FAILED')
    expect(mail?.message).toContain('SYNTAX_ERROR')
  }, 240_000)

  it('shows progress and a readable summary in text', async () => {
    const dir = await exampleProject()
    const run = await dlc(['run', dir], dir)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toContain('▸ Clean sales')
    expect(run.stderr).toContain('✓ Notify success')
    expect(run.stdout).toContain('nightly-sales: SUCCEEDED (batch 2026-11-24)')
    expect(run.stdout).toContain('✓ no_null_keys: passed')
    expect(run.stdout).toMatch(/Query revenue_by_month \(1 row\)/)
    expect(run.stdout).toContain('E-mail to data-team@example.com')
    expect(readdirSync(join(dir, 'out'))).toContain('nightly-sales.asl.json')
  }, 240_000)

  it('dlc ingest lands files in the raw zone, where dlc run finds them', async () => {
    const dir = await exampleProject()
    const web = generateSales({ rows: 120, seed: 3, batchDate: '2026-11-20', variant: 'standard' })
    const erp = generateSales({ rows: 80, seed: 4, batchDate: '2026-11-20', variant: 'erp' })
    writeFileSync(join(dir, 'web.csv'), web.bytes)
    writeFileSync(join(dir, 'erp.csv'), erp.bytes)
    const ingested = await dlc(['ingest', 'web.csv', '--dataset', 'sales', '--batch-date', '2026-11-20'], dir)
    expect(ingested).toMatchObject({ code: 0, stdout: 's3://dlc-sales-lake-local/raw/sales/2026-11-20/web.csv\n' })
    expect((await dlc(['ingest', 'erp.csv', '--dataset', 'erp_sales', '--batch-date', '2026-11-20'], dir)).code).toBe(0)
    const run = await dlc(['run', dir, '--batch-date', '2026-11-20', '--format', 'json'], dir)
    expect(run.code, run.stderr).toBe(0)
    const summary = JSON.parse(run.stdout) as RunSummary
    expect(summary.datasets.map((figures) => figures.rowsRead)).toEqual([web.stats.rows, erp.stats.rows])
    expect((await dlc(['ingest', 'web.csv', '--batch-date', '2026-11-20'], dir)).code).toBe(2)
    expect((await dlc(['ingest', 'web.csv', '--dataset', 'orders', '--batch-date', '2026-11-20'], dir)).stderr).toContain('its datasets are sales, erp_sales')
  }, 240_000)

  it('refuses bad options with exit 2', async () => {
    const dir = await exampleProject()
    expect((await dlc(['run', dir, '--batch-date', '24.11.2026'], dir)).code).toBe(2)
    expect((await dlc(['run', dir, '--rows', 'many'], dir)).code).toBe(2)
    expect((await dlc(['run', dir, '--at', '2026-11-25T03:00:00Z', '--batch-date', '2026-11-24'], dir)).code).toBe(2)
  })
})
