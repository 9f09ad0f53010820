import { batchDate, col, dataset, pipeline, sql, topic, zones, type PipelineNode } from '@dlc/dsl'
import { describe, expect, it } from 'vitest'
import { compilePipeline, machineStatements, type Statement } from '../../src/index.js'
import { INTEGRATION_GRANTS } from '../../src/cfn/integrations/index.js'

const logicalId = (placeholder: string) => placeholder.replace(/(Name|Arn)$/, '')
const grant = (integration: string, target: object) => INTEGRATION_GRANTS[integration]!({ target: target as never, logicalId })
const bucket = (key?: string) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:s3:::\${LakeBucket}${key === undefined ? '' : `/${key}`}` })

describe('the IAM statements of each integration', () => {
  it('s3-list-objects-v2: ListBucket on the bucket, only under the prefix', () => {
    expect(grant('s3-list-objects-v2', { bucket: 'LakeBucketName', prefix: 'raw/sales/' })).toEqual([
      { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [bucket()], Condition: { StringLike: { 's3:prefix': ['raw/sales/*'] } } },
    ])
  })

  it('s3-get-object: GetObject on keys under the prefix', () => {
    expect(grant('s3-get-object', { bucket: 'LakeBucketName', prefix: 'rejected/_reports/sales/' })).toEqual([
      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [bucket('rejected/_reports/sales/*')] },
    ])
  })

  it('glue-start-job-run: start, poll and stop one job', () => {
    expect(grant('glue-start-job-run', { job: 'SalesEtlJobName' })).toEqual([
      {
        Effect: 'Allow',
        Action: ['glue:StartJobRun', 'glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun'],
        Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:job/${SalesEtlJob}' }],
      },
    ])
  })

  it('glue-crawler: start and read one crawler', () => {
    expect(grant('glue-crawler', { crawler: 'SalesCrawlerName' })).toEqual([
      { Effect: 'Allow', Action: ['glue:StartCrawler', 'glue:GetCrawler'], Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:crawler/${SalesCrawler}' }] },
    ])
  })

  it('sns-publish: publish to one topic', () => {
    expect(grant('sns-publish', { topic: 'AlertsTopicArn' })).toEqual([{ Effect: 'Allow', Action: ['sns:Publish'], Resource: [{ Ref: 'AlertsTopic' }] }])
  })

  it('athena-get-query-results: read results of the workgroup', () => {
    expect(grant('athena-get-query-results', { workgroup: 'SalesWorkgroupName', results: { bucket: 'LakeBucketName', prefix: 'athena-results/' } })).toEqual([
      { Effect: 'Allow', Action: ['athena:GetQueryResults', 'athena:GetQueryExecution'], Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:athena:${AWS::Region}:${AWS::AccountId}:workgroup/${SalesWorkgroup}' }] },
      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [bucket('athena-results/*')] },
    ])
  })

  it('athena-start-query-execution: one workgroup, the tables it reads, their data and the results location, nothing more', () => {
    const statements = grant('athena-start-query-execution', {
      workgroup: 'SalesWorkgroupName',
      database: 'sales_db',
      tables: ['sales'],
      data: [{ bucket: 'LakeBucketName', prefix: 'processed/sales/' }],
      results: { bucket: 'LakeBucketName', prefix: 'athena-results/' },
    })
    const arn = (rest: string) => ({ 'Fn::Sub': `arn:\${AWS::Partition}:${rest}` })
    expect(statements).toEqual([
      { Effect: 'Allow', Action: ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:StopQueryExecution', 'athena:GetQueryResults'], Resource: [arn('athena:${AWS::Region}:${AWS::AccountId}:workgroup/${SalesWorkgroup}')] },
      { Effect: 'Allow', Action: ['athena:GetDataCatalog'], Resource: [arn('athena:${AWS::Region}:${AWS::AccountId}:datacatalog/AwsDataCatalog')] },
      {
        Effect: 'Allow',
        Action: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetTables', 'glue:GetPartition', 'glue:GetPartitions', 'glue:BatchGetPartition'],
        Resource: [arn('glue:${AWS::Region}:${AWS::AccountId}:catalog'), arn('glue:${AWS::Region}:${AWS::AccountId}:database/sales_db'), arn('glue:${AWS::Region}:${AWS::AccountId}:table/sales_db/sales')],
      },
      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [bucket('processed/sales/*')] },
      { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [bucket()], Condition: { StringLike: { 's3:prefix': ['processed/sales/*'] } } },
      { Effect: 'Allow', Action: ['s3:GetBucketLocation', 's3:ListBucketMultipartUploads'], Resource: [bucket()] },
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'], Resource: [bucket('athena-results/*')] },
      { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [bucket()], Condition: { StringLike: { 's3:prefix': ['athena-results/*'] } } },
      { Effect: 'Allow', Action: ['s3:GetBucketLocation', 's3:ListBucketMultipartUploads'], Resource: [bucket()] },
      { Effect: 'Allow', Action: ['lakeformation:GetDataAccess'], Resource: ['*'] },
    ])
  })
})

/**
 * What AWS documents each Task Resource may need, written here independently of the
 * integration files: the role may hold an action only if some Task in the emitted
 * definition calls a Resource that needs it.
 */
const ACTIONS_BY_RESOURCE: Readonly<Record<string, readonly string[]>> = {
  'arn:aws:states:::aws-sdk:s3:listObjectsV2': ['s3:ListBucket'],
  'arn:aws:states:::aws-sdk:s3:getObject': ['s3:GetObject'],
  'arn:aws:states:::glue:startJobRun.sync': ['glue:StartJobRun', 'glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun'],
  'arn:aws:states:::aws-sdk:glue:startCrawler': ['glue:StartCrawler'],
  'arn:aws:states:::aws-sdk:glue:getCrawler': ['glue:GetCrawler'],
  'arn:aws:states:::sns:publish': ['sns:Publish'],
  'arn:aws:states:::athena:startQueryExecution.sync': [
    'athena:StartQueryExecution',
    'athena:GetQueryExecution',
    'athena:StopQueryExecution',
    'athena:GetQueryResults',
    'athena:GetDataCatalog',
    'glue:GetDatabase',
    'glue:GetTable',
    'glue:GetTables',
    'glue:GetPartition',
    'glue:GetPartitions',
    'glue:BatchGetPartition',
    's3:GetObject',
    's3:PutObject',
    's3:ListBucket',
    's3:GetBucketLocation',
    's3:ListBucketMultipartUploads',
    's3:ListMultipartUploadParts',
    's3:AbortMultipartUpload',
    'lakeformation:GetDataAccess',
  ],
  'arn:aws:states:::athena:getQueryResults': ['athena:GetQueryResults', 'athena:GetQueryExecution', 's3:GetObject'],
}

function taskResources(definition: { States: Record<string, { Type: string; Resource?: string }> }): Set<string> {
  return new Set(Object.values(definition.States).flatMap((state) => (state.Type === 'Task' && state.Resource !== undefined ? [state.Resource] : [])))
}

const actionsOf = (statements: readonly Statement[]) => new Set(statements.flatMap((statement) => statement.Action))

const sales = dataset('sales', { columns: { order_id: col.string().required(), order_date: col.date() }, partitionBy: ['year(order_date)'] })
const base = pipeline('nightly').zones(zones('iam-test-lake'))
const build = (node: { build: (options: {}) => PipelineNode }) => node.build({})

describe('the Step Functions role', () => {
  it('can do nothing the workflow does not call', () => {
    const full = build(
      base
        .expectBatch(sales, { ifMissing: 'fail' })
        .etl(sales)
        .crawl({ database: 'sales_db' })
        .check('no_null_keys', sql<{ n: number }>`SELECT count(*) AS n FROM ${sales} WHERE ${sales.columns.order_id} IS NULL AND ${sales.columns.order_date} <= date(${batchDate})`, { expect: { n: 0 } })
        .notify(topic('iam-alerts', { email: ['a@example.com'] })),
    )
    const definition = compilePipeline(full).artifacts.find((file) => file.path === 'nightly.asl.json')
    const resources = taskResources(JSON.parse(definition!.content))
    const allowed = new Set([...resources].flatMap((resource) => ACTIONS_BY_RESOURCE[resource] ?? []))
    const granted = actionsOf(machineStatements(full.machine))
    expect([...granted].filter((action) => !allowed.has(action))).toEqual([])
    for (const resource of resources) expect(resource in ACTIONS_BY_RESOURCE).toBe(true)
  })

  it('loses the crawler, Athena and SNS actions when the pipeline has no crawl, query or topic', () => {
    const granted = actionsOf(machineStatements(build(base.expectBatch(sales, { ifMissing: 'fail' }).etl(sales)).machine))
    expect([...granted].sort()).toEqual(['glue:BatchStopJobRun', 'glue:GetJobRun', 'glue:GetJobRuns', 'glue:StartJobRun', 's3:GetObject', 's3:ListBucket'])
  })

  it('refuses a Task whose call it cannot scope, with the state named', () => {
    const raw = build(base.states((f) => f.task('Anything', { resource: 'arn:aws:states:::aws-sdk:s3:deleteBucket' })))
    const compiled = compilePipeline(raw)
    expect(compiled.artifacts).toEqual([])
    expect(compiled.diagnostics).toEqual([expect.objectContaining({ code: 'DLC_UNGRANTED_INTEGRATION', location: '/States/Anything' })])
  })
})
