/**
 * The nightly sales batch: raw CSV lands in S3 -> batch check -> Glue ETL cleans it to
 * partitioned Parquet (bad rows to quarantine) -> crawler -> Athena checks and analysis ->
 * e-mail on success or failure, started every night by EventBridge Scheduler.
 */
import { col, csv, dataset, pipeline, sql, sqlFile, text, topic, zones } from '@dlc/dsl'

const lake = zones('dlc-sales-lake')

export const sales = dataset('sales', {
  source: csv({ header: true, nullTokens: ['', 'NULL', 'N/A', '-'] }),
  columns: {
    order_id: col.string().trim().pattern(/^SO-\d{6}$/).required(),
    order_date: col.date({ formats: ['%Y-%m-%d', '%d/%m/%Y'] }).required(),
    customer_id: col.string().trim().required(),
    country: col.string().trim().upper().pattern(/^[A-Z]{2}$/).required(),
    product: col.string().trim().required(),
    quantity: col.int().min(1).required(),
    unit_price: col.decimal(12, 2).min(0).required(),
  },
  dedupe: { on: ['order_id'], keep: 'last' },
  derive: { revenue: (c) => c.quantity.times(c.unit_price) },
  partitionBy: ['year(order_date)', 'month(order_date)'],
})

const alerts = topic('dlc-sales-alerts', { email: ['data-team@example.com'] })

export default pipeline('nightly-sales', { comment: 'Nightly sales batch: raw CSV -> Glue ETL -> crawler -> Athena checks -> e-mail' })
  .zones(lake)
  .schedule('cron(0 3 * * ? *)', { timezone: 'America/Bogota', flexibleWindowMinutes: 15, lagDays: 1 })
  .expectBatch(sales, { ifMissing: 'notify-and-succeed' })
  .etl(sales)
  .crawl({ database: 'sales_db' })
  .check('no_null_keys', sql<{ n: number }>`SELECT count(*) AS n FROM ${sales} WHERE ${sales.columns.order_id} IS NULL`, { expect: { n: 0 } })
  .check('row_count_reconciliation', sqlFile<{ written: number }>('sql/row_count_reconciliation.sql'), { expect: { written: (run) => run.salesEtl.rowsWritten } })
  .check('quarantine_reconciliation', sqlFile<{ rejected: number }>('sql/quarantine_reconciliation.sql'), { expect: { rejected: (run) => run.salesEtl.rowsRejected } })
  .query('rejected_rows', sqlFile('sql/rejected_rows.sql'))
  .query('revenue_by_month', sqlFile('sql/revenue_by_month.sql'))
  .query('top_products', sqlFile('sql/top_products.sql'))
  .query('revenue_by_country', sql`SELECT ${sales.columns.country}, sum(${sales.columns.revenue}) AS revenue FROM ${sales} GROUP BY 1 ORDER BY revenue DESC`)
  .notify(alerts, {
    success: (run) =>
      text`Batch ${run.batchDate} of nightly-sales is loaded: ${run.salesEtl.rowsWritten} of ${run.salesEtl.rowsRead} rows written, ${run.salesEtl.rowsRejected} quarantined, ${run.salesEtl.rowsDeduplicated} duplicates removed, ${run.salesEtl.partitions} partitions.`,
  })
