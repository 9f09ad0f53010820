/** The request and response shapes of the local S3, named and shaped like `@aws-sdk/client-s3`'s. */

export interface ObjectAddress {
  readonly Bucket: string
  readonly Key: string
}

export interface PutObjectInput extends ObjectAddress {
  readonly Body: string | Uint8Array
}

export interface PutObjectOutput {
  readonly ETag: string
}

export interface HeadObjectOutput {
  readonly ContentLength: number
  readonly ETag: string
  readonly LastModified: Date
}

/** Unlike the SDK's stream, `Body` is the object's bytes; local objects are read whole. */
export interface GetObjectOutput extends HeadObjectOutput {
  readonly Body: Uint8Array
}

export interface CopyObjectInput extends ObjectAddress {
  /** `source-bucket/source-key`, URL-encoded as the SDK expects; a leading `/` is allowed. */
  readonly CopySource: string
}

export interface CopyObjectOutput {
  readonly CopyObjectResult: { readonly ETag: string; readonly LastModified: Date }
}

export interface ListObjectsV2Input {
  readonly Bucket: string
  readonly Prefix?: string
  readonly Delimiter?: string
  /** At most 1000 entries come back whatever is asked; the default is 1000. */
  readonly MaxKeys?: number
  readonly ContinuationToken?: string
  readonly StartAfter?: string
}

export interface ListedObject {
  readonly Key: string
  readonly LastModified: Date
  readonly ETag: string
  readonly Size: number
  readonly StorageClass: 'STANDARD'
}

export interface ListObjectsV2Output {
  readonly Name: string
  readonly Prefix: string
  readonly Delimiter?: string
  readonly MaxKeys: number
  readonly KeyCount: number
  readonly IsTruncated: boolean
  /** Absent, as in the SDK, when the page holds no object. */
  readonly Contents?: readonly ListedObject[]
  /** Absent, as in the SDK, when the page holds no common prefix. */
  readonly CommonPrefixes?: readonly { readonly Prefix: string }[]
  readonly ContinuationToken?: string
  readonly NextContinuationToken?: string
  readonly StartAfter?: string
}
