import { describe, expect, test } from 'vitest'
import { col, csv, dataset, DslError } from '../../src/index.js'

const columns = {
  order_id: col.string().trim().required(),
  order_date: col.date({ formats: ['%Y-%m-%d', '%d/%m/%Y'] }).required(),
  quantity: col.int().min(1),
  unit_price: col.decimal(12, 2).min(0),
}

function failure(build: () => unknown): { code: string; location: string; message: string; hint: string | undefined } {
  try {
    build()
  } catch (error) {
    if (error instanceof DslError) return { code: error.code, location: error.location, message: error.message, hint: error.hint }
    throw error
  }
  throw new Error('expected a DslError')
}

describe('dataset', () => {
  test('builds frozen IR with rules in the order written and typed derived columns', () => {
    const sales = dataset('sales', {
      columns,
      dedupe: { on: ['order_id'] },
      derive: { revenue: (c) => c.quantity.times(c.unit_price).round(2), units: (c) => c.quantity.plus(1) },
      partitionBy: ['year(order_date)', 'batch_date'],
      compression: 'zstd',
    })
    const node = sales.node
    expect(Object.isFrozen(node.columns[0]?.rules)).toBe(true)
    expect(node.columns.map((column) => [column.name, column.type.name, column.rules.map((rule) => rule.rule)])).toEqual([
      ['order_id', 'string', ['trim', 'required']],
      ['order_date', 'date', ['required']],
      ['quantity', 'int', ['min']],
      ['unit_price', 'decimal', ['min']],
    ])
    expect(node.derived.map((column) => [column.name, column.type])).toEqual([
      ['revenue', { name: 'decimal', precision: 38, scale: 2 }],
      ['units', { name: 'bigint' }],
    ])
    expect(node.dedupe).toEqual({ on: ['order_id'], keep: 'last' })
    expect(node.partitionBy).toEqual([
      { name: 'year', source: { kind: 'DatePart', part: 'year', column: 'order_date' } },
      { name: 'batch_date', source: { kind: 'BatchDate' } },
    ])
    expect(node.target).toEqual({ format: 'parquet', compression: 'zstd' })
    expect(node.source).toEqual(csv())
    expect(sales.columns.revenue).toEqual({ kind: 'ColumnName', dataset: 'sales', name: 'revenue' })
  })

  test('building twice gives equal IR, and a builder call never changes an earlier column', () => {
    const base = col.string().trim()
    const upper = base.upper()
    expect(base.rules).toEqual([{ rule: 'trim' }])
    expect(upper.rules).toEqual([{ rule: 'trim' }, { rule: 'upper' }])
    expect(dataset('sales', { columns }).node).toEqual(dataset('sales', { columns }).node)
  })

  test('a column read from another header keeps both names', () => {
    const node = dataset('sales', { columns: { order_id: col.string().from('Order No.') } }).node
    expect(node.columns[0]).toMatchObject({ name: 'order_id', from: 'Order No.' })
  })

  test('columns named dynamically are checked when the dataset is built', () => {
    const keys = ['order_id', 'customer'] as never[]
    expect(failure(() => dataset('sales', { columns, dedupe: { on: keys } }))).toMatchObject({
      code: 'DLC_UNKNOWN_COLUMN',
      location: '/dedupe/on/1',
      message: '/dedupe/on/1: "customer" is not a column of this dataset',
    })
    expect(failure(() => dataset('sales', { columns, partitionBy: ['month(shipped)' as never] }))).toMatchObject({ code: 'DLC_UNKNOWN_COLUMN', location: '/partitionBy/0' })
    expect(failure(() => dataset('sales', { columns, partitionBy: ['year(quantity)' as never] }))).toMatchObject({
      code: 'DLC_UNKNOWN_COLUMN',
      message: '/partitionBy/0: year(quantity): "quantity" is a int column, not a date',
    })
  })

  test('Athena-incompatible names are rejected with the rule', () => {
    expect(failure(() => dataset('Sales', { columns }))).toMatchObject({ code: 'DLC_INVALID_NAME', location: '/name' })
    expect(failure(() => dataset('sales', { columns: { 'Order ID': col.string() } }))).toMatchObject({ code: 'DLC_INVALID_NAME', location: '/columns/Order ID' })
    expect(failure(() => dataset('sales', { columns, derive: { order_id: (c) => c.order_id.upper() } })).message).toBe('/columns: dataset "sales" has two columns named "order_id"')
  })

  test('bad column types and sources say what to write instead', () => {
    expect(failure(() => col.decimal(12, 14)).hint).toBe('precision is 1-38 and scale 0..precision, e.g. col.decimal(12, 2)')
    expect(failure(() => col.date({ formats: ['dd/MM/yyyy'] }))).toMatchObject({ code: 'DLC_INVALID_DATASET', message: '/columns: "dd/MM/yyyy" is not a date format' })
    expect(failure(() => col.date({ formats: ['%d/%q/%Y'] })).hint).toContain('unknown: %q')
    expect(failure(() => col.string().pattern(/^a/i)).message).toBe('/columns: pattern /^a/i has flags')
    expect(failure(() => csv({ delimiter: ',', decimalComma: true })).location).toBe('/source/decimalComma')
    expect(failure(() => csv({ delimiter: '||' })).location).toBe('/source/delimiter')
  })
})

test('a partition on a column as is keeps that column, with no second name', () => {
  const node = dataset('sales', { columns: { ...columns, country: col.string() }, partitionBy: ['country'] }).node
  expect(node.partitionBy).toEqual([{ name: 'country', source: { kind: 'Column', column: 'country' } }])
})
