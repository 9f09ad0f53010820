import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { jodaToStrftime, mysqlToStrftime, parseResultCsv, resultCsv, rewriteQuery } from '../../src/athena/index.js'
import { javaDouble } from '../../src/athena/values.js'
import { StatesError } from '../../src/interpreter/errors.js'
import { run } from '../../src/interpreter/index.js'
import { athenaGetQueryResults } from '../../src/services/athena-get-query-results.js'
import { athenaStartQueryExecution } from '../../src/services/athena-start-query-execution.js'
import { glueCrawler } from '../../src/services/glue-crawler.js'
import { localServices, type LocalEnvironment } from '../../src/services/index.js'
import { exampleEnvironment, taskCall, writeOrders, writeRejected, type Order } from './lake-fixture.js'

const SYNC = 'arn:aws:states:::athena:startQueryExecution.sync'
const RESULTS = 'arn:aws:states:::athena:getQueryResults'
const BATCH = '2026-11-24'

const order = (id: string, date: string, country: string, product: string, quantity: number, price: string): Order => ({ id, date, customer: `C-${id}`, country, product, quantity, price })

let lake: Awaited<ReturnType<typeof exampleEnvironment>>
let env: LocalEnvironment
let start: (input: unknown) => Promise<any>
let results: (input: unknown) => Promise<any>

beforeAll(async () => {
  lake = await exampleEnvironment()
  env = lake.env
  await writeOrders(env, lake.bucket, 'sales', '2026-11-23', [order('SO-000004', '2026-11-01', 'US', 'Widget', 1, '10.00')])
  await writeOrders(env, lake.bucket, 'sales', BATCH, [
    order('SO-000001', '2026-11-20', 'DE', 'Widget', 2, '10.00'),
    order('SO-000002', '2026-10-05', 'FR', 'Gadget', 1, '5.50'),
    order('SO-000003', '2026-11-21', 'DE', 'Gizmo', 3, '1.25'),
  ])
  await writeOrders(env, lake.bucket, 'erp_sales', BATCH, [order('SO-100001', '2026-09-15', 'AT', 'Gadget', 4, '5.50'), order('SO-100002', '2026-11-02', 'DE', 'Widget', 1, '10.00')])
  const belowMinimum = { column: 'quantity', reason: 'quantity: "0" is below the minimum 1' }
  await writeRejected(env, lake.bucket, 'sales', BATCH, [belowMinimum, belowMinimum, { column: 'order_id', reason: 'order_id: a value is required' }])
  await writeRejected(env, lake.bucket, 'sales', '2026-11-23', [belowMinimum])
  await writeRejected(env, lake.bucket, 'erp_sales', BATCH, [{ column: null, reason: 'malformed record: 5 fields where the header has 7' }])
  const crawler = glueCrawler.create(env)
  await crawler({ Name: lake.crawler }, taskCall('arn:aws:states:::aws-sdk:glue:startCrawler'))
  const startHandler = athenaStartQueryExecution.create(env)
  const resultsHandler = athenaGetQueryResults.create(env)
  start = async (input) => startHandler(input, taskCall(SYNC))
  results = async (input) => resultsHandler(input, taskCall(RESULTS))
})

afterAll(async () => {
  await lake.done()
})

/** Runs a query through both services: the header and the rows as text (null for NULL). */
async function query(sql: string, parameters?: string[]): Promise<{ header: string[]; rows: (string | null)[][] }> {
  const execution = await start({
    WorkGroup: lake.workgroup,
    QueryExecutionContext: { Database: 'sales_db' },
    QueryString: sql,
    ...(parameters === undefined ? {} : { ExecutionParameters: parameters }),
  })
  const answer = await results({ QueryExecutionId: execution.QueryExecution.QueryExecutionId, MaxResults: 1000 })
  const [header, ...rows] = answer.ResultSet.Rows.map((row: { Data: { VarCharValue?: string }[] }) => row.Data.map((datum) => datum.VarCharValue ?? null))
  return { header, rows }
}

