import { asSdkIntegration, stringParameter } from './s3-errors.js'
import type { LocalService } from './service.js'

/** `aws-sdk:s3:listObjectsV2` on the local S3 folder: the SDK's ListObjectsV2 response. */
export const s3ListObjectsV2: LocalService = {
  name: 's3:listObjectsV2',
  resources: ['arn:aws:states:::aws-sdk:s3:listObjectsV2'],
  create: (env) => (input) => {
    const { Prefix, Delimiter, MaxKeys, ContinuationToken, StartAfter } = (input ?? {}) as Record<string, unknown>
    return asSdkIntegration(async () =>
      JSON.parse(
        JSON.stringify(
          await env.s3.listObjectsV2({
            Bucket: stringParameter(input, 'Bucket', 'ListObjectsV2'),
            ...(typeof Prefix === 'string' ? { Prefix } : {}),
            ...(typeof Delimiter === 'string' ? { Delimiter } : {}),
            ...(typeof MaxKeys === 'number' ? { MaxKeys } : {}),
            ...(typeof ContinuationToken === 'string' ? { ContinuationToken } : {}),
            ...(typeof StartAfter === 'string' ? { StartAfter } : {}),
          }),
        ),
      ) as unknown,
    )
  },
}
