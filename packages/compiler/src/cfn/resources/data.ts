import { datasetFolders, pascalCase, type DatasetNode, type GlueJobNode, type Json, type PipelineNode, type ZoneName, type ZoneNode } from '@dlc/dsl'
import { mergeStatements, serviceRole } from '../iam.js'
import { arnOf, getAtt, ref, staged, sub, type CfnResource, type CfnValue, type Statement } from '../model.js'

/** The logical id of a zone's bucket, matching the `${...BucketName}` placeholder without `Name`. */
export function bucketId(bucket: string): string {
  return `${pascalCase(bucket)}Bucket`
}

export function zoneOf(pipeline: PipelineNode, zone: ZoneName): ZoneNode {
  const found = pipeline.zones.find((node) => node.zone === zone)
  if (found === undefined) throw new Error(`pipeline has no ${zone} zone`)
  return found
}

/** `s3://<bucket>-<stage>/<prefix>` as a CloudFormation value. */
export function s3Uri(zone: ZoneNode, key = ''): CfnValue {
  return sub(`s3://\${${bucketId(zone.bucket)}}/${zone.prefix}${key}`)
}

/**
 * One bucket per distinct zone bucket: encrypted, no public access, TLS only, owner-enforced,
 * versioned where raw data lands, Athena results expiring after 30 days.
 */
export function buckets(pipeline: PipelineNode): Record<string, CfnResource> {
  const out: Record<string, CfnResource> = {}
  for (const bucket of [...new Set(pipeline.zones.map((zone) => zone.bucket))]) {
    const id = bucketId(bucket)
    const zones = pipeline.zones.filter((zone) => zone.bucket === bucket)
    const results = zones.find((zone) => zone.zone === 'athenaResults')
    out[id] = {
      Type: 'AWS::S3::Bucket',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        BucketName: staged(bucket),
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: true }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
        ...(zones.some((zone) => zone.zone === 'raw') ? { VersioningConfiguration: { Status: 'Enabled' } } : {}),
        LifecycleConfiguration: {
          Rules: [
            { Id: 'abort-incomplete-uploads', Status: 'Enabled', AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } },
            ...(results === undefined ? [] : [{ Id: 'expire-athena-results', Status: 'Enabled', Prefix: results.prefix, ExpirationInDays: 30 }]),
          ],
        },
      },
    }
    out[`${id}Policy`] = {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: ref(id),
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'DenyInsecureTransport',
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: [arnOf.bucket(id), arnOf.bucket(id, '*')],
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        },
      },
    }
  }
  return out
}

/** Read and list under one prefix of a zone. */
function readPrefix(zone: ZoneNode, key: string): Statement[] {
  return [
    { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [arnOf.bucket(bucketId(zone.bucket), `${zone.prefix}${key}*`)] },
    listPrefix(zone, key),
  ]
}

function listPrefix(zone: ZoneNode, key: string): Statement {
  return { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [arnOf.bucket(bucketId(zone.bucket))], Condition: { StringLike: { 's3:prefix': [`${zone.prefix}${key}*`] } } }
}