const exampleQuery = (name: string): string => {
  const found = env.pipeline.pipeline.queries.find((candidate) => candidate.name === name)
  if (found === undefined) throw new Error(`no query ${name}`)
  return found.sql
}

describe("the example's queries over the crawled catalog", () => {
  it('no_null_keys', async () => {
    expect(await query(exampleQuery('no_null_keys'))).toEqual({ header: ['n'], rows: [['0']] })
  })

  it('row_count_reconciliation: "$path" tells this batch\'s files from the earlier ones', async () => {
    expect(await query(exampleQuery('row_count_reconciliation'), [`'${BATCH}'`, `'${BATCH}'`])).toEqual({ header: ['sales', 'erp_sales'], rows: [['3', '2']] })
    expect(await query(exampleQuery('row_count_reconciliation'), ["'2026-11-23'", "'2026-11-23'"])).toEqual({ header: ['sales', 'erp_sales'], rows: [['1', '0']] })
  })

  it('quarantine_reconciliation: batch_date is the partition key', async () => {
    expect(await query(exampleQuery('quarantine_reconciliation'), [`'${BATCH}'`, `'${BATCH}'`])).toEqual({ header: ['sales', 'erp_sales'], rows: [['3', '1']] })
  })

  it('rejected_rows: UNION ALL, NULL column as no value', async () => {
    const { header, rows } = await query(exampleQuery('rejected_rows'), [`'${BATCH}'`, `'${BATCH}'`])
    expect(header).toEqual(['export', 'column_name', 'reason', 'rejected'])
    expect(rows[0]).toEqual(['web shop', 'quantity', 'quantity: "0" is below the minimum 1', '2'])
    expect(rows.slice(1).sort()).toEqual([
      ['ERP', null, 'malformed record: 5 fields where the header has 7', '1'],
      ['web shop', 'order_id', 'order_id: a value is required', '1'],
    ])
  })

  it('revenue_by_month: the crawler types partition keys as strings, so the query casts them and months sort as numbers', async () => {
    expect(await query(exampleQuery('revenue_by_month'))).toEqual({
      header: ['year', 'month', 'revenue', 'orders'],
      rows: [
        ['2026', '9', '22.00', '1'],
        ['2026', '10', '5.50', '1'],
        ['2026', '11', '43.75', '4'],
      ],
    })
  })

  it('top_products', async () => {
    expect(await query(exampleQuery('top_products'))).toEqual({
      header: ['product', 'units', 'revenue'],
      rows: [
        ['Widget', '4', '40.00'],
        ['Gadget', '5', '27.50'],
        ['Gizmo', '3', '3.75'],
      ],
    })
  })

  it('revenue_by_country', async () => {
    expect(await query(exampleQuery('revenue_by_country'))).toEqual({
      header: ['country', 'revenue'],
      rows: [
        ['DE', '23.75'],
        ['US', '10.00'],
        ['FR', '5.50'],
      ],
    })
  })

  it('"$path" is the object\'s s3:// URI, and SELECT * leaves it out', async () => {
    const { rows } = await query(`SELECT DISTINCT "$path" FROM sales WHERE order_id = 'SO-000004'`)
    expect(rows).toEqual([[`s3://${lake.bucket}/processed/sales/year=2026/month=11/part-2026-11-23-0.parquet`]])
    const star = await query('SELECT * FROM sales_db.sales LIMIT 1')
    expect(star.header).toEqual(['order_id', 'order_date', 'customer_id', 'country', 'product', 'quantity', 'unit_price', 'revenue', 'year', 'month'])
  })
})

