import { createHash } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LocalS3, S3Error } from '../../src/s3/index.js'

let root: string
let s3: LocalS3

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dlc-s3-'))
  s3 = new LocalS3(root)
  await s3.createBucket({ Bucket: 'raw' })
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

async function failure(promise: Promise<unknown>): Promise<S3Error> {
  try {
    await promise
  } catch (error) {
    if (error instanceof S3Error) return error
    throw error
  }
  throw new Error('the call did not fail')
}

async function allFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

describe('putObject and getObject', () => {
  it('store the object as <root>/<bucket>/<key> and read back bytes, ETag, size and date like S3', async () => {
    const body = 'id,qty\n1,2\n'
    const put = await s3.putObject({ Bucket: 'raw', Key: 'sales/2026-11-25/orders.csv', Body: body })
    const md5 = createHash('md5').update(body).digest('hex')
    expect(put.ETag).toBe(`"${md5}"`)
    expect(await readFile(join(root, 'raw', 'sales', '2026-11-25', 'orders.csv'), 'utf8')).toBe(body)

    const got = await s3.getObject({ Bucket: 'raw', Key: 'sales/2026-11-25/orders.csv' })
    expect(Buffer.from(got.Body).toString('utf8')).toBe(body)
    expect(got.ETag).toBe(`"${md5}"`)
    expect(got.ContentLength).toBe(Buffer.byteLength(body))
    expect(got.LastModified).toBeInstanceOf(Date)
    expect(got.LastModified.getTime() % 1000).toBe(0)
    expect(Math.abs(got.LastModified.getTime() - Date.now())).toBeLessThan(5000)
  })

  it('stores binary bodies byte for byte', async () => {
    const body = Uint8Array.from([0, 255, 10, 13, 0x1f, 0x8b])
    await s3.putObject({ Bucket: 'raw', Key: 'bin', Body: body })
    expect([...(await s3.getObject({ Bucket: 'raw', Key: 'bin' })).Body]).toEqual([...body])
  })

  it('overwrites an existing object', async () => {
    await s3.putObject({ Bucket: 'raw', Key: 'a.txt', Body: 'first' })
    await s3.putObject({ Bucket: 'raw', Key: 'a.txt', Body: 'second' })
    expect(Buffer.from((await s3.getObject({ Bucket: 'raw', Key: 'a.txt' })).Body).toString()).toBe('second')
  })

  it('answers a missing key with NoSuchKey and a missing bucket with NoSuchBucket, in S3 words', async () => {
    const missingKey = await failure(s3.getObject({ Bucket: 'raw', Key: 'nope.csv' }))
    expect(missingKey.name).toBe('NoSuchKey')
    expect(missingKey.message).toBe('The specified key does not exist.')
    expect(missingKey.$metadata.httpStatusCode).toBe(404)

    const missingBucket = await failure(s3.getObject({ Bucket: 'other', Key: 'x' }))
    expect(missingBucket.name).toBe('NoSuchBucket')
    expect(missingBucket.message).toBe('The specified bucket does not exist.')

    expect((await failure(s3.putObject({ Bucket: 'other', Key: 'x', Body: '' }))).name).toBe('NoSuchBucket')
  })

  it('treats a folder as no object', async () => {
    await s3.putObject({ Bucket: 'raw', Key: 'dir/file', Body: 'x' })
    expect((await failure(s3.getObject({ Bucket: 'raw', Key: 'dir' }))).name).toBe('NoSuchKey')
  })
})

describe('headObject', () => {
  it('gives size, ETag and date without the body, and NotFound for a missing key as the SDK does', async () => {
    await s3.putObject({ Bucket: 'raw', Key: 'k', Body: 'hello' })
    const head = await s3.headObject({ Bucket: 'raw', Key: 'k' })
    expect(head).toEqual({ ContentLength: 5, ETag: `"${createHash('md5').update('hello').digest('hex')}"`, LastModified: expect.any(Date) })
    expect(head).not.toHaveProperty('Body')
    const missing = await failure(s3.headObject({ Bucket: 'raw', Key: 'gone' }))
    expect(missing.name).toBe('NotFound')
  })
})

describe('copyObject and deleteObject', () => {
  it('copies an object, URL-decoding the copy source', async () => {
    await s3.createBucket({ Bucket: 'processed' })
    await s3.putObject({ Bucket: 'raw', Key: 'in/my file.csv', Body: 'a,b\n' })
    const copied = await s3.copyObject({ Bucket: 'processed', Key: 'out.csv', CopySource: 'raw/in/my%20file.csv' })
    expect(copied.CopyObjectResult.ETag).toBe(`"${createHash('md5').update('a,b\n').digest('hex')}"`)
    expect(Buffer.from((await s3.getObject({ Bucket: 'processed', Key: 'out.csv' })).Body).toString()).toBe('a,b\n')
    expect((await failure(s3.copyObject({ Bucket: 'processed', Key: 'x', CopySource: '/raw/missing' }))).name).toBe('NoSuchKey')
  })

  it('deletes, succeeds for a key that holds nothing, and removes folders left empty', async () => {
    await s3.putObject({ Bucket: 'raw', Key: 'a/b/c.txt', Body: 'x' })
    expect(await s3.deleteObject({ Bucket: 'raw', Key: 'a/b/c.txt' })).toEqual({})
    expect(await s3.deleteObject({ Bucket: 'raw', Key: 'a/b/c.txt' })).toEqual({})
    expect(await readdir(join(root, 'raw'))).toEqual([])
    await s3.putObject({ Bucket: 'raw', Key: 'a', Body: 'now a file' })
    expect(Buffer.from((await s3.getObject({ Bucket: 'raw', Key: 'a' })).Body).toString()).toBe('now a file')
    expect((await failure(s3.deleteObject({ Bucket: 'gone', Key: 'a' }))).name).toBe('NoSuchBucket')
  })
})