/** Replace files under one prefix of a zone: the job deletes a batch's old files before writing. */
function writePrefix(zone: ZoneNode, key: string): Statement[] {
  return [
    { Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject', 's3:DeleteObject'], Resource: [arnOf.bucket(bucketId(zone.bucket), `${zone.prefix}${key}*`)] },
    listPrefix(zone, key),
  ]
}

function glueLogs(kind: 'jobs' | 'crawlers'): Statement {
  const group = kind === 'jobs' ? '/aws-glue/*' : '/aws-glue/crawlers'
  return {
    Effect: 'Allow',
    Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
    Resource: [arnOf.logGroup(group), arnOf.logGroup(`${group}:log-stream:*`)],
  }
}

export function jobId(job: GlueJobNode): string {
  return `${pascalCase(job.name)}Job`
}

/** Where the deploy uploads a job's script. */
export function scriptKey(job: GlueJobNode): string {
  return `glue/${job.name}.py`
}

/** The Glue database, each dataset's ETL job and role, and the crawler with its role. */
export function glue(pipeline: PipelineNode, duckdbVersion: string): Record<string, CfnResource> {
  const out: Record<string, CfnResource> = {}
  const raw = zoneOf(pipeline, 'raw')
  const processed = zoneOf(pipeline, 'processed')
  const rejected = zoneOf(pipeline, 'rejected')
  const scripts = zoneOf(pipeline, 'scripts')
  const crawler = pipeline.crawler
  if (crawler !== undefined) {
    out['GlueDatabase'] = {
      Type: 'AWS::Glue::Database',
      Properties: { CatalogId: ref('AWS::AccountId'), DatabaseInput: { Name: crawler.database, Description: `Tables of the ${pipeline.name} pipeline` } },
    }
  }
  for (const job of pipeline.jobs) {
    const dataset = pipeline.datasets.find((node) => node.name === job.dataset) as DatasetNode
    const id = jobId(job)
    out[`${id}Role`] = serviceRole(
      'glue.amazonaws.com',
      `Glue job ${job.name}: reads its raw batches, writes ${dataset.name} and its quarantine`,
      mergeStatements([
        ...readPrefix(raw, `${dataset.name}/`),
        { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [arnOf.bucket(bucketId(scripts.bucket), `${scripts.prefix}${scriptKey(job)}`)] },
        ...writePrefix(processed, `${dataset.name}/`),
        ...writePrefix(rejected, datasetFolders(dataset.name).rejected),
        ...writePrefix(rejected, datasetFolders(dataset.name).reports),
        glueLogs('jobs'),
      ]),
    )
    out[id] = { Type: 'AWS::Glue::Job', Properties: jobProperties(job, id, scripts, duckdbVersion) }
  }
  if (crawler !== undefined) {
    const tables = crawler.datasets.flatMap((name) => [name, `${name}_rejected`])
    out[`${crawlerId(crawler.name)}Role`] = serviceRole(
      'glue.amazonaws.com',
      `Glue crawler ${crawler.name}: reads the processed and rejected data, updates ${crawler.database}`,
      mergeStatements([
        ...crawler.datasets.flatMap((name) => [...readPrefix(processed, datasetFolders(name).processed), ...readPrefix(rejected, datasetFolders(name).rejected)]),
        {
          Effect: 'Allow',
          Action: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetTables', 'glue:CreateTable', 'glue:UpdateTable', 'glue:GetPartition', 'glue:GetPartitions', 'glue:BatchGetPartition', 'glue:CreatePartition', 'glue:BatchCreatePartition', 'glue:UpdatePartition', 'glue:BatchUpdatePartition'],
          Resource: [arnOf.glueCatalog(), arnOf.glueDatabase(crawler.database), ...tables.map((table) => arnOf.glueTable(crawler.database, table))],
        },
        glueLogs('crawlers'),
      ]),
    )
    out[crawlerId(crawler.name)] = {
      Type: 'AWS::Glue::Crawler',
      DependsOn: ['GlueDatabase'],
      Properties: {
        Name: staged(crawler.name),
        Role: getAtt(`${crawlerId(crawler.name)}Role`, 'Arn'),
        DatabaseName: crawler.database,
        Targets: {
          S3Targets: crawler.datasets.flatMap((name): Json[] => [{ Path: s3Uri(processed, datasetFolders(name).processed) }, { Path: s3Uri(rejected, datasetFolders(name).rejected) }]),
        },
        SchemaChangePolicy: { UpdateBehavior: 'UPDATE_IN_DATABASE', DeleteBehavior: 'LOG' },
        RecrawlPolicy: { RecrawlBehavior: 'CRAWL_EVERYTHING' },
        Configuration: JSON.stringify({ Version: 1, CrawlerOutput: { Partitions: { AddOrUpdateBehavior: 'InheritFromTable' } }, Grouping: { TableGroupingPolicy: 'CombineCompatibleSchemas' } }),
      },
    }
  }
  return out
}

function jobProperties(job: GlueJobNode, id: string, scripts: ZoneNode, duckdbVersion: string) {
  const common = {
    Name: staged(job.name),
    Description: `Cleans the ${job.dataset} batch (generated by dlc)`,
    Role: getAtt(`${id}Role`, 'Arn'),
    Timeout: job.timeoutMinutes,
    MaxRetries: 0,
    ExecutionProperty: { MaxConcurrentRuns: 1 },
  }
  const script = s3Uri(scripts, scriptKey(job))
  if (job.engine === 'spark') {
    return {
      ...common,
      Command: { Name: 'glueetl', PythonVersion: '3', ScriptLocation: script },
      GlueVersion: '5.0',
      WorkerType: 'G.1X',
      NumberOfWorkers: 2,
      DefaultArguments: { '--job-language': 'python', '--enable-continuous-cloudwatch-log': 'true' },
    }
  }
  return {
    ...common,
    Command: { Name: 'pythonshell', PythonVersion: '3.9', ScriptLocation: script },
    GlueVersion: '3.0',
    MaxCapacity: 1,
    DefaultArguments: { '--additional-python-modules': `duckdb==${duckdbVersion}`, 'library-set': 'analytics' },
  }
}

export function crawlerId(name: string): string {
  return `${pascalCase(name)}Crawler`
}

export function workgroupId(name: string): string {
  return `${pascalCase(name)}Workgroup`
}

/** The Athena workgroup (results location, enforced settings, scan cutoff) and a named query per query. */
export function athena(pipeline: PipelineNode): Record<string, CfnResource> {
  const results = zoneOf(pipeline, 'athenaResults')
  const out: Record<string, CfnResource> = {
    [workgroupId(pipeline.workgroup.name)]: {
      Type: 'AWS::Athena::WorkGroup',
      Properties: {
        Name: staged(pipeline.workgroup.name),
        Description: `Queries of the ${pipeline.name} pipeline`,
        RecursiveDeleteOption: true,
        WorkGroupConfiguration: {
          EnforceWorkGroupConfiguration: true,
          PublishCloudWatchMetricsEnabled: true,
          BytesScannedCutoffPerQuery: pipeline.workgroup.bytesScannedCutoff,
          EngineVersion: { SelectedEngineVersion: 'Athena engine version 3' },
          ResultConfiguration: { OutputLocation: s3Uri(results), EncryptionConfiguration: { EncryptionOption: 'SSE_S3' } },
        },
      },
    },
  }
  for (const query of pipeline.queries) {
    out[`${pascalCase(query.name)}Query`] = {
      Type: 'AWS::Athena::NamedQuery',
      Properties: {
        Name: query.name,
        Description: `${query.purpose === 'check' ? 'Validation' : 'Analysis'} query of ${pipeline.name}`,
        Database: pipeline.crawler?.database ?? 'default',
        WorkGroup: ref(workgroupId(pipeline.workgroup.name)),
        QueryString: query.sql,
      },
    }
  }
  return out
}
