import { col, csv, dataset } from '@dlc/dsl'

/** The nightly sales batch: the reference dataset of the docs and the goldens. */
export const sales = dataset('sales', {
  source: csv({ nullTokens: ['', 'NULL', 'N/A'] }),
  columns: {
    order_id: col.string().trim().required(),
    order_date: col.date({ formats: ['%Y-%m-%d', '%d/%m/%Y'] }).required(),
    country: col.string().trim().upper().nullIf('XX'),
    quantity: col.int().min(1),
    unit_price: col.decimal(12, 2).min(0),
    paid: col.boolean().default(false),
  },
  dedupe: { on: ['order_id'], keep: 'last' },
  derive: { revenue: (c) => c.quantity.times(c.unit_price).round(2) },
  partitionBy: ['year(order_date)', 'month(order_date)'],
})

/** An ERP export: `;`, decimal commas, windows-1252, differently named headers. */
export const erpSales = dataset('erp_sales', {
  source: csv({ delimiter: ';', encoding: 'windows-1252', decimalComma: true, nullTokens: ['', '-'] }),
  columns: {
    order_id: col.string().from('Auftrag').trim().pattern(/^A-\d{4}$/).required(),
    customer: col.string().from('Kunde').trim(),
    order_date: col.date({ formats: ['%d.%m.%Y'] }).from('Datum').required(),
    quantity: col.int().from('Menge').min(1).max(10000),
    unit_price: col.decimal(12, 2).from('Preis').min(0),
    currency: col.string().from('Währung').trim().upper().oneOf('EUR', 'USD').default('EUR'),
  },
  dedupe: { on: ['order_id'], keep: 'first' },
  derive: { revenue: (c) => c.quantity.times(c.unit_price).round(2), label: (c) => c.customer.concat(' / ', c.currency) },
  partitionBy: ['year(order_date)', 'batch_date'],
  compression: 'zstd',
})
