import { join, relative, resolve, sep } from 'node:path'
import { invalidBucketName, S3Error } from './errors.js'

/** Every temp file a put writes starts with this; listings skip it and no key segment may use it. */
export const TEMP_PREFIX = '.dlc-tmp-'

const MAX_KEY_BYTES = 1024
const MAX_SEGMENT_BYTES = 255

/**
 * Checks a bucket name against S3's naming rules (3-63 characters of lowercase letters, digits,
 * dots and hyphens, starting and ending with a letter or digit, no `..`, not an IP address) and
 * returns the bucket's folder. The rules also keep the name from leaving the root folder.
 *
 * @example bucketFolder('/repo/.dlc/s3', 'sales-lake') // '/repo/.dlc/s3/sales-lake'
 */
export function bucketFolder(root: string, bucket: string): string {
  const valid =
    /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket) && !bucket.includes('..') && !/^\d+\.\d+\.\d+\.\d+$/.test(bucket)
  if (!valid) throw invalidBucketName()
  return join(root, bucket)
}

/**
 * Maps a key to its file under the bucket folder: each `/` is a sub-folder. S3 accepts keys a
 * folder cannot hold (`a/../b`, `a//b`, `dir/`); those are refused here with the reason, never
 * stored somewhere else than their name says.
 *
 * @example objectFile('/repo/.dlc/s3/raw', 'sales/2026-11-25/orders.csv') // '/repo/.dlc/s3/raw/sales/2026-11-25/orders.csv'
 */
export function objectFile(folder: string, key: string): string {
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) throw new S3Error('KeyTooLongError', 'Your key is too long')
  const refuse = (why: string): never => {
    throw new S3Error('InvalidArgument', `The key '${key}' ${why}; the local S3 stores each key as a file under ${folder} and cannot hold it.`)
  }
  if (key === '') refuse('is empty')
  if (key.includes('\0')) refuse('contains a NUL character')
  const segments = key.split('/')
  for (const segment of segments) {
    if (segment === '..') refuse("has a '..' segment, which would leave the bucket folder")
    if (segment === '.') refuse("has a '.' segment")
    if (segment === '') refuse(key.endsWith('/') ? "ends with '/' (a folder marker)" : "has an empty segment ('//' or a leading '/')")
    if (segment.startsWith(TEMP_PREFIX)) refuse(`has a segment starting with '${TEMP_PREFIX}', which the local S3 keeps for its temp files`)
    if (Buffer.byteLength(segment) > MAX_SEGMENT_BYTES) refuse(`has a segment longer than ${MAX_SEGMENT_BYTES} bytes`)
  }
  const file = resolve(folder, ...segments)
  const inside = relative(resolve(folder), file)
  if (inside === '' || inside.startsWith('..') || inside.split(sep).length !== segments.length) refuse('does not name a file inside the bucket folder')
  return file
}

/** The key a file under the bucket folder stands for. */
export function keyOf(folder: string, file: string): string {
  return relative(folder, file).split(sep).join('/')
}
