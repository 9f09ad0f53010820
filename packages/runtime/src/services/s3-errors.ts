import { S3Error, type HeadObjectOutput } from '../s3/index.js'
import { StatesError } from '../interpreter/index.js'

/**
 * Runs an S3 call as Step Functions' AWS SDK integration does: an S3 error fails the task as
 * `S3.<Name>Exception` (`S3.NoSuchKeyException`), since the integration adds the Exception suffix
 * S3's own names lack (developer guide, "AWS SDK service integrations").
 */
export async function asSdkIntegration<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call()
  } catch (error) {
    if (error instanceof S3Error) throw new StatesError(`S3.${error.name.endsWith('Exception') ? error.name : `${error.name}Exception`}`, error.message)
    throw error
  }
}

/** A required string parameter of an S3 call. */
export function stringParameter(input: unknown, name: string, action: string): string {
  const value = (input as Record<string, unknown> | null)?.[name]
  if (typeof value !== 'string' || value === '') throw new StatesError('S3.InvalidArgumentException', `${action} needs the parameter ${name}, a non-empty string`)
  return value
}

/** An object's metadata as GetObject and HeadObject answer it through the SDK integration. */
export function objectMetadata(object: HeadObjectOutput): { ContentLength: number; ContentType: string; ETag: string; LastModified: string } {
  return { ContentLength: object.ContentLength, ContentType: 'application/octet-stream', ETag: object.ETag, LastModified: object.LastModified.toISOString() }
}
