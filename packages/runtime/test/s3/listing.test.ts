import { createHash } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { compareKeys, LocalS3, S3Error, type ListObjectsV2Input, type ListObjectsV2Output } from '../../src/s3/index.js'

let root: string
let s3: LocalS3

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dlc-s3-list-'))
  s3 = new LocalS3(root)
  await s3.createBucket({ Bucket: 'lake' })
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

const md5 = (text: string): string => `"${createHash('md5').update(text).digest('hex')}"`

async function put(...keys: string[]): Promise<void> {
  for (const key of keys) await s3.putObject({ Bucket: 'lake', Key: key, Body: `body of ${key}` })
}

async function allPages(input: Omit<ListObjectsV2Input, 'Bucket'>): Promise<ListObjectsV2Output[]> {
  const pages: ListObjectsV2Output[] = []
  let token: string | undefined
  do {
    const page = await s3.listObjectsV2({ Bucket: 'lake', ...input, ...(token === undefined ? {} : { ContinuationToken: token }) })
    pages.push(page)
    token = page.NextContinuationToken
  } while (token !== undefined)
  return pages
}

describe('listObjectsV2', () => {
  it('returns the SDK shape: every object with Key, LastModified, ETag, Size and STANDARD storage', async () => {
    await put('b.csv', 'a.csv')
    const page = await s3.listObjectsV2({ Bucket: 'lake' })
    expect(page).toEqual({
      Name: 'lake',
      Prefix: '',
      MaxKeys: 1000,
      KeyCount: 2,
      IsTruncated: false,
      Contents: [
        { Key: 'a.csv', LastModified: expect.any(Date), ETag: md5('body of a.csv'), Size: 13, StorageClass: 'STANDARD' },
        { Key: 'b.csv', LastModified: expect.any(Date), ETag: md5('body of b.csv'), Size: 13, StorageClass: 'STANDARD' },
      ],
    })
  })

  it('leaves Contents and CommonPrefixes out when there are none, as the SDK does', async () => {
    const page = await s3.listObjectsV2({ Bucket: 'lake', Prefix: 'nothing/' })
    expect(page).not.toHaveProperty('Contents')
    expect(page).not.toHaveProperty('CommonPrefixes')
    expect(page.KeyCount).toBe(0)
  })

  it('orders keys by their UTF-8 bytes, not by JavaScript string order', async () => {
    const keys = ['\u{1F600}.txt', '\uFFFD.txt', 'Z.txt', 'a.txt', 'a-b.txt', 'a/b.txt', 'ä.txt']
    await put(...keys)
    const listed = (await s3.listObjectsV2({ Bucket: 'lake' })).Contents?.map((object) => object.Key)
    expect(listed).toEqual(['Z.txt', 'a-b.txt', 'a.txt', 'a/b.txt', 'ä.txt', '\uFFFD.txt', '\u{1F600}.txt'])
    expect([...keys].sort()).not.toEqual(listed)
    expect(compareKeys('\uFFFD', '\u{1F600}')).toBeLessThan(0)
  })

  it('filters by Prefix, including a prefix that ends inside a file name', async () => {
    await put('sales/2026-11-24/a.csv', 'sales/2026-11-25/a.csv', 'sales/2026-11-25/b.csv', 'salesman.txt', 'other/x')
    const byDay = await s3.listObjectsV2({ Bucket: 'lake', Prefix: 'sales/2026-11-25/' })
    expect(byDay.Contents?.map((object) => object.Key)).toEqual(['sales/2026-11-25/a.csv', 'sales/2026-11-25/b.csv'])
    expect(byDay.Prefix).toBe('sales/2026-11-25/')
    const partial = await s3.listObjectsV2({ Bucket: 'lake', Prefix: 'sales' })
    expect(partial.Contents?.map((object) => object.Key)).toEqual(['sales/2026-11-24/a.csv', 'sales/2026-11-25/a.csv', 'sales/2026-11-25/b.csv', 'salesman.txt'])
    expect((await s3.listObjectsV2({ Bucket: 'lake', Prefix: '../' })).KeyCount).toBe(0)
  })

  it('rolls keys up into CommonPrefixes at the Delimiter, counting each prefix once in KeyCount', async () => {
    await put('raw/a.csv', 'raw/b/c.csv', 'raw/b/d.csv', 'raw/e/f.csv', 'top.txt')
    const top = await s3.listObjectsV2({ Bucket: 'lake', Delimiter: '/' })
    expect(top.CommonPrefixes).toEqual([{ Prefix: 'raw/' }])
    expect(top.Contents?.map((object) => object.Key)).toEqual(['top.txt'])
    expect(top.KeyCount).toBe(2)
    expect(top.Delimiter).toBe('/')

    const inside = await s3.listObjectsV2({ Bucket: 'lake', Prefix: 'raw/', Delimiter: '/' })
    expect(inside.Contents?.map((object) => object.Key)).toEqual(['raw/a.csv'])
    expect(inside.CommonPrefixes).toEqual([{ Prefix: 'raw/b/' }, { Prefix: 'raw/e/' }])
  })

  it('supports a delimiter other than /', async () => {
    await put('2026-11-24_a', '2026-11-24_b', '2026-11-25_a', 'plain')
    const page = await s3.listObjectsV2({ Bucket: 'lake', Delimiter: '_' })
    expect(page.CommonPrefixes).toEqual([{ Prefix: '2026-11-24_' }, { Prefix: '2026-11-25_' }])
    expect(page.Contents?.map((object) => object.Key)).toEqual(['plain'])
  })

  it('pages with MaxKeys and ContinuationToken, each key exactly once and in order', async () => {
    const keys = Array.from({ length: 25 }, (_, i) => `part-${String(i).padStart(3, '0')}.csv`)
    await put(...[...keys].reverse())
    const pages = await allPages({ MaxKeys: 10 })
    expect(pages.map((page) => page.KeyCount)).toEqual([10, 10, 5])
    expect(pages.map((page) => page.IsTruncated)).toEqual([true, true, false])
    expect(pages.flatMap((page) => page.Contents?.map((object) => object.Key) ?? [])).toEqual(keys)
    expect(pages[1]?.ContinuationToken).toBe(pages[0]?.NextContinuationToken)
    expect(pages[2]).not.toHaveProperty('NextContinuationToken')
  })

  it('never repeats a common prefix on the next page', async () => {
    await put('a/1', 'a/2', 'a/3', 'b', 'c/1', 'd')
    const pages = await allPages({ Delimiter: '/', MaxKeys: 1 })
    const entries = pages.flatMap((page) => [...(page.CommonPrefixes?.map((prefix) => prefix.Prefix) ?? []), ...(page.Contents?.map((object) => object.Key) ?? [])])
    expect(entries).toEqual(['a/', 'b', 'c/', 'd'])
  })

  it('starts after StartAfter', async () => {
    await put('a', 'b', 'c', 'd')
    const page = await s3.listObjectsV2({ Bucket: 'lake', StartAfter: 'b' })
    expect(page.Contents?.map((object) => object.Key)).toEqual(['c', 'd'])
    expect(page.StartAfter).toBe('b')
  })

  it('caps a page at 1000 keys and defaults MaxKeys to 1000', async () => {
    await Promise.all(Array.from({ length: 1001 }, (_, i) => s3.putObject({ Bucket: 'lake', Key: `k/${String(i).padStart(4, '0')}`, Body: '' })))
    const first = await s3.listObjectsV2({ Bucket: 'lake', MaxKeys: 5000 })
    expect(first.KeyCount).toBe(1000)
    expect(first.IsTruncated).toBe(true)
    expect(first.MaxKeys).toBe(5000)
    const rest = await s3.listObjectsV2({ Bucket: 'lake', ContinuationToken: first.NextContinuationToken ?? '' })
    expect(rest.Contents?.map((object) => object.Key)).toEqual(['k/1000'])
    expect(rest.MaxKeys).toBe(1000)
  })

  it('returns an empty, untruncated page for MaxKeys 0', async () => {
    await put('a')
    const page = await s3.listObjectsV2({ Bucket: 'lake', MaxKeys: 0 })
    expect(page.KeyCount).toBe(0)
    expect(page.IsTruncated).toBe(false)
  })

  it('refuses a made-up continuation token and a missing bucket', async () => {
    const token = await s3.listObjectsV2({ Bucket: 'lake', ContinuationToken: 'not-a-token' }).catch((error: unknown) => error)
    expect(token).toBeInstanceOf(S3Error)
    expect((token as S3Error).name).toBe('InvalidArgument')
    const bucket = await s3.listObjectsV2({ Bucket: 'nope' }).catch((error: unknown) => error)
    expect((bucket as S3Error).name).toBe('NoSuchBucket')
  })
})
