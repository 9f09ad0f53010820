import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { decodeToUtf8 } from '@dlc/compiler'
import { describe, expect, it } from 'vitest'
import { runEtl } from '../../../packages/compiler/test/glue/run-duckdb.js'
import { generateSales } from '../generator/index.js'
import { erpSales, sales } from '../pipeline.js'
import { records } from '../../../packages/compiler/test/glue/csv-records.js'

const dataDir = fileURLToPath(new URL('../data/', import.meta.url))

/**
 * A record that ends in one extra delimiter has its fields intact, and DuckDB's reader takes it
 * (strict mode too); the generator counts it as ragged. Those records are kept, on purpose.
 */
function trailingDelimiterRecords(text: string, delimiter: string): number {
  const [header = [], ...rows] = records(text, delimiter)
  return rows.filter((row) => row.length === header.length + 1 && row.at(-1) === '').length
}

/**
 * The generated ETL SQL, run in real DuckDB on the example's own batches: every row read is
 * written, rejected with a reason, or removed as a duplicate, and what survives is exactly the
 * orders the generator wrote as clean (plus the intact records with a trailing delimiter).
 */
describe('the example datasets clean the generator’s messy exports', () => {
  it.each([
    { name: 'web shop', dataset: sales, variant: 'standard' as const, seed: 42, rows: 200, file: 'sales/2026-11-24/sales.csv' },
    { name: 'ERP', dataset: erpSales, variant: 'erp' as const, seed: 7, rows: 100, file: 'erp_sales/2026-11-24/sales.csv' },
  ])('$name sample batch', async ({ dataset, variant, seed, rows, file }) => {
    const bytes = readFileSync(join(dataDir, file))
    const { stats } = generateSales({ rows, seed, variant })
    const result = await runEtl(dataset.node, { 'sales.csv': bytes })
    const report = result.report as Record<string, number | string>
    const figure = (name: string) => Number(report[name])
    expect(figure('rows_read')).toBe(figure('rows_written') + figure('rows_rejected') + figure('rows_deduplicated'))
    const kept = stats.clean + trailingDelimiterRecords(decodeToUtf8(bytes, dataset.node.source.encoding).replace(/^\uFEFF/, ''), dataset.node.source.delimiter)
    expect(figure('rows_written')).toBe(kept)
    expect(result.clean).toHaveLength(kept)
    expect(result.rejected).toHaveLength(figure('rows_rejected'))
    for (const row of result.rejected) expect(row['reason']).toMatch(/\S/)
    expect(new Set(result.clean.map((row) => row['order_id'])).size).toBe(result.clean.length)
  }, 60_000)

  it('bigger batches reconcile the same way', async () => {
    for (const variant of ['standard', 'erp'] as const) {
      const { bytes, stats } = generateSales({ rows: 5000, seed: 11, variant })
      const dataset = (variant === 'erp' ? erpSales : sales).node
      const result = await runEtl(dataset, { 'sales.csv': bytes })
      const kept = stats.clean + trailingDelimiterRecords(decodeToUtf8(bytes, dataset.source.encoding).replace(/^\uFEFF/, ''), dataset.source.delimiter)
      expect(Number((result.report as Record<string, unknown>)['rows_written'])).toBe(kept)
    }
  }, 120_000)
})
