/**
 * The nightly sales batch: raw CSV lands in S3 -> batch check -> Glue ETL cleans it to
 * partitioned Parquet (bad rows to quarantine) -> crawler -> Athena checks and analysis ->
 * e-mail on success or failure, started every night by EventBridge Scheduler.
 *
 * Two exports arrive each night: the web shop's (UTF-8, `,`) and the ERP's (Windows-1252,
 * `;`, decimal commas, `dd.mm.yyyy` dates). Same columns, two datasets.
 */
import { col, csv, dataset, pipeline, sql, sqlFile, text, topic, zones } from '@dlc/dsl'

const lake = zones('dlc-sales-lake')

/** The columns both exports carry; only how the order date is written differs. */
function orderColumns(dateFormats: readonly string[]) {
  return {
    order_id: col.string().trim().pattern(/^SO-\d{6,7}$/).required(),
    order_date: col.date({ formats: dateFormats }).required(),
    customer_id: col.string().trim().required(),
    country: col.string().trim().upper().pattern(/^[A-Z]{2}$/).required(),
    product: col.string().trim().required(),
    quantity: col.int().min(1).required(),
    unit_price: col.decimal(12, 2).min(0).required(),
  }
}

const nullTokens = ['', 'NULL', 'null', 'N/A', '-']

export const sales = dataset('sales', {
  source: csv({ nullTokens }),
  columns: orderColumns(['%Y-%m-%d']),
  dedupe: { on: ['order_id'], keep: 'last' },
  derive: { revenue: (c) => c.quantity.times(c.unit_price) },
  partitionBy: ['year(order_date)', 'month(order_date)'],
})

export const erpSales = dataset('erp_sales', {
  source: csv({ delimiter: ';', encoding: 'windows-1252', decimalComma: true, nullTokens }),
  columns: orderColumns(['%d.%m.%Y']),
  dedupe: { on: ['order_id'], keep: 'last' },
  derive: { revenue: (c) => c.quantity.times(c.unit_price) },
  partitionBy: ['year(order_date)', 'month(order_date)'],
})

const alerts = topic('dlc-sales-alerts', { email: ['data-team@example.com'] })

export default pipeline('nightly-sales', { comment: 'Nightly sales batch: raw CSV -> Glue ETL -> crawler -> Athena checks -> e-mail' })
  .zones(lake)
  .schedule('cron(0 3 * * ? *)', { timezone: 'America/Bogota', flexibleWindowMinutes: 15, lagDays: 1 })
  .expectBatch(sales, { ifMissing: 'notify-and-succeed' })
  .expectBatch(erpSales, { ifMissing: 'notify-and-succeed' })
  .etl(sales)
  .etl(erpSales)
  .crawl({ database: 'sales_db' })
  .check('no_null_keys', sql<{ n: number }>`SELECT count(*) AS n FROM ${sales} WHERE ${sales.columns.order_id} IS NULL`, { expect: { n: 0 } })
  .check('row_count_reconciliation', sqlFile<{ sales: number; erp_sales: number }>('sql/row_count_reconciliation.sql'), {
    expect: { sales: (run) => run.salesEtl.rowsWritten, erp_sales: (run) => run.erp_salesEtl.rowsWritten },
  })
  .check('quarantine_reconciliation', sqlFile<{ sales: number; erp_sales: number }>('sql/quarantine_reconciliation.sql'), {
    expect: { sales: (run) => run.salesEtl.rowsRejected, erp_sales: (run) => run.erp_salesEtl.rowsRejected },
  })
  .query('rejected_rows', sqlFile('sql/rejected_rows.sql'))
  .query('revenue_by_month', sqlFile('sql/revenue_by_month.sql'))
  .query('top_products', sqlFile('sql/top_products.sql'))
  .query('revenue_by_country', sql`SELECT ${sales.columns.country}, sum(${sales.columns.revenue}) AS revenue FROM ${sales} GROUP BY 1 ORDER BY revenue DESC`)
  .notify(alerts, {
    success: (run) =>
      text`Batch ${run.batchDate} of nightly-sales is loaded.
Web shop: ${run.salesEtl.rowsWritten} of ${run.salesEtl.rowsRead} rows written, ${run.salesEtl.rowsRejected} quarantined, ${run.salesEtl.rowsDeduplicated} duplicates removed.
ERP: ${run.erp_salesEtl.rowsWritten} of ${run.erp_salesEtl.rowsRead} rows written, ${run.erp_salesEtl.rowsRejected} quarantined, ${run.erp_salesEtl.rowsDeduplicated} duplicates removed.`,
  })
