import { asSdkIntegration, objectMetadata, stringParameter } from './s3-errors.js'
import type { LocalService } from './service.js'

/**
 * `aws-sdk:s3:getObject` on the local S3 folder. As through Step Functions, the Body is the
 * object's text (UTF-8), beside the object's metadata.
 */
export const s3GetObject: LocalService = {
  name: 's3:getObject',
  resources: ['arn:aws:states:::aws-sdk:s3:getObject'],
  create: (env) => (input) =>
    asSdkIntegration(async () => {
      const object = await env.s3.getObject({ Bucket: stringParameter(input, 'Bucket', 'GetObject'), Key: stringParameter(input, 'Key', 'GetObject') })
      return { Body: Buffer.from(object.Body).toString('utf8'), ...objectMetadata(object) }
    }),
}
