import type { ResourceRef } from '../expr/resource-ref.js'
import { createIntegration, type Integration } from './integration.js'

/** What S3 GetObject returns through Step Functions: the body as text. */
export interface GetObjectResult {
  readonly Body: string
  readonly ContentLength: number
  readonly ContentType: string
  readonly ETag: string
}

/**
 * Reads one object as text (Step Functions returns `Body` as a string, up to the 256 KiB payload limit).
 * `prefix` is the fixed part of the keys it reads: IAM allows reading under it and nothing else.
 * @example f.task('Read report', { resource: s3GetObject(lake.rejected.bucket, 'rejected/_runs/'), arguments: { Key: 'rejected/_runs/report.json' } })
 */
export function s3GetObject(bucket: ResourceRef, prefix: string): Integration<GetObjectResult> {
  return createIntegration({
    name: 's3-get-object',
    service: 's3',
    action: 'getObject',
    resource: 'arn:aws:states:::aws-sdk:s3:getObject',
    defaults: { Bucket: bucket },
    target: { bucket: bucket.ref.id, prefix },
  })
}
