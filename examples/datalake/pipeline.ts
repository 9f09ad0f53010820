/**
 * The nightly sales batch, written with dlc's workflow DSL: check that the batch landed,
 * clean it with a Glue job, crawl the processed zone, run the validation query, and e-mail
 * the outcome. The data-lake layer (zones, datasets, `pipeline()`) will describe the same run
 * in fewer lines; this file shows the states it stands on.
 */
import { awsSdk, createIntegration, eq, gt, jsonata, or, resourceRef, type, workflow } from '@dlc/dsl'

interface NightlyInput {
  /** The batch to process, `YYYY-MM-DD`; the scheduler passes the night's date. */
  readonly batchDate: string
}

interface ListObjectsResult {
  readonly KeyCount: number
  readonly Contents?: readonly { readonly Key: string; readonly Size: number }[]
}

interface GlueJobRun {
  readonly Id: string
  readonly JobRunState: string
  readonly ExecutionTime: number
}

interface Crawler {
  readonly Crawler: { readonly State: 'READY' | 'RUNNING' | 'STOPPING'; readonly LastCrawl?: { readonly Status: 'SUCCEEDED' | 'CANCELLED' | 'FAILED' } }
}

interface QueryExecution {
  readonly QueryExecution: { readonly QueryExecutionId: string; readonly Status: { readonly State: string } }
}

const bucket = 'sales-lake'
const topic = resourceRef('sns:topic', 'data-alerts', 'arn')
const etlJob = resourceRef('glue:job', 'sales-etl', 'name')
const crawler = resourceRef('glue:crawler', 'sales', 'name')
const workgroup = resourceRef('athena:workgroup', 'sales', 'name')

const glueJobRun = createIntegration<GlueJobRun>({
  name: 'glue-start-job-run',
  service: 'glue',
  action: 'startJobRun',
  pattern: 'sync',
  resource: 'arn:aws:states:::glue:startJobRun.sync',
})

const athenaQuery = createIntegration<QueryExecution>({
  name: 'athena-start-query-execution',
  service: 'athena',
  action: 'startQueryExecution',
  pattern: 'sync',
  resource: 'arn:aws:states:::athena:startQueryExecution.sync',
})

const snsPublish = createIntegration<{ readonly MessageId: string }>({
  name: 'sns-publish',
  service: 'sns',
  action: 'publish',
  resource: 'arn:aws:states:::sns:publish',
})

