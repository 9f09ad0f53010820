import { describe, expect, test } from 'vitest'
import { compileWorkflow } from '../../../compiler/src/index.js'
import { col, dataset, DslError, pipeline, sql, topic, zones, type StateNode } from '../../src/index.js'

const sales = dataset('sales', { columns: { order_id: col.string().required(), order_date: col.date().required() }, partitionBy: ['year(order_date)'] })
const lake = zones('pipeline-test-lake')
const base = pipeline('nightly').zones(lake)

function failure(build: () => unknown): DslError {
  try {
    build()
  } catch (error) {
    if (error instanceof DslError) return error
    throw error
  }
  throw new Error('expected a DslError')
}

const names = (states: readonly StateNode[]) => states.map((state) => state.name)

describe('pipeline', () => {
  test('without a topic, errors fail the run where they happen and the definition is valid', () => {
    const node = base.expectBatch(sales, { ifMissing: 'fail' }).etl(sales).build()
    expect(names(node.machine.states)).toEqual(['Start', 'Check sales batch', 'Sales batch landed?', 'No sales batch', 'Clean sales', 'Read sales report', 'Done'])
    expect(node.machine.states.find((state) => state.name === 'No sales batch')).toMatchObject({ kind: 'Fail', error: 'Batch.Missing' })
    expect(compileWorkflow(node.machine).diagnostics).toEqual([])
  })

  test('with a topic, a missing batch is e-mailed and the run succeeds when asked to', () => {
    const node = base.expectBatch(sales, { ifMissing: 'notify-and-succeed' }).notify(topic('alerts')).build()
    expect(node.machine.states.find((state) => state.name === 'Sales batch landed?')).toMatchObject({ choices: [{ next: 'Notify no sales batch' }] })
    expect(node.machine.states.find((state) => state.name === 'Notify no sales batch')).toMatchObject({ next: 'No sales batch' })
    expect(compileWorkflow(node.machine).diagnostics).toEqual([])
  })

  test('plain states sit between steps and see the pipeline variables', () => {
    const node = base
      .etl(sales)
      .states((f) => f.pass('Remember rows', { assign: ($) => ({ written: $.vars.salesEtl.rowsWritten }) }))
      .build()
    expect(names(node.machine.states)).toEqual(['Start', 'Clean sales', 'Read sales report', 'Remember rows', 'Done'])
    expect(node.machine.states[3]).toMatchObject({ assign: { written: '{% $salesEtl.rowsWritten %}' } })
  })

  test('each step records the resources it declares', () => {
    const node = base
      .schedule('cron(0 3 * * ? *)', { timezone: 'Europe/Berlin' })
      .etl(sales, { engine: 'spark', timeoutMinutes: 30 })
      .crawl({ database: 'sales_db' })
      .query('counts', sql`SELECT count(*) FROM ${sales}`)
      .athena({ bytesScannedCutoff: 1_000_000_000 })
      .build()
    expect(node.jobs).toEqual([{ kind: 'GlueJob', name: 'nightly-sales-etl', dataset: 'sales', engine: 'spark', timeoutMinutes: 30 }])
    expect(node.crawler).toEqual({ kind: 'Crawler', name: 'nightly-crawler', database: 'sales_db', datasets: ['sales'] })
    expect(node.queries).toEqual([{ kind: 'Query', name: 'counts', purpose: 'analysis', sql: 'SELECT count(*) FROM sales', batchDateParameters: 0 }])
    expect(node.workgroup).toEqual({ kind: 'Workgroup', name: 'nightly', bytesScannedCutoff: 1_000_000_000 })
    expect(node.schedule).toMatchObject({ expression: 'cron(0 3 * * ? *)', timezone: 'Europe/Berlin' })
    expect(node.zones.map((zone) => [zone.zone, zone.bucket, zone.prefix])).toEqual([
      ['raw', 'pipeline-test-lake', 'raw/'],
      ['processed', 'pipeline-test-lake', 'processed/'],
      ['rejected', 'pipeline-test-lake', 'rejected/'],
      ['scripts', 'pipeline-test-lake', 'scripts/'],
      ['athenaResults', 'pipeline-test-lake', 'athena-results/'],
    ])
  })

  test('the batch date comes from the input, else the fire time in the schedule zone, minus the lag', () => {
    const start = base.schedule('cron(0 3 * * ? *)', { timezone: 'America/Bogota', lagDays: 1 }).build().machine.states[0]
    // Bogotá is UTC-5 all year: -5 h, then one day back.
    expect(JSON.stringify(start)).toContain(`+ ${-5 * 3_600_000 - 86_400_000}, \\"[Y0001]-[M01]-[D01]\\")`)
  })

  test('steps out of order, missing zones and clashing names are errors that say what to do', () => {
    expect(failure(() => pipeline('nightly').etl(sales).build())).toMatchObject({ code: 'DLC_INVALID_PIPELINE', location: '/zones' })
    expect(failure(() => base.crawl({ database: 'sales_db' }).build())).toMatchObject({ code: 'DLC_INVALID_PIPELINE', hint: 'crawl after the ETL steps whose output it catalogs' })
    expect(failure(() => base.etl(sales).query('q', sql`SELECT 1`).build())).toMatchObject({ code: 'DLC_INVALID_PIPELINE', location: '/steps/1' })
    const twice = base.etl(sales).crawl({ database: 'sales_db' }).query('q', sql`SELECT 1`).query('q', sql`SELECT 2`)
    expect(failure(() => twice.build()).message).toContain('two queries are named "q"')
    expect(failure(() => base.etl(sales).crawl({ database: 'Sales-DB' }).build())).toMatchObject({ code: 'DLC_INVALID_NAME', location: '/steps/1/database' })
    expect(failure(() => base.states((f) => f.succeed('Early')).etl(sales).build())).toMatchObject({ code: 'DLC_FLOW_DROPPED', location: '/steps/1' })
    expect(failure(() => base.etl(sales, { timeoutMinutes: 0 }).build()).location).toBe('/steps/0/timeoutMinutes')
  })

  test('AWS naming rules are checked when the pipeline is described', () => {
    expect(failure(() => zones('Sales_Lake'))).toMatchObject({ code: 'DLC_INVALID_NAME', location: '/zones/raw' })
    expect(failure(() => zones('sales..lake')).code).toBe('DLC_INVALID_NAME')
    expect(failure(() => zones('192.168.1.1')).code).toBe('DLC_INVALID_NAME')
    expect(failure(() => zones({ raw: 'a-lake/raw/', processed: 'a-lake/raw/clean/', rejected: 'a-lake/rej/', scripts: 'a-lake/s/', athenaResults: 'a-lake/q/' }))).toMatchObject({
      code: 'DLC_INVALID_ZONE',
    })
    expect(failure(() => topic('alerts', { email: ['not-an-address'] }))).toMatchObject({ code: 'DLC_INVALID_NAME', location: '/topic/email/0' })
    expect(failure(() => topic('alerts!'))).toMatchObject({ code: 'DLC_INVALID_NAME', location: '/topic/name' })
    expect(failure(() => base.schedule('cron(0 3 * * * *)')).code).toBe('DLC_INVALID_CRON')
    expect(failure(() => pipeline('nightly sales')).code).toBe('DLC_INVALID_NAME')
    expect(failure(() => pipeline('a'.repeat(60)).schedule('rate(1 day)')).message).toContain('is not a valid EventBridge schedule name')
  })

  test('zones may use a bucket each', () => {
    const split = zones({ raw: 'sales-landing', processed: 'sales-lake/processed/', rejected: 'sales-lake/rejected/', scripts: 'sales-code', athenaResults: 'sales-queries' })
    expect(split.raw.uri).toBe('s3://${SalesLandingBucketName}/')
    expect(split.processed.uri).toBe('s3://${SalesLakeBucketName}/processed/')
  })

  test('validation queries carry their expectation', () => {
    const node = base
      .etl(sales)
      .crawl({ database: 'sales_db' })
      .check('keys', sql<{ n: number; m: number }>`SELECT 0 AS n, 1 AS m`, { expect: { n: 0, m: { atLeast: 1, below: 10 } } })
      .build()
    expect(node.queries[0]?.expect).toEqual([
      { kind: 'Value', column: 'n', op: 'eq', value: 0 },
      { kind: 'Value', column: 'm', op: 'ge', value: 1 },
      { kind: 'Value', column: 'm', op: 'lt', value: 10 },
    ])
    expect(names(node.machine.states)).toContain('Keys holds?')
    expect(compileWorkflow(node.machine).diagnostics).toEqual([])
  })
})
