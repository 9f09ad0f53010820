import { asSdkIntegration, stringParameter } from './s3-errors.js'
import type { LocalService } from './service.js'

/**
 * `aws-sdk:s3:putObject` on the local S3 folder, written atomically. A string Body is the
 * object's text (UTF-8); any other JSON value (`"Body.$": "$"`) is written as its JSON text.
 */
export const s3PutObject: LocalService = {
  name: 's3:putObject',
  resources: ['arn:aws:states:::aws-sdk:s3:putObject'],
  create: (env) => (input) =>
    asSdkIntegration(async () => {
      const body = (input as Record<string, unknown> | null)?.['Body']
      const { ETag } = await env.s3.putObject({
        Bucket: stringParameter(input, 'Bucket', 'PutObject'),
        Key: stringParameter(input, 'Key', 'PutObject'),
        Body: typeof body === 'string' ? body : body === undefined ? '' : JSON.stringify(body),
      })
      // S3 encrypts every new object with SSE-S3 and says so.
      return { ETag, ServerSideEncryption: 'AES256' }
    }),
}
