import { stat } from 'node:fs/promises'
import { bucketFolder, objectFile } from '../../s3/keys.js'
export { hasCode, keysUnder } from '../../s3/walk.js'
import { JobScriptError } from './script.js'

/**
 * The folder of a bucket that exists. The script's first S3 call on a missing bucket fails with
 * botocore's ClientError; so does the local job.
 */
export async function existingBucket(s3Root: string, bucket: string, operation: string): Promise<string> {
  let folder: string
  try {
    folder = bucketFolder(s3Root, bucket)
  } catch {
    throw clientError('InvalidBucketName', operation, 'The specified bucket is not valid.')
  }
  const info = await stat(folder).catch(() => undefined)
  if (info === undefined || !info.isDirectory()) throw clientError('NoSuchBucket', operation, 'The specified bucket does not exist')
  return folder
}

/** The file an object key is stored in; a key the local S3 cannot hold fails as the script's S3 call would. */
export function fileOf(folder: string, key: string, operation: string): string {
  try {
    return objectFile(folder, key)
  } catch (error) {
    throw clientError('InvalidArgument', operation, error instanceof Error ? error.message : String(error))
  }
}

function clientError(code: string, operation: string, message: string): JobScriptError {
  return new JobScriptError('botocore.exceptions.ClientError', `An error occurred (${code}) when calling the ${operation} operation: ${message}`)
}