export default workflow('nightly-sales', {
  comment: 'Nightly sales batch: raw CSV -> Glue ETL -> crawler -> Athena checks -> e-mail',
  input: type<NightlyInput>(),
  timeoutSeconds: 3 * 60 * 60,
}).define((f) =>
  f
    .pass('Start batch', {
      assign: ($) => ({ batchDate: $.input.batchDate, startedAt: $.context.Execution.StartTime }),
    })
    .task('Check batch', {
      resource: awsSdk<ListObjectsResult>('s3', 'listObjectsV2'),
      arguments: ($) => ({ Bucket: bucket, Prefix: jsonata<string>`"raw/sales/" & ${$.vars.batchDate} & "/"` }),
      output: ($) => ({ files: $.result.KeyCount }),
    })
    .choice('Batch landed?', {
      choices: ($) => [{ when: eq($.input.files, 0), then: (b) => b.task('Notify no data', {
        resource: snsPublish,
        arguments: ($) => ({
          TopicArn: topic,
          Subject: 'nightly-sales: no batch',
          Message: jsonata<string>`"No files under raw/sales/" & ${$.vars.batchDate} & "/: nothing to do."`,
        }),
      }).succeed('Nothing to do') }],
    })
    .task('Clean sales', {
      resource: glueJobRun,
      arguments: ($) => ({
        JobName: etlJob,
        Arguments: {
          '--batch_date': $.vars.batchDate,
          '--source': `s3://${bucket}/raw/sales/`,
          '--target': `s3://${bucket}/processed/sales/`,
          '--quarantine': `s3://${bucket}/rejected/sales/`,
        },
      }),
      output: ($) => ({ jobRunId: $.result.Id, seconds: $.result.ExecutionTime }),
      retry: [
        {
          errorEquals: ['Glue.ConcurrentRunsExceededException', 'Glue.ThrottlingException'],
          intervalSeconds: 30,
          maxAttempts: 5,
          backoffRate: 2,
          maxDelaySeconds: 300,
          jitterStrategy: 'FULL',
        },
      ],
      catch: [
        {
          errorEquals: ['States.ALL'],
          then: (h) =>
            h
              .task('Notify failure', {
                resource: snsPublish,
                arguments: ($) => ({
                  TopicArn: topic,
                  Subject: 'nightly-sales: batch FAILED',
                  Message: jsonata<string>`"Batch " & ${$.vars.batchDate} & " failed: " & ${$.input.Error} & " - " & ${$.input.Cause}`,
                }),
              })
              .fail('Pipeline failed', { error: 'Pipeline.Failed', cause: 'See the failure e-mail for the failing state and cause' }),
        },
      ],
    })
    .task('Start crawler', {
      resource: awsSdk('glue', 'startCrawler'),
      arguments: { Name: crawler },
      catch: [
        { errorEquals: ['Glue.CrawlerRunningException'], goto: 'Wait for crawler' },
        { errorEquals: ['States.ALL'], goto: 'Notify failure' },
      ],
    })
    .wait('Wait for crawler', { seconds: 30 })
    .task('Get crawler', {
      resource: awsSdk<Crawler>('glue', 'getCrawler'),
      arguments: { Name: crawler },
      output: ($) => ({ state: $.result.Crawler.State, status: $.result.Crawler.LastCrawl.Status }),
      catch: [{ errorEquals: ['States.ALL'], goto: 'Notify failure' }],
    })
    .choice('Crawl finished?', {
      choices: ($) => [
        { when: or(eq($.input.state, 'RUNNING'), eq($.input.state, 'STOPPING')), goto: 'Wait for crawler' },
        {
          when: or(eq($.input.status, 'FAILED'), eq($.input.status, 'CANCELLED')),
          then: (b) => b.fail('Crawl failed', { error: 'Glue.CrawlFailed', cause: 'The sales crawler did not succeed' }),
        },
      ],
    })
    .task('Check null keys', {
      resource: athenaQuery,
      arguments: {
        QueryString: 'SELECT count(*) AS n FROM sales WHERE order_id IS NULL',
        WorkGroup: workgroup,
        QueryExecutionContext: { Database: 'sales_db' },
      },
      output: ($) => ({ queryId: $.result.QueryExecution.QueryExecutionId }),
      catch: [{ errorEquals: ['States.ALL'], goto: 'Notify failure' }],
    })
    .task('Read check', {
      resource: awsSdk<{ readonly ResultSet: { readonly Rows: readonly { readonly Data: readonly { readonly VarCharValue: string }[] }[] } }>(
        'athena',
        'getQueryResults',
      ),
      arguments: ($) => ({ QueryExecutionId: $.input.queryId }),
      output: ($) => ({ nullKeys: jsonata<number>`$number(${$.result.ResultSet.Rows[1]!.Data[0]!.VarCharValue})` }),
    })
    .choice('Keys complete?', {
      choices: ($) => [
        {
          when: gt($.input.nullKeys, 0),
          then: (b) => b.fail('Null keys found', { error: 'Validation.NullKeys', cause: 'Processed sales rows without order_id' }),
        },
      ],
    })
    .task('Notify success', {
      resource: snsPublish,
      arguments: ($) => ({
        TopicArn: topic,
        Subject: 'nightly-sales: batch loaded',
        Message: jsonata<string>`"Batch " & ${$.vars.batchDate} & " loaded and validated."`,
      }),
    })
    .succeed('Done'),
)
