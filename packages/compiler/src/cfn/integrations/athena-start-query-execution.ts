import { arnOf, sub, type Statement } from '../model.js'
import { text, type Grants } from './context.js'

interface Location {
  readonly bucket: string
  readonly prefix: string
}

/**
 * `athena:startQueryExecution.sync` for SELECT queries: run and poll the query in one
 * workgroup, read the catalog entries of the pipeline's tables, read their data, and write
 * results to the workgroup's location. AWS's own example grants Glue writes and `s3:*`-like
 * access on every bucket; a SELECT needs none of that.
 */
export const grants: Grants = ({ target, logicalId }) => {
  const database = text(target, 'database')
  const tables = (target['tables'] as readonly string[] | undefined) ?? []
  const data = (target['data'] as readonly Location[] | undefined) ?? []
  const results = target['results'] as Location | undefined
  if (results === undefined) throw new Error('athena target has no results location')
  return [
    {
      Effect: 'Allow',
      Action: ['athena:StartQueryExecution', 'athena:GetQueryExecution', 'athena:StopQueryExecution', 'athena:GetQueryResults'],
      Resource: [arnOf.workgroup(logicalId(text(target, 'workgroup')))],
    },
    {
      Effect: 'Allow',
      Action: ['athena:GetDataCatalog'],
      Resource: [sub('arn:${AWS::Partition}:athena:${AWS::Region}:${AWS::AccountId}:datacatalog/AwsDataCatalog')],
    },
    {
      Effect: 'Allow',
      Action: ['glue:GetDatabase', 'glue:GetTable', 'glue:GetTables', 'glue:GetPartition', 'glue:GetPartitions', 'glue:BatchGetPartition'],
      Resource: [arnOf.glueCatalog(), arnOf.glueDatabase(database), ...tables.map((table) => arnOf.glueTable(database, table))],
    },
    ...readData(data, logicalId),
    ...writeResults(results, logicalId),
    // Athena asks Lake Formation for data access even when Lake Formation is not in use; the action takes no resource.
    { Effect: 'Allow', Action: ['lakeformation:GetDataAccess'], Resource: ['*'] },
  ]
}

function readData(data: readonly Location[], logicalId: (placeholder: string) => string): Statement[] {
  return data.flatMap((location) => {
    const bucket = logicalId(location.bucket)
    return [
      { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [arnOf.bucket(bucket, `${location.prefix}*`)] },
      listUnder(bucket, location.prefix),
      bucketLocation(bucket),
    ]
  })
}

/** Workgroup results: Athena writes them in parts and reads them back for GetQueryResults. */
export function writeResults(results: Location, logicalId: (placeholder: string) => string): Statement[] {
  const bucket = logicalId(results.bucket)
  return [
    {
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:AbortMultipartUpload', 's3:ListMultipartUploadParts'],
      Resource: [arnOf.bucket(bucket, `${results.prefix}*`)],
    },
    listUnder(bucket, results.prefix),
    bucketLocation(bucket),
  ]
}

function listUnder(bucket: string, prefix: string): Statement {
  return { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: [arnOf.bucket(bucket)], Condition: { StringLike: { 's3:prefix': [`${prefix}*`] } } }
}

/** Bucket-level calls that take no prefix (a prefix condition would never match them). */
function bucketLocation(bucket: string): Statement {
  return { Effect: 'Allow', Action: ['s3:GetBucketLocation', 's3:ListBucketMultipartUploads'], Resource: [arnOf.bucket(bucket)] }
}
