import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LocalCatalog, type CatalogTableFile } from '../../src/catalog/index.js'
import { StatesError } from '../../src/interpreter/errors.js'
import { createGlueCrawler, glueCrawler } from '../../src/services/glue-crawler.js'
import type { LocalEnvironment } from '../../src/services/index.js'
import { exampleEnvironment, taskCall, writeOrders, writeRejected, type Order } from './lake-fixture.js'

const START = 'arn:aws:states:::aws-sdk:glue:startCrawler'
const GET = 'arn:aws:states:::aws-sdk:glue:getCrawler'

const orders: Order[] = [
  { id: 'SO-000001', date: '2026-11-20', customer: 'C1', country: 'DE', product: 'Widget', quantity: 2, price: '10.00' },
  { id: 'SO-000002', date: '2026-10-05', customer: 'C2', country: 'FR', product: 'Gadget', quantity: 1, price: '5.50' },
]

let lake: Awaited<ReturnType<typeof exampleEnvironment>>
let env: LocalEnvironment
let catalog: LocalCatalog

beforeEach(async () => {
  lake = await exampleEnvironment()
  env = lake.env
  catalog = new LocalCatalog(env.catalogDir)
})

afterEach(async () => {
  await lake.done()
})

async function crawl(service = glueCrawler, handler = service.create(env)): Promise<unknown[]> {
  await handler({ Name: lake.crawler }, taskCall(START))
  const answers: unknown[] = []
  for (let poll = 0; poll < 5; poll++) {
    const answer = (await handler({ Name: lake.crawler }, taskCall(GET))) as { Crawler: { State: string } }
    answers.push(answer)
    if (answer.Crawler.State === 'READY') break
  }
  return answers
}

async function table(name: string): Promise<CatalogTableFile> {
  const found = await catalog.table('sales_db', name)
  if (found === undefined) throw new Error(`no table ${name}`)
  return found
}

