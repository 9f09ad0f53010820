import { randomUUID } from 'node:crypto'
import { mkdir, open, rename, rm, rmdir, stat, unlink } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { etagOf, etagOfFile, lastModifiedOf } from './etag.js'
import { noSuchBucket, noSuchKey, notFound, S3Error } from './errors.js'
import { bucketFolder, objectFile, TEMP_PREFIX } from './keys.js'
import { pageOf } from './listing.js'
import { hasCode, keysUnder } from './walk.js'
import type {
  CopyObjectInput,
  CopyObjectOutput,
  GetObjectOutput,
  HeadObjectOutput,
  ListedObject,
  ListObjectsV2Input,
  ListObjectsV2Output,
  ObjectAddress,
  PutObjectInput,
  PutObjectOutput,
} from './types.js'

/**
 * S3 on a folder: bucket `b` is the folder `<root>/b`, object `k` the file `<root>/b/k`, each `/`
 * of the key a sub-folder. Method names, request and response shapes and errors follow
 * `@aws-sdk/client-s3`. Every put writes a temp file in the bucket folder and renames it into
 * place, so a reader sees the old object or the new one, never half of one; listings never show
 * temp files.
 *
 * Not kept: object metadata (Content-Type, user metadata), versions, storage classes other than
 * STANDARD, multipart ETags. Keys a folder cannot hold (`a/../b`, `a//b`, `dir/`, both `a` and
 * `a/b`) are refused with an `InvalidArgument` S3Error that says why.
 *
 * @example
 * const s3 = new LocalS3('.dlc/s3')
 * await s3.createBucket({ Bucket: 'raw' })
 * await s3.putObject({ Bucket: 'raw', Key: 'sales/2026-11-25/orders.csv', Body: 'id,qty\n1,2\n' })
 * const { Contents } = await s3.listObjectsV2({ Bucket: 'raw', Prefix: 'sales/' })
 */
export class LocalS3 {
  readonly root: string

  constructor(root: string) {
    this.root = resolve(root)
  }

  /** Creates the bucket's folder; creating a bucket that exists succeeds, as S3 does in us-east-1. */
  async createBucket(input: { readonly Bucket: string }): Promise<{ readonly Location: string }> {
    await mkdir(bucketFolder(this.root, input.Bucket), { recursive: true })
    return { Location: `/${input.Bucket}` }
  }