describe('keys and buckets a folder cannot hold', () => {
  it.each([
    ['../escape.txt', "'..' segment"],
    ['a/../../escape.txt', "'..' segment"],
    ['/absolute', 'leading'],
    ['a//b', 'empty segment'],
    ['folder/', 'folder marker'],
    ['./x', "'.' segment"],
    ['.dlc-tmp-1234', 'temp files'],
  ])('refuses %s and writes nothing outside the bucket', async (key, why) => {
    const error = await failure(s3.putObject({ Bucket: 'raw', Key: key, Body: 'x' }))
    expect(error.name).toBe('InvalidArgument')
    expect(error.message).toContain(why)
    expect(await allFiles(root)).toEqual([])
    expect((await failure(s3.getObject({ Bucket: 'raw', Key: key }))).name).toBe('InvalidArgument')
  })

  it('refuses a key longer than S3 allows', async () => {
    expect((await failure(s3.putObject({ Bucket: 'raw', Key: 'k'.repeat(1025), Body: '' }))).name).toBe('KeyTooLongError')
  })

  it.each(['..', '../raw', 'Raw', 'a', 'raw/x', '192.168.0.1', 'my..bucket'])('refuses the bucket name %s', async (bucket) => {
    const error = await failure(s3.createBucket({ Bucket: bucket }))
    expect(error.name).toBe('InvalidBucketName')
    expect(error.message).toBe('The specified bucket is not valid.')
  })

  it("refuses 'a/b' when 'a' is an object and 'a' when 'a/b' is, instead of losing either", async () => {
    await s3.putObject({ Bucket: 'raw', Key: 'a', Body: 'file' })
    expect((await failure(s3.putObject({ Bucket: 'raw', Key: 'a/b', Body: 'x' }))).name).toBe('InvalidArgument')
    await s3.putObject({ Bucket: 'raw', Key: 'd/e', Body: 'nested' })
    expect((await failure(s3.putObject({ Bucket: 'raw', Key: 'd', Body: 'x' }))).name).toBe('InvalidArgument')
    expect(Buffer.from((await s3.getObject({ Bucket: 'raw', Key: 'a' })).Body).toString()).toBe('file')
    expect(Buffer.from((await s3.getObject({ Bucket: 'raw', Key: 'd/e' })).Body).toString()).toBe('nested')
  })
})

describe('atomic puts', () => {
  it('leaves no temp file behind, and concurrent puts to one key end with one whole body', async () => {
    const bodies = Array.from({ length: 20 }, (_, i) => `body-${i}-`.repeat(5000))
    await Promise.all(bodies.map((Body) => s3.putObject({ Bucket: 'raw', Key: 'hot/key.txt', Body })))
    const final = Buffer.from((await s3.getObject({ Bucket: 'raw', Key: 'hot/key.txt' })).Body).toString()
    expect(bodies).toContain(final)
    expect(await allFiles(root)).toEqual([join(root, 'raw', 'hot', 'key.txt')])
  })

  it('never lets a reader see half an object while it is being replaced', async () => {
    const size = 512 * 1024
    const a = 'a'.repeat(size)
    const b = 'b'.repeat(size)
    await s3.putObject({ Bucket: 'raw', Key: 'big', Body: a })
    const writes = Array.from({ length: 10 }, (_, i) => s3.putObject({ Bucket: 'raw', Key: 'big', Body: i % 2 === 0 ? b : a }))
    const reads = Array.from({ length: 30 }, () => s3.getObject({ Bucket: 'raw', Key: 'big' }))
    const seen = await Promise.all(reads)
    await Promise.all(writes)
    for (const { Body, ContentLength } of seen) {
      const text = Buffer.from(Body).toString()
      expect(ContentLength).toBe(size)
      expect(text === a || text === b).toBe(true)
    }
  })

  it('keeps a put that crashed half way (a stray temp file) out of listings and reads', async () => {
    await s3.putObject({ Bucket: 'raw', Key: 'sub/real.csv', Body: 'x' })
    const { writeFile } = await import('node:fs/promises')
    await writeFile(join(root, 'raw', '.dlc-tmp-crashed'), 'half')
    await writeFile(join(root, 'raw', 'sub', '.dlc-tmp-crashed-too'), 'half')
    const listing = await s3.listObjectsV2({ Bucket: 'raw' })
    expect(listing.Contents?.map((object) => object.Key)).toEqual(['sub/real.csv'])
    expect((await stat(join(root, 'raw', '.dlc-tmp-crashed'))).isFile()).toBe(true)
  })
})
