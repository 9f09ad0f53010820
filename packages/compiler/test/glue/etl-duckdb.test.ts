import { describe, expect, test } from 'vitest'
import { erpSales, sales } from './datasets.js'
import { erpFile, salesFile1, salesFile2 } from './fixtures.js'
import { runEtl, type EtlResult } from './run-duckdb.js'

function expectAccounting({ report }: EtlResult): void {
  expect(Number(report.rows_read)).toBe(Number(report.rows_written) + Number(report.rows_rejected) + Number(report.rows_deduplicated))
}

describe('etlSql in DuckDB: the sales batch (UTF-8 BOM + CRLF file, then an LF file with its columns reordered)', async () => {
  const result = await runEtl(sales.node, { 'sales-1.csv': salesFile1, 'sales-2.csv': salesFile2 })

  test('clean rows: cleaned, typed, deduplicated (last wins), derived and partition columns, in batch order', () => {
    const row = (order_id: string, order_date: string, country: string | null, quantity: number | null, unit_price: string | null, paid: boolean, revenue: string | null, month: number) =>
      ({ order_id, order_date, country, quantity, unit_price, paid, revenue, year: 2026, month })
    expect(result.clean).toEqual([
      row('SO-3', '2026-11-25', 'MULTI\r\nLINE', 3, '1.25', false, '3.75', 11),
      row('SO-1', '2026-12-01', null, 4, '2.00', false, '8.00', 12),
      row('SO-13', '2026-11-27', null, null, null, false, null, 11),
      row('SO-2', '2026-11-28', 'CO', 5, '3.10', true, '15.50', 11),
      row('SO-14', '2026-11-28', 'CO', 1, '0.00', false, '0.00', 11),
    ])
  })

  test('every rejected row is kept with its file, number, text, column and reason', () => {
    const malformed = (line: string, record: string, reason: string) =>
      ({ source_file: 'sales-1.csv', line_number: line, row_number: null, record, column_name: null, reason, batch_date: '2026-11-24' })
    const failed = (row: string, record: string, column: string, reason: string) =>
      ({ source_file: 'sales-1.csv', line_number: null, row_number: row, record, column_name: column, reason, batch_date: '2026-11-24' })
    expect(result.rejected).toEqual([
      malformed('8', 'SO-7,2026-11-26,CO,1', 'malformed record: 4 fields where the header has 6'),
      malformed('9', 'SO-8,2026-11-26,CO,1,1,y,extra', 'malformed record: 7 fields where the header has 6'),
      failed('4', 'SO-4,2026/11/24,CO,1,1,y', 'order_date', 'order_date: "2026/11/24" is not a valid date (%Y-%m-%d or %d/%m/%Y)'),
      failed('5', 'SO-5,31/02/2026,CO,1,1,y', 'order_date', 'order_date: "31/02/2026" is not a valid date (%Y-%m-%d or %d/%m/%Y)'),
      failed('6', 'SO-6,2026-11-26,CO,-3,1,y', 'quantity', 'quantity: "-3" is below the minimum 1'),
      failed('7', 'N/A,2026-11-26,CO,1,1,y', 'order_id', 'order_id: a value is required'),
      failed('9', 'SO-9,NULL,CO,1,1,y', 'order_date', 'order_date: a value is required'),
      failed('10', 'SO-10,2026-11-27,CO,1.5,1,y', 'quantity', 'quantity: "1.5" is not a valid int'),
      failed('11', 'SO-11,2026-11-27,CO,2,abc,y', 'unit_price', 'unit_price: "abc" is not a valid decimal(12,2)'),
      failed('12', 'SO-12,2026-11-27,CO,2,1,maybe', 'paid', 'paid: "maybe" is not a valid boolean'),
    ])
  })

  test('the report counts every record once', () => {
    expect(result.report).toEqual({ rows_read: '17', rows_written: '5', rows_rejected: '10', rows_deduplicated: '2', partitions: '2' })
    expectAccounting(result)
  })

  test('keep: first keeps the earliest row of a key instead', async () => {
    const first = await runEtl({ ...sales.node, dedupe: { on: ['order_id'], keep: 'first' } }, { 'sales-1.csv': salesFile1, 'sales-2.csv': salesFile2 })
    expect(first.clean.map((row) => [row.order_id, row.order_date])).toEqual([
      ['SO-1', '2026-11-24'],
      ['SO-2', '2026-11-24'],
      ['SO-3', '2026-11-25'],
      ['SO-13', '2026-11-27'],
      ['SO-14', '2026-11-28'],
    ])
    expectAccounting(first)
  })
})