  /** Writes the object atomically: a temp file in the bucket folder, flushed, then renamed over the key's file. */
  async putObject(input: PutObjectInput): Promise<PutObjectOutput> {
    const folder = await this.bucket(input.Bucket)
    const file = objectFile(folder, input.Key)
    const body = typeof input.Body === 'string' ? Buffer.from(input.Body, 'utf8') : input.Body
    const temp = join(folder, `${TEMP_PREFIX}${randomUUID()}`)
    try {
      const handle = await open(temp, 'wx')
      try {
        await handle.writeFile(body)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await moveInto(temp, file, input.Key)
    } finally {
      await rm(temp, { force: true })
    }
    return { ETag: etagOf(body) }
  }

  async getObject(input: ObjectAddress): Promise<GetObjectOutput> {
    return readObject(objectFile(await this.bucket(input.Bucket), input.Key), noSuchKey)
  }

  async headObject(input: ObjectAddress): Promise<HeadObjectOutput> {
    const { ContentLength, ETag, LastModified } = await readObject(objectFile(await this.bucket(input.Bucket), input.Key), notFound)
    return { ContentLength, ETag, LastModified }
  }

  async copyObject(input: CopyObjectInput): Promise<CopyObjectOutput> {
    const source = parseCopySource(input.CopySource)
    const { Body } = await this.getObject(source)
    await this.putObject({ Bucket: input.Bucket, Key: input.Key, Body })
    const { ETag, LastModified } = await this.headObject(input)
    return { CopyObjectResult: { ETag, LastModified } }
  }

  /** Deleting a key that holds no object succeeds, as in S3; folders left empty are removed. */
  async deleteObject(input: ObjectAddress): Promise<Record<string, never>> {
    const folder = await this.bucket(input.Bucket)
    const file = objectFile(folder, input.Key)
    try {
      await unlink(file)
    } catch (error) {
      if (!hasCode(error, 'ENOENT', 'ENOTDIR', 'EISDIR', 'EPERM')) throw error
      return {}
    }
    await pruneEmptyFolders(dirname(file), folder)
    return {}
  }

  async listObjectsV2(input: ListObjectsV2Input): Promise<ListObjectsV2Output> {
    const folder = await this.bucket(input.Bucket)
    const maxKeys = input.MaxKeys ?? 1000
    if (!Number.isInteger(maxKeys) || maxKeys < 0) throw new S3Error('InvalidArgument', 'Provided max-keys not an integer or within integer range')
    const prefix = input.Prefix ?? ''
    const delimiter = input.Delimiter ?? ''
    const keys = await keysUnder(folder, prefix)
    const page = pageOf(keys, {
      prefix,
      delimiter,
      maxKeys,
      ...(input.ContinuationToken === undefined ? {} : { continuationToken: input.ContinuationToken }),
      ...(input.StartAfter === undefined ? {} : { startAfter: input.StartAfter }),
    })
    const contents: ListedObject[] = []
    const commonPrefixes: { Prefix: string }[] = []
    for (const entry of page.entries) {
      if (entry.kind === 'prefix') {
        commonPrefixes.push({ Prefix: entry.prefix })
        continue
      }
      const listed = await describe(folder, entry.key)
      if (listed !== undefined) contents.push(listed)
    }
    return {
      Name: input.Bucket,
      Prefix: prefix,
      ...(input.Delimiter === undefined ? {} : { Delimiter: input.Delimiter }),
      MaxKeys: maxKeys,
      KeyCount: contents.length + commonPrefixes.length,
      IsTruncated: page.truncated,
      ...(contents.length > 0 ? { Contents: contents } : {}),
      ...(commonPrefixes.length > 0 ? { CommonPrefixes: commonPrefixes } : {}),
      ...(input.ContinuationToken === undefined ? {} : { ContinuationToken: input.ContinuationToken }),
      ...(page.nextContinuationToken === undefined ? {} : { NextContinuationToken: page.nextContinuationToken }),
      ...(input.StartAfter === undefined ? {} : { StartAfter: input.StartAfter }),
    }
  }

  private async bucket(bucket: string): Promise<string> {
    const folder = bucketFolder(this.root, bucket)
    const info = await stat(folder).catch((error: unknown) => {
      if (hasCode(error, 'ENOENT', 'ENOTDIR')) return undefined
      throw error
    })
    if (info === undefined || !info.isDirectory()) throw noSuchBucket()
    return folder
  }
}

// Size, date and bytes come from one open file, so a put renaming a new file in cannot mix two versions.
async function readObject(file: string, missing: () => S3Error): Promise<GetObjectOutput> {
  const handle = await open(file, 'r').catch((error: unknown) => {
    if (hasCode(error, 'ENOENT', 'ENOTDIR', 'EISDIR')) throw missing()
    throw error
  })
  try {
    const info = await handle.stat()
    if (!info.isFile()) throw missing()
    const body = await handle.readFile()
    return { Body: body, ContentLength: info.size, ETag: etagOf(body), LastModified: lastModifiedOf(info.mtimeMs) }
  } finally {
    await handle.close()
  }
}

// A concurrent delete may remove the folder between mkdir and rename; the rename is tried again.
async function moveInto(temp: string, file: string, key: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await mkdir(dirname(file), { recursive: true })
      await rename(temp, file)
      return
    } catch (error) {
      if (hasCode(error, 'ENOTDIR', 'EEXIST')) {
        throw new S3Error('InvalidArgument', `The key '${key}' passes through a folder that is an object in the local bucket; the local S3 cannot hold both 'a' and 'a/b'.`)
      }
      if (hasCode(error, 'EISDIR', 'ENOTEMPTY', 'EPERM')) {
        throw new S3Error('InvalidArgument', `The key '${key}' is a folder of other keys in the local bucket; the local S3 cannot hold both 'a' and 'a/b'.`)
      }
      if (!hasCode(error, 'ENOENT') || attempt === 5) throw error
    }
  }
}

async function pruneEmptyFolders(from: string, bucketFolder: string): Promise<void> {
  for (let folder = from; folder !== bucketFolder && folder.startsWith(bucketFolder); folder = dirname(folder)) {
    try {
      await rmdir(folder)
    } catch {
      return
    }
  }
}

// A key listed a moment ago may be gone by now; it is left out rather than failing the listing.
async function describe(folder: string, key: string): Promise<ListedObject | undefined> {
  const file = join(folder, ...key.split('/'))
  try {
    const info = await stat(file)
    if (!info.isFile()) return undefined
    return { Key: key, LastModified: lastModifiedOf(info.mtimeMs), ETag: await etagOfFile(file), Size: info.size, StorageClass: 'STANDARD' }
  } catch (error) {
    if (hasCode(error, 'ENOENT', 'ENOTDIR')) return undefined
    throw error
  }
}

function parseCopySource(copySource: string): ObjectAddress {
  const source = copySource.startsWith('/') ? copySource.slice(1) : copySource
  const slash = source.indexOf('/')
  if (slash <= 0 || source.includes('?')) {
    throw new S3Error('InvalidArgument', `Invalid copy source: '${copySource}' is not 'bucket/key' (versions are not kept locally)`)
  }
  return { Bucket: decodeURIComponent(source.slice(0, slash)), Key: decodeURIComponent(source.slice(slash + 1)) }
}
