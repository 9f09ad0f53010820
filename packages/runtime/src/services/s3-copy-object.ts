import { asSdkIntegration, stringParameter } from './s3-errors.js'
import type { LocalService } from './service.js'

/** `aws-sdk:s3:copyObject` on the local S3 folder: CopySource is `bucket/key` (URL-encoded, a leading `/` allowed). */
export const s3CopyObject: LocalService = {
  name: 's3:copyObject',
  resources: ['arn:aws:states:::aws-sdk:s3:copyObject'],
  create: (env) => (input) =>
    asSdkIntegration(async () => {
      const { CopyObjectResult } = await env.s3.copyObject({
        Bucket: stringParameter(input, 'Bucket', 'CopyObject'),
        Key: stringParameter(input, 'Key', 'CopyObject'),
        CopySource: stringParameter(input, 'CopySource', 'CopyObject'),
      })
      return { CopyObjectResult: { ETag: CopyObjectResult.ETag, LastModified: CopyObjectResult.LastModified.toISOString() }, ServerSideEncryption: 'AES256' }
    }),
}
