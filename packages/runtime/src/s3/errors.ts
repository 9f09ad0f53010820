/** The S3 error codes the local S3 raises, with the HTTP status S3 answers them with. */
const STATUS = {
  NoSuchKey: 404,
  NoSuchBucket: 404,
  NotFound: 404,
  InvalidBucketName: 400,
  InvalidArgument: 400,
  KeyTooLongError: 400,
} as const

export type S3ErrorName = keyof typeof STATUS

/**
 * An S3 failure shaped like the AWS SDK v3's service exceptions: `name` is S3's error code,
 * `message` is S3's wording, `$fault` and `$metadata.httpStatusCode` are what the SDK sets, so
 * code written against `@aws-sdk/client-s3` can catch it the same way.
 *
 * @example try { await s3.getObject({ Bucket: 'raw', Key: 'missing.csv' }) } catch (error) { if (error instanceof S3Error && error.name === 'NoSuchKey') ... }
 */
export class S3Error extends Error {
  override readonly name: S3ErrorName
  readonly $fault: 'client'
  readonly $metadata: { readonly httpStatusCode: number }

  constructor(name: S3ErrorName, message: string) {
    super(message)
    this.name = name
    this.$fault = 'client'
    this.$metadata = { httpStatusCode: STATUS[name] }
  }
}

/** GetObject, CopyObject (source): S3's answer for a key that holds no object. */
export const noSuchKey = (): S3Error => new S3Error('NoSuchKey', 'The specified key does not exist.')

/** Every operation on a bucket that was never created. */
export const noSuchBucket = (): S3Error => new S3Error('NoSuchBucket', 'The specified bucket does not exist.')

/**
 * HeadObject on a missing key. A HEAD response has no body, so the SDK knows only the status:
 * it names the error `NotFound` and, having no message, says `UnknownError`.
 */
export const notFound = (): S3Error => new S3Error('NotFound', 'UnknownError')

export const invalidBucketName = (): S3Error => new S3Error('InvalidBucketName', 'The specified bucket is not valid.')
