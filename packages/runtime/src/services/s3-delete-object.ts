import { asSdkIntegration, stringParameter } from './s3-errors.js'
import type { LocalService } from './service.js'

/** `aws-sdk:s3:deleteObject` on the local S3 folder; deleting a key that holds nothing succeeds, as in S3. */
export const s3DeleteObject: LocalService = {
  name: 's3:deleteObject',
  resources: ['arn:aws:states:::aws-sdk:s3:deleteObject'],
  create: (env) => (input) =>
    asSdkIntegration(() => env.s3.deleteObject({ Bucket: stringParameter(input, 'Bucket', 'DeleteObject'), Key: stringParameter(input, 'Key', 'DeleteObject') })),
}
