import { expectTypeOf, test } from 'vitest'
import { col, csv, dataset, type RowOf } from '../../src/index.js'

const sales = dataset('sales', {
  source: csv({ delimiter: ';', encoding: 'windows-1252', decimalComma: true }),
  columns: {
    order_id: col.string().trim().required(),
    order_date: col.date({ formats: ['%Y-%m-%d', '%d/%m/%Y'] }).required(),
    country: col.string().trim().upper(),
    quantity: col.int().min(1),
    unit_price: col.decimal(12, 2).min(0),
    paid: col.boolean().default(false),
  },
  dedupe: { on: ['order_id'], keep: 'last' },
  derive: { revenue: (c) => c.quantity.times(c.unit_price), country_name: (c) => c.country.lower() },
  partitionBy: ['year(order_date)', 'month(order_date)'],
})

test('column types flow into the row type', () => {
  type Row = RowOf<typeof sales>
  expectTypeOf<Row['order_id']>().toEqualTypeOf<string>()
  expectTypeOf<Row['order_date']>().toEqualTypeOf<string>()
  expectTypeOf<Row['country']>().toEqualTypeOf<string | null>()
  expectTypeOf<Row['quantity']>().toEqualTypeOf<number | null>()
  expectTypeOf<Row['paid']>().toEqualTypeOf<boolean>()
  expectTypeOf<Row['revenue']>().toEqualTypeOf<number | null>()
  expectTypeOf<Row['country_name']>().toEqualTypeOf<string | null>()
  expectTypeOf<Row['year']>().toEqualTypeOf<number>()
  expectTypeOf<Row['month']>().toEqualTypeOf<number>()
})

test('required keeps the column kind, so text rules still chain after it', () => {
  expectTypeOf(col.string().required().trim().upper()).toHaveProperty('pattern')
  expectTypeOf(col.int().required().min(1)).toHaveProperty('max')
})

test('a misspelt column is a type error everywhere a column is named', () => {
  // @ts-expect-error order_idd is not a column
  void sales.columns.order_idd
  // @ts-expect-error dedupe key is not a column
  dataset('x', { columns: { a: col.string() }, dedupe: { on: ['b'] } })
  // @ts-expect-error year() needs a date column
  dataset('x', { columns: { a: col.string() }, partitionBy: ['year(a)'] })
  // @ts-expect-error derived expression names a missing column
  dataset('x', { columns: { a: col.int() }, derive: { b: (c) => c.aa.times(2) } })
  // @ts-expect-error a text column has no times()
  dataset('x', { columns: { a: col.string() }, derive: { b: (c) => c.a.times(2) } })
  // @ts-expect-error dates have year(), numbers do not
  dataset('x', { columns: { a: col.int() }, derive: { b: (c) => c.a.year() } })
})
