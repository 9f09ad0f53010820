import type { Dirent } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { bucketFolder, keyOf, objectFile, TEMP_PREFIX } from '../../s3/keys.js'
import { compareKeys } from '../../s3/listing.js'
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

/**
 * Every key under a folder prefix (`''` or ending in `/`), in S3's order, as ListObjectsV2 pages
 * them, temp files and folders skipped. Walked directly: a listing would also hash every object
 * for its ETag, which the job never reads.
 */
export async function keysUnder(folder: string, prefix: string): Promise<string[]> {
  const keys: string[] = []
  const walk = async (dir: string): Promise<void> => {
    let entries: Dirent[]
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (error) {
      if (hasCode(error, 'ENOENT', 'ENOTDIR')) return
      throw error
    }
    for (const entry of entries) {
      if (entry.name.startsWith(TEMP_PREFIX)) continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) await walk(path)
      else if (entry.isFile() || entry.isSymbolicLink()) keys.push(keyOf(folder, path))
    }
  }
  await walk(prefix === '' ? folder : join(folder, ...prefix.split('/').slice(0, -1)))
  return keys.sort(compareKeys)
}

export function hasCode(error: unknown, ...codes: string[]): boolean {
  return typeof error === 'object' && error !== null && codes.includes(String((error as { code?: unknown }).code))
}

function clientError(code: string, operation: string, message: string): JobScriptError {
  return new JobScriptError('botocore.exceptions.ClientError', `An error occurred (${code}) when calling the ${operation} operation: ${message}`)
}
