import { asSdkIntegration, objectMetadata, stringParameter } from './s3-errors.js'
import type { LocalService } from './service.js'

/** `aws-sdk:s3:headObject` on the local S3 folder: the object's metadata, without its body. */
export const s3HeadObject: LocalService = {
  name: 's3:headObject',
  resources: ['arn:aws:states:::aws-sdk:s3:headObject'],
  create: (env) => (input) =>
    asSdkIntegration(async () => {
      const object = await env.s3.headObject({ Bucket: stringParameter(input, 'Bucket', 'HeadObject'), Key: stringParameter(input, 'Key', 'HeadObject') })
      return { AcceptRanges: 'bytes', ...objectMetadata(object), ServerSideEncryption: 'AES256' }
    }),
}
