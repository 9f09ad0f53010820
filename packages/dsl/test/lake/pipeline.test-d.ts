import { expectTypeOf, test } from 'vitest'
import { col, dataset, pipeline, sql, text, topic, zones, type EtlFigures } from '../../src/index.js'

const sales = dataset('sales', { columns: { order_id: col.string().required(), order_date: col.date().required() } })
const alerts = topic('alerts')
const lake = zones('types-lake')

test('each step adds typed variables that messages can name', () => {
  pipeline('nightly')
    .zones(lake)
    .expectBatch(sales, { ifMissing: 'fail' })
    .etl(sales)
    .states((f) => {
      expectTypeOf(f.branch()).toHaveProperty('task')
      return f
    })
    .notify(alerts, { success: (run) => text`${run.batchDate}: ${run.salesEtl.rowsWritten} rows, ${run.salesBatch.files} files` })
})

test('a misspelt figure or a step that has not run yet is a type error', () => {
  // @ts-expect-error rowsWriten is not an ETL figure
  pipeline('nightly').zones(lake).etl(sales).notify(alerts, { success: (run) => text`${run.salesEtl.rowsWriten}` })
  // @ts-expect-error no etl() before notify(): there are no ETL figures yet
  pipeline('nightly').zones(lake).notify(alerts, { success: (run) => text`${run.salesEtl.rowsWritten}` })
})

test('a check can only expect columns its query returns', () => {
  const counted = sql<{ n: number }>`SELECT count(*) AS n FROM ${sales}`
  pipeline('nightly').zones(lake).etl(sales).crawl({ database: 'db' }).check('ok', counted, { expect: { n: 0 } })
  // @ts-expect-error m is not a column of the query
  pipeline('nightly').zones(lake).etl(sales).crawl({ database: 'db' }).check('ok', counted, { expect: { m: 0 } })
  expectTypeOf<EtlFigures['rowsRejected']>().toEqualTypeOf<number>()
})