describe('the local Glue crawler', () => {
  it('infers the processed table: Parquet columns with Glue types, string partition keys from the year=/month= folders, one partition per folder', async () => {
    await writeOrders(env, lake.bucket, 'sales', '2026-11-24', orders)
    await crawl()
    const sales = await table('sales')
    expect(sales.Table).toMatchObject({
      Name: 'sales',
      DatabaseName: 'sales_db',
      TableType: 'EXTERNAL_TABLE',
      CreateTime: '2026-11-25T08:00:00.000Z',
      Parameters: { classification: 'parquet', typeOfData: 'file', UPDATED_BY_CRAWLER: lake.crawler, recordCount: '2', objectCount: '2' },
      PartitionKeys: [
        { Name: 'year', Type: 'string' },
        { Name: 'month', Type: 'string' },
      ],
      StorageDescriptor: {
        Location: `s3://${lake.bucket}/processed/sales/`,
        InputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
        OutputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
        SerdeInfo: { SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe' },
      },
    })
    expect(sales.Table.StorageDescriptor.Columns).toEqual([
      { Name: 'order_id', Type: 'string' },
      { Name: 'order_date', Type: 'date' },
      { Name: 'customer_id', Type: 'string' },
      { Name: 'country', Type: 'string' },
      { Name: 'product', Type: 'string' },
      { Name: 'quantity', Type: 'int' },
      { Name: 'unit_price', Type: 'decimal(12,2)' },
      { Name: 'revenue', Type: 'decimal(38,2)' },
    ])
    expect(sales.Partitions.map((partition) => [partition.Values, partition.StorageDescriptor.Location])).toEqual([
      [['2026', '10'], `s3://${lake.bucket}/processed/sales/year=2026/month=10/`],
      [['2026', '11'], `s3://${lake.bucket}/processed/sales/year=2026/month=11/`],
    ])
  })

  it('infers the quarantine table with batch_date as its partition key', async () => {
    await writeRejected(env, lake.bucket, 'sales', '2026-11-24', [{ column: 'quantity', reason: 'quantity: "0" is below the minimum 1' }])
    await crawl()
    const rejected = await table('sales_rejected')
    expect(rejected.Table.StorageDescriptor.Columns).toEqual([
      { Name: 'source_file', Type: 'string' },
      { Name: 'line_number', Type: 'bigint' },
      { Name: 'row_number', Type: 'bigint' },
      { Name: 'record', Type: 'string' },
      { Name: 'column_name', Type: 'string' },
      { Name: 'reason', Type: 'string' },
    ])
    expect(rejected.Table.PartitionKeys).toEqual([{ Name: 'batch_date', Type: 'string' }])
    expect(rejected.Partitions.map((partition) => partition.Values)).toEqual([['2026-11-24']])
  })

  it('creates no table for a folder with no data, and logs it', async () => {
    await writeOrders(env, lake.bucket, 'sales', '2026-11-24', orders)
    await crawl()
    expect(await catalog.tables('sales_db')).toEqual(['sales'])
    const log = await catalog.readLog('sales_db')
    expect(log.filter((entry) => entry.table === 'erp_sales').map((entry) => entry.message)).toEqual([`No data under s3://${lake.bucket}/processed/erp_sales/; no table created.`])
  })

  it('adds new columns and partitions on a recrawl, updates a changed type and logs both (UPDATE_IN_DATABASE)', async () => {
    await writeOrders(env, lake.bucket, 'sales', '2026-11-24', orders)
    await crawl()
    await writeOrders(env, lake.bucket, 'sales', '2026-11-25', [{ ...orders[0]!, id: 'SO-000009', date: '2026-12-01' }], ", 'web' AS channel")
    await crawl()
    const sales = await table('sales')
    expect(sales.Table.StorageDescriptor.Columns.map((column) => column.Name)).toEqual(['order_id', 'order_date', 'customer_id', 'country', 'product', 'quantity', 'unit_price', 'revenue', 'channel'])
    expect(sales.Partitions.map((partition) => partition.Values)).toEqual([
      ['2026', '10'],
      ['2026', '11'],
      ['2026', '12'],
    ])
    expect(sales.Table.VersionId).toBe('1')
    expect(sales.Table.CreateTime).toBe('2026-11-25T08:00:00.000Z')
    const messages = (await catalog.readLog('sales_db')).filter((entry) => entry.table === 'sales').map((entry) => entry.message)
    expect(messages).toContain('New column channel string added.')
    expect(messages).toContain('1 new partition added.')

    const connection = await env.connect()
    await connection.run(
      `COPY (SELECT 'SO-000010' AS order_id, CAST(5 AS BIGINT) AS quantity) TO '${join(env.s3.root, lake.bucket, 'processed/sales/year=2026/month=12/part-2026-11-26-0.parquet')}' (FORMAT parquet)`,
    )
    connection.closeSync()
    await crawl()
    const changed = await table('sales')
    expect(changed.Table.StorageDescriptor.Columns.find((column) => column.Name === 'quantity')).toEqual({ Name: 'quantity', Type: 'bigint' })
    expect((await catalog.readLog('sales_db')).map((entry) => entry.message)).toContain('The column quantity changed type from int to bigint; UPDATE_IN_DATABASE updates it.')
  })

  it('keeps a partition whose data went away and logs it (DeleteBehavior LOG); a crawl with no change leaves the file alone', async () => {
    await writeOrders(env, lake.bucket, 'sales', '2026-11-24', orders)
    await crawl()
    const before = readFileSync(catalog.tableFile('sales_db', 'sales'), 'utf8')
    await crawl()
    expect(readFileSync(catalog.tableFile('sales_db', 'sales'), 'utf8')).toBe(before)
    await env.s3.deleteObject({ Bucket: lake.bucket, Key: 'processed/sales/year=2026/month=10/part-2026-11-24-0.parquet' })
    await crawl()
    expect((await table('sales')).Partitions.map((partition) => partition.Values)).toEqual([
      ['2026', '10'],
      ['2026', '11'],
    ])
    expect((await catalog.readLog('sales_db')).map((entry) => entry.message)).toContain('The partition 2026/10 has no data any more; DeleteBehavior LOG keeps it.')
  })

  it('answers getCrawler RUNNING once after a start, then READY with the last crawl; a second start while running fails with Glue.CrawlerRunningException', async () => {
    const handler = glueCrawler.create(env)
    expect(await handler({ Name: lake.crawler }, taskCall(START))).toEqual({})
    const error = await Promise.resolve(handler({ Name: lake.crawler }, taskCall(START))).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(StatesError)
    expect((error as StatesError).error).toBe('Glue.CrawlerRunningException')
    expect((error as StatesError).cause).toMatch(new RegExp(`^Crawler with name ${lake.crawler} has already started`))
    const running = (await handler({ Name: lake.crawler }, taskCall(GET))) as { Crawler: Record<string, unknown> }
    expect(running.Crawler.State).toBe('RUNNING')
    expect(running.Crawler.LastCrawl).toBeUndefined()
    const ready = (await handler({ Name: lake.crawler }, taskCall(GET))) as { Crawler: Record<string, unknown> }
    expect(ready.Crawler).toMatchObject({
      Name: lake.crawler,
      State: 'READY',
      DatabaseName: 'sales_db',
      SchemaChangePolicy: { UpdateBehavior: 'UPDATE_IN_DATABASE', DeleteBehavior: 'LOG' },
      LastCrawl: { Status: 'SUCCEEDED', LogGroup: '/aws-glue/crawlers', LogStream: lake.crawler, StartTime: '2026-11-25T08:00:00.000Z' },
      Targets: { S3Targets: [{ Path: `s3://${lake.bucket}/processed/sales/` }, { Path: `s3://${lake.bucket}/rejected/sales_rejected/` }, { Path: `s3://${lake.bucket}/processed/erp_sales/` }, { Path: `s3://${lake.bucket}/rejected/erp_sales_rejected/` }] },
    })
    expect(await handler({ Name: lake.crawler }, taskCall(START))).toEqual({})
  })

  it('polls as many RUNNING answers as configured, and a new environment reads the last crawl back', async () => {
    const answers = await crawl(createGlueCrawler({ runningPolls: 3 }))
    expect(answers.map((answer) => (answer as { Crawler: { State: string } }).Crawler.State)).toEqual(['RUNNING', 'RUNNING', 'RUNNING', 'READY'])
    const fresh = glueCrawler.create(env)
    const again = (await fresh({ Name: lake.crawler }, taskCall(GET))) as { Crawler: { State: string; LastCrawl: { Status: string } } }
    expect(again.Crawler.State).toBe('READY')
    expect(again.Crawler.LastCrawl.Status).toBe('SUCCEEDED')
  })

  it('fails an unknown crawler name with Glue.EntityNotFoundException', async () => {
    const error = await Promise.resolve(glueCrawler.create(env)({ Name: 'nope' }, taskCall(GET))).catch((caught: unknown) => caught)
    expect((error as StatesError).error).toBe('Glue.EntityNotFoundException')
  })
})