describe('startQueryExecution.sync and getQueryResults', () => {
  it('answers GetQueryExecution\'s shape and stores the result as Athena\'s CSV at the workgroup\'s output location', async () => {
    const execution = await start({ WorkGroup: lake.workgroup, QueryExecutionContext: { Database: 'sales_db' }, QueryString: "SELECT order_id, CAST(NULL AS varchar) AS gap, '' AS blank, 'say \"hi\"' AS quote FROM sales WHERE order_id = 'SO-000001'" })
    const id = execution.QueryExecution.QueryExecutionId
    expect(id).toMatch(/^[0-9a-f-]{36}$/)
    const zone = env.pipeline.zone('athenaResults')
    expect(execution.QueryExecution).toMatchObject({
      StatementType: 'DML',
      ResultConfiguration: { OutputLocation: `s3://${zone.bucket}/${zone.prefix}${id}.csv` },
      QueryExecutionContext: { Database: 'sales_db', Catalog: 'awsdatacatalog' },
      Status: { State: 'SUCCEEDED', SubmissionDateTime: Date.parse('2026-11-25T08:00:00.000Z') },
      WorkGroup: lake.workgroup,
      EngineVersion: { SelectedEngineVersion: 'Athena engine version 3', EffectiveEngineVersion: 'Athena engine version 3' },
    })
    expect(execution.QueryExecution.Statistics.DataScannedInBytes).toBeGreaterThan(0)
    expect(execution.QueryExecution.Statistics.EngineExecutionTimeInMillis).toBeGreaterThan(0)
    const csv = Buffer.from((await env.s3.getObject({ Bucket: zone.bucket, Key: `${zone.prefix}${id}.csv` })).Body).toString('utf8')
    expect(csv).toBe('"order_id","gap","blank","quote"\n"SO-000001",,"","say ""hi"""\n')
    const answer = await results({ QueryExecutionId: id })
    expect(answer.UpdateCount).toBe(0)
    expect(answer.ResultSet.Rows).toEqual([
      { Data: [{ VarCharValue: 'order_id' }, { VarCharValue: 'gap' }, { VarCharValue: 'blank' }, { VarCharValue: 'quote' }] },
      { Data: [{ VarCharValue: 'SO-000001' }, {}, { VarCharValue: '' }, { VarCharValue: 'say "hi"' }] },
    ])
    expect(answer.ResultSet.ResultSetMetadata.ColumnInfo[0]).toEqual({
      CatalogName: 'hive', SchemaName: '', TableName: '', Name: 'order_id', Label: 'order_id', Type: 'varchar', Precision: 2147483647, Scale: 0, Nullable: 'UNKNOWN', CaseSensitive: true,
    })
  })

  it('names columns as Athena does: aliases lowercased, unnamed expressions _col<n>; types in ColumnInfo', async () => {
    const execution = await start({ WorkGroup: lake.workgroup, QueryExecutionContext: { Database: 'sales_db' }, QueryString: 'SELECT count(*), sum(quantity) AS Units, sum(revenue), avg(quantity) AS mean, min(order_date) AS first FROM sales' })
    const answer = await results({ QueryExecutionId: execution.QueryExecution.QueryExecutionId })
    const info = answer.ResultSet.ResultSetMetadata.ColumnInfo.map((column: { Name: string; Type: string; Precision: number; Scale: number }) => [column.Name, column.Type, column.Precision, column.Scale])
    expect(info).toEqual([
      ['_col0', 'bigint', 19, 0],
      ['units', 'bigint', 19, 0],
      ['_col2', 'decimal', 38, 2],
      ['mean', 'double', 17, 0],
      ['first', 'date', 0, 0],
    ])
    expect(answer.ResultSet.Rows[1].Data.map((datum: { VarCharValue?: string }) => datum.VarCharValue)).toEqual(['4', '7', '39.25', '1.75', '2026-10-05'])
  })

  it('pages by MaxResults: the header is the first page\'s first row, NextToken while rows remain', async () => {
    const execution = await start({ WorkGroup: lake.workgroup, QueryExecutionContext: { Database: 'sales_db' }, QueryString: 'SELECT order_id FROM sales ORDER BY order_id' })
    const id = execution.QueryExecution.QueryExecutionId
    const first = await results({ QueryExecutionId: id, MaxResults: 2 })
    expect(first.ResultSet.Rows.map((row: any) => row.Data[0].VarCharValue)).toEqual(['order_id', 'SO-000001'])
    const second = await results({ QueryExecutionId: id, MaxResults: 2, NextToken: first.NextToken })
    expect(second.ResultSet.Rows.map((row: any) => row.Data[0].VarCharValue)).toEqual(['SO-000002', 'SO-000003'])
    const third = await results({ QueryExecutionId: id, MaxResults: 2, NextToken: second.NextToken })
    expect(third.ResultSet.Rows.map((row: any) => row.Data[0].VarCharValue)).toEqual(['SO-000004'])
    expect(third.NextToken).toBeUndefined()
    const tooMany = await results({ QueryExecutionId: id, MaxResults: 1001 }).catch((error: unknown) => error)
    expect((tooMany as StatesError).error).toBe('Athena.InvalidRequestException')
  })

  it('fails a syntax error: .sync fails the task with States.TaskFailed and the FAILED QueryExecution as the cause', async () => {
    const error = await start({ WorkGroup: lake.workgroup, QueryExecutionContext: { Database: 'sales_db' }, QueryString: 'SELECT count(* FROM sales' }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(StatesError)
    expect((error as StatesError).error).toBe('States.TaskFailed')
    const cause = JSON.parse((error as StatesError).cause ?? '{}')
    expect(cause.QueryExecution.Status).toMatchObject({ State: 'FAILED', AthenaError: { ErrorCategory: 2, ErrorType: 1001, Retryable: false } })
    expect(cause.QueryExecution.Status.StateChangeReason).toMatch(/^SYNTAX_ERROR: line 1:\d+: syntax error at or near "FROM"$/)
    expect(cause.QueryExecution.Query).toBe('SELECT count(* FROM sales')
  })

  it('fails a missing table with TABLE_NOT_FOUND and a missing column with COLUMN_NOT_FOUND, with their line:column', async () => {
    const reason = async (sql: string): Promise<string> => {
      const error = (await start({ WorkGroup: lake.workgroup, QueryExecutionContext: { Database: 'sales_db' }, QueryString: sql }).catch((caught: unknown) => caught)) as StatesError
      return JSON.parse(error.cause ?? '{}').QueryExecution.Status.StateChangeReason
    }
    expect(await reason('SELECT 1\nFROM nope')).toBe("TABLE_NOT_FOUND: line 2:6: Table 'awsdatacatalog.sales_db.nope' does not exist")
    expect(await reason('SELECT nope FROM sales')).toBe("COLUMN_NOT_FOUND: line 1:8: Column 'nope' cannot be resolved or requester is not authorized to access requested resources")
    expect(await reason("SELECT 1 FROM sales WHERE country = ?")).toBe('INVALID_PARAMETER_USAGE: line 1:37: Incorrect number of parameters: expected 1 but found 0')
  })

  it('answers { QueryExecutionId } without .sync; an unknown workgroup is Athena.InvalidRequestException', async () => {
    const handler = athenaStartQueryExecution.create(env)
    const answer = (await handler({ WorkGroup: lake.workgroup, QueryString: 'SELECT 1 AS one' }, taskCall('arn:aws:states:::athena:startQueryExecution'))) as { QueryExecutionId: string }
    expect(Object.keys(answer)).toEqual(['QueryExecutionId'])
    expect((await results({ QueryExecutionId: answer.QueryExecutionId })).ResultSet.Rows).toEqual([{ Data: [{ VarCharValue: 'one' }] }, { Data: [{ VarCharValue: '1' }] }])
    const error = await Promise.resolve(handler({ WorkGroup: 'nope', QueryString: 'SELECT 1' }, taskCall(SYNC))).catch((caught: unknown) => caught)
    expect((error as StatesError).error).toBe('Athena.InvalidRequestException')
    expect((error as StatesError).cause).toMatch(/^WorkGroup nope is not found\./)
  })
})

describe('the Trino function shims (values from the Trino/Athena function reference)', () => {
  const cases: readonly [string, string | null][] = [
    ["date_parse('2026-11-24 07:08:09', '%Y-%m-%d %H:%i:%s')", '2026-11-24 07:08:09.000'],
    ["date_parse('24/11/2026', '%d/%m/%Y')", '2026-11-24 00:00:00.000'],
    ["date_format(TIMESTAMP '2026-11-24 07:08:09', '%Y-%m-%d %H:%i:%s')", '2026-11-24 07:08:09'],
    ["date_format(TIMESTAMP '2026-03-05 07:08:09', '%c/%e %T %M %W %p')", '3/5 07:08:09 March Thursday AM'],
    ["date_trunc('month', DATE '2026-11-24')", '2026-11-01'],
    ["date_trunc('hour', TIMESTAMP '2026-11-24 07:08:09')", '2026-11-24 07:00:00.000'],
    ["date_add('day', 3, DATE '2026-11-24')", '2026-11-27'],
    ["date_add('month', 1, TIMESTAMP '2026-01-31 10:00:00')", '2026-02-28 10:00:00.000'],
    ["date_diff('day', TIMESTAMP '2026-11-24 23:00:00', TIMESTAMP '2026-11-25 01:00:00')", '0'],
    ["date_diff('day', DATE '2026-11-01', DATE '2026-11-24')", '23'],
    ["from_iso8601_date('2026-11-24')", '2026-11-24'],
    ["to_iso8601(DATE '2026-11-24')", '2026-11-24'],
    ["day_of_week(DATE '2026-11-29')", '7'],
    ["day_of_year(DATE '2026-02-01')", '32'],
    ["format_datetime(TIMESTAMP '2026-11-24 07:08:09', 'yyyy-MM-dd''T''HH:mm')", '2026-11-24T07:08'],
    ["parse_datetime('2026/11/24', 'yyyy/MM/dd')", '2026-11-24 00:00:00.000'],
    ['from_unixtime(0)', '1970-01-01 00:00:00.000'],
    ["to_unixtime(TIMESTAMP '1970-01-02 00:00:00')", '86400.0'],
    ["regexp_like('1a 2b 14m', '\\d+b')", 'true'],
    ["regexp_extract('1a 2b 14m', '\\d+')", '1'],
    ["regexp_extract('1a 2b 14m', '(\\d+)([a-z]+)', 2)", 'a'],
    ["regexp_extract('abc', '\\d+')", null],
    ["regexp_replace('1a 2b 14m', '\\d+[ab] ')", '14m'],
    ["regexp_replace('1a 2b 14m', '(\\d+)([ab]) ', '3c$2 ')", '3ca 3cb 14m'],
    ["regexp_count('1a 2b 14m', '\\s*[a-z]+\\s*')", '3'],
    ["split_part('a,b,c', ',', 2)", 'b'],
    ["split_part('a,b,c', ',', 4)", null],
    ['cardinality(ARRAY[1, 2, 3])', '3'],
    ['element_at(ARRAY[1, 2, 3], 2)', '2'],
    ["array_join(ARRAY['a', 'b'], '-')", 'a-b'],
    ['contains(ARRAY[1, 2], 2)', 'true'],
    ["json_extract_scalar('{\"a\": {\"b\": 7}}', '$.a.b')", '7'],
    ['5 / 2', '2'],
    ['CAST(5 AS double) / 2', '2.5'],
    ['ARRAY[1, 2]', '[1, 2]'],
  ]
  it.each(cases)('%s = %s', async (expression, expected) => {
    const { rows } = await query(`SELECT ${expression} AS v`)
    expect(rows).toEqual([[expected]])
  })

  it('approx_distinct and arbitrary as aggregates', async () => {
    expect((await query('SELECT approx_distinct(country) AS n, arbitrary(1) AS one FROM sales')).rows).toEqual([['3', '1']])
  })
})

describe('the rewrite and the formats', () => {
  it('puts parameters in place of ? but not inside strings or comments, drops the database qualifiers and renames shimmed calls only', () => {
    const rewritten = rewriteQuery({
      query: "SELECT '?' AS q, date_format(x, '%Y') -- date_format(?)\nFROM awsdatacatalog.sales_db.sales s JOIN sales_db.erp_sales e ON s.date_format = e.x WHERE d = ?",
      database: 'sales_db',
      parameters: ["'2026-11-24'"],
      tables: new Set(['sales', 'erp_sales']),
    })
    expect(rewritten.sql).toBe("SELECT '?' AS q, athena_date_format(x, '%Y') -- date_format(?)\nFROM sales s JOIN erp_sales e ON s.date_format = e.x WHERE d = ('2026-11-24')")
    expect([...rewritten.tables].sort()).toEqual(['erp_sales', 'sales'])
    expect(rewritten.usesPath).toBe(false)
  })

  it('translates MySQL and Joda formats', () => {
    expect(mysqlToStrftime('%Y-%m-%d %H:%i:%s.%f', false)).toBe('%Y-%m-%d %H:%M:%S.%f')
    expect(mysqlToStrftime('%e.%c.%Y %k:%i %r', false)).toBe('%-d.%-m.%Y %-H:%M %I:%M:%S %p')
    expect(mysqlToStrftime('%e.%c.%Y', true)).toBe('%d.%m.%Y')
    expect(mysqlToStrftime('%D', false)).toBeUndefined()
    expect(jodaToStrftime("EEEE, d MMMM yyyy 'at' h:mm a")).toBe('%A, %-d %B %Y at %-I:%M %p')
    expect(jodaToStrftime('yyyy-MM-dd HH:mm:ss.SSS')).toBe('%Y-%m-%d %H:%M:%S.%g')
  })

  it('prints doubles as Java does and reads its own CSV back', () => {
    expect([1.5, 1, 1e7, 1.0e-4, 123456.789, -2.5e10].map(javaDouble)).toEqual(['1.5', '1.0', '1.0E7', '1.0E-4', '123456.789', '-2.5E10'])
    const csv = resultCsv(['a', 'b'], [['x,"y"\nz', undefined], ['', '1']])
    expect(parseResultCsv(csv, 2)).toEqual([['a', 'b'], ['x,"y"\nz', undefined], ['', '1']])
    expect(parseResultCsv(resultCsv(['n'], [[undefined]]), 1)).toEqual([['n'], [undefined]])
  })
})

describe("the example's crawl-and-check states, run by the interpreter with the local services", () => {
  const fragment = (queryString?: string): unknown => {
    const states = env.pipeline.definition.States as Record<string, Record<string, unknown>>
    const names = ['Start crawler', 'Wait for crawler', 'Get crawler', 'Crawl finished?', 'Crawl failed', 'Check no_null_keys', 'Read no_null_keys', 'No null keys holds?', 'No null keys failed']
    const picked: Record<string, unknown> = Object.fromEntries(names.map((name) => [name, structuredClone(states[name])]))
    const holds = picked['No null keys holds?'] as { Default: string }
    holds.Default = 'Done'
    if (queryString !== undefined) ((picked['Check no_null_keys'] as { Arguments: { QueryString: string } }).Arguments.QueryString = queryString)
    return {
      QueryLanguage: 'JSONata',
      StartAt: 'Start crawler',
      States: { ...picked, Done: { Type: 'Succeed' }, 'Notify failure': { Type: 'Fail', Error: '{% $states.input.Error %}', Cause: '{% $states.input.Cause %}' } },
    }
  }

  it('polls the crawler until READY, then the check passes', async () => {
    const execution = await run(fragment(), {}, { handlers: localServices(env, [glueCrawler, athenaStartQueryExecution, athenaGetQueryResults]) })
    expect([execution.status, execution.error, execution.cause]).toEqual(['SUCCEEDED', undefined, undefined])
    const polls = execution.history.filter((event) => event.type === 'TaskStateEntered' && JSON.stringify(event).includes('"Get crawler"'))
    expect(polls).toHaveLength(2)
  })

  it('a query with a syntax error fails the execution with States.TaskFailed and the QueryExecution as the cause', async () => {
    const execution = await run(fragment('SELECT count(* AS n FROM sales'), {}, { handlers: localServices(env, [glueCrawler, athenaStartQueryExecution, athenaGetQueryResults]) })
    expect(execution.status).toBe('FAILED')
    expect(execution.error).toBe('States.TaskFailed')
    expect(JSON.parse(execution.cause ?? '{}').QueryExecution.Status.State).toBe('FAILED')
  })
})
