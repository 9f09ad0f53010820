import type { ResourceRef } from '../expr/resource-ref.js'
import { createIntegration, type Integration } from './integration.js'

/** What S3 ListObjectsV2 returns (the fields a pipeline reads). */
export interface ListObjectsV2Result {
  readonly KeyCount: number
  readonly IsTruncated: boolean
  readonly Contents?: readonly { readonly Key: string; readonly Size: number; readonly LastModified: string; readonly ETag: string }[]
  readonly NextContinuationToken?: string
}

/**
 * Lists objects under a prefix of a bucket. `prefix` is the fixed part of what the Task's
 * `Prefix` argument lists, e.g. `raw/sales/`: IAM allows listing under it and nothing else.
 * @example f.task('Check batch', { resource: s3ListObjectsV2(lake.raw.bucket, 'raw/sales/'), arguments: { Prefix: 'raw/sales/2026-11-24/' } })
 */
export function s3ListObjectsV2(bucket: ResourceRef, prefix: string): Integration<ListObjectsV2Result> {
  return createIntegration({
    name: 's3-list-objects-v2',
    service: 's3',
    action: 'listObjectsV2',
    resource: 'arn:aws:states:::aws-sdk:s3:listObjectsV2',
    defaults: { Bucket: bucket },
    target: { bucket: bucket.ref.id, prefix },
  })
}