describe('etlSql in DuckDB: an ERP export (windows-1252 decoded by the host, ";", decimal commas)', async () => {
  const result = await runEtl(erpSales.node, { 'erp.csv': erpFile })

  test('clean rows: decimal commas and thousands points, renamed headers, defaults, first of a key kept', () => {
    const row = (order_id: string, customer: string | null, order_date: string, quantity: number, unit_price: string | null, revenue: string | null, label: string | null) =>
      ({ order_id, customer, order_date, quantity, unit_price, currency: 'EUR', revenue, label, year: 2026, batch_date: '2026-11-24' })
    expect(result.clean).toEqual([
      row('A-0001', 'Müller GmbH', '2026-11-24', 1200, '1234.56', '1481472.00', 'Müller GmbH / EUR'),
      row('A-0002', 'Café €uro', '2026-11-25', 3, '0.50', '1.50', 'Café €uro / EUR'),
      row('A-0007', null, '2026-11-24', 1, null, null, null),
    ])
  })

  test('reasons for the pattern, oneOf, max, date format and decimal-comma checks', () => {
    expect(result.rejected.map((row) => [row.line_number ?? row.row_number, row.column_name, row.reason])).toEqual([
      ['11', null, 'malformed record: 6 fields where the header has 7'],
      ['4', 'currency', 'currency: "GBP" is not one of EUR, USD'],
      ['5', 'order_id', 'order_id: "B-1" does not match the pattern ^A-\\d{4}$'],
      ['6', 'order_date', 'order_date: "2026-11-24" is not a valid date (%d.%m.%Y)'],
      ['7', 'quantity', 'quantity: "20.000" is above the maximum 10000'],
      ['8', 'quantity', 'quantity: "1,5" is not a valid int'],
    ])
    expect(result.rejected[0]?.record).toBe('A-0008;X;24.11.2026;1;2;EUR')
    expect(result.report).toEqual({ rows_read: '10', rows_written: '3', rows_rejected: '6', rows_deduplicated: '1', partitions: '1' })
    expectAccounting(result)
  })
})

describe('etlSql in DuckDB: records the reader cannot read', () => {
  test('a quote that never closes stops the run with DuckDB\'s error naming the file: nothing is written', async () => {
    const lines = ['order_id,order_date,country,quantity,unit_price,paid', 'SO-1,2026-11-24,CO,1,1,y', 'SO-X,2026-11-24,"CO,1,1,y', 'SO-Y,2026-11-24,CO,1,1,y', '']
    await expect(runEtl(sales.node, { 'broken.csv': Buffer.from(lines.join('\n')) })).rejects.toThrow(/broken\.csv/)
  })

  test('bytes that are not UTF-8 are a rejected record', async () => {
    const bytes = Buffer.concat([Buffer.from('order_id,order_date,country,quantity,unit_price,paid\nSO-1,2026-11-24,'), Buffer.from([0xe4]), Buffer.from(',1,1,y\nSO-2,2026-11-24,CO,1,1,y\n')])
    const result = await runEtl(sales.node, { 'latin.csv': bytes })
    expect(result.clean.map((row) => row.order_id)).toEqual(['SO-2'])
    expect(result.rejected.map((row) => row.reason)).toEqual(['malformed record: not valid UTF-8'])
    expectAccounting(result)
  })
})
