import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { StatesError, type TaskCall } from '../../src/interpreter/index.js'
import { placeBatch } from '../../src/local-run/index.js'
import { localServices } from '../../src/services/index.js'
import { exampleEnvironment } from './lake-fixture.js'

const call = (resource: string): TaskCall => ({
  resource,
  stateName: 'State',
  attempt: 0,
  context: { State: { Name: 'State', EnteredTime: '2026-11-25T03:00:00.000Z' } },
  signal: new AbortController().signal,
  heartbeat: () => {},
})

let cleanup: (() => Promise<void>) | undefined
afterEach(async () => {
  await cleanup?.()
  cleanup = undefined
})

async function services() {
  const lake = await exampleEnvironment()
  cleanup = lake.done
  const handlers = localServices(lake.env)
  const invoke = async (resource: string, input: unknown): Promise<unknown> => handlers[resource]!(input, call(resource))
  return { ...lake, invoke }
}

const failure = async (promise: Promise<unknown>): Promise<StatesError> => {
  const error = await promise.then(() => undefined, (caught: unknown) => caught)
  expect(error).toBeInstanceOf(StatesError)
  return error as StatesError
}

describe('the local S3 service', () => {
  it('lists a placed batch, and an empty prefix without Contents, as S3 answers', async () => {
    const { env, invoke } = await services()
    await placeBatch(env, 'sales', '2026-11-24', { 'a.csv': 'id\n1\n', 'b.csv': 'id\n2\n' })
    const bucket = env.pipeline.zone('raw').bucket
    const listed = (await invoke('arn:aws:states:::aws-sdk:s3:listObjectsV2', { Bucket: bucket, Prefix: 'raw/sales/2026-11-24/' })) as { KeyCount: number; Contents: Array<{ Key: string; Size: number }> }
    expect(listed.KeyCount).toBe(2)
    expect(listed.Contents.map((object) => [object.Key, object.Size])).toEqual([
      ['raw/sales/2026-11-24/a.csv', 5],
      ['raw/sales/2026-11-24/b.csv', 5],
    ])
    const empty = (await invoke('arn:aws:states:::aws-sdk:s3:listObjectsV2', { Bucket: bucket, Prefix: 'raw/sales/2026-11-23/' })) as Record<string, unknown>
    expect(empty.KeyCount).toBe(0)
    expect('Contents' in empty).toBe(false)
  })

  it('re-placing a batch replaces its files', async () => {
    const { env } = await services()
    await placeBatch(env, 'sales', '2026-11-24', { 'old.csv': 'id\n1\n' })
    await placeBatch(env, 'sales', '2026-11-24', { 'new.csv': 'id\n2\n' })
    const listed = await env.s3.listObjectsV2({ Bucket: env.pipeline.zone('raw').bucket, Prefix: 'raw/sales/2026-11-24/' })
    expect(listed.Contents?.map((object) => object.Key)).toEqual(['raw/sales/2026-11-24/new.csv'])
  })

  it('gets an object as text, and fails a missing key as the SDK integration names it', async () => {
    const { env, invoke } = await services()
    const bucket = env.pipeline.zone('rejected').bucket
    await env.s3.putObject({ Bucket: bucket, Key: 'rejected/_reports/sales/2026-11-24.json', Body: '{"rowsRead":3}' })
    const object = (await invoke('arn:aws:states:::aws-sdk:s3:getObject', { Bucket: bucket, Key: 'rejected/_reports/sales/2026-11-24.json' })) as { Body: string; ContentLength: number }
    expect(JSON.parse(object.Body)).toEqual({ rowsRead: 3 })
    expect(object.ContentLength).toBe(14)
    const missing = await failure(invoke('arn:aws:states:::aws-sdk:s3:getObject', { Bucket: bucket, Key: 'nothing.json' }))
    expect(missing.error).toBe('S3.NoSuchKeyException')
    expect((await failure(invoke('arn:aws:states:::aws-sdk:s3:getObject', { Bucket: 'no-such-bucket-local', Key: 'x' }))).error).toBe('S3.NoSuchBucketException')
  })

  it('puts, heads, copies and deletes objects as the SDK integrations answer', async () => {
    const { env, invoke } = await services()
    const bucket = env.pipeline.zone('raw').bucket
    const text = await invoke('arn:aws:states:::aws-sdk:s3:putObject', { Bucket: bucket, Key: 'notes/a.txt', Body: 'héllo' })
    expect(text).toEqual({ ETag: `"${createHash('md5').update('héllo', 'utf8').digest('hex')}"`, ServerSideEncryption: 'AES256' })
    await invoke('arn:aws:states:::aws-sdk:s3:putObject', { Bucket: bucket, Key: 'notes/state.json', Body: { batch: '2026-11-24', rows: [1, 2] } })
    expect(Buffer.from((await env.s3.getObject({ Bucket: bucket, Key: 'notes/state.json' })).Body).toString('utf8')).toBe('{"batch":"2026-11-24","rows":[1,2]}')

    const head = (await invoke('arn:aws:states:::aws-sdk:s3:headObject', { Bucket: bucket, Key: 'notes/a.txt' })) as Record<string, unknown>
    expect(head).toMatchObject({ ContentLength: 6, ETag: (text as { ETag: string }).ETag, AcceptRanges: 'bytes' })
    expect(Date.parse(head['LastModified'] as string)).not.toBeNaN()
    expect('Body' in head).toBe(false)

    const copied = (await invoke('arn:aws:states:::aws-sdk:s3:copyObject', { Bucket: bucket, Key: 'archive/a.txt', CopySource: `${bucket}/notes/a.txt` })) as { CopyObjectResult: { ETag: string } }
    expect(copied.CopyObjectResult.ETag).toBe((text as { ETag: string }).ETag)
    expect(Buffer.from((await env.s3.getObject({ Bucket: bucket, Key: 'archive/a.txt' })).Body).toString('utf8')).toBe('héllo')

    expect(await invoke('arn:aws:states:::aws-sdk:s3:deleteObject', { Bucket: bucket, Key: 'notes/a.txt' })).toEqual({})
    expect(await invoke('arn:aws:states:::aws-sdk:s3:deleteObject', { Bucket: bucket, Key: 'notes/a.txt' })).toEqual({})
    expect((await failure(invoke('arn:aws:states:::aws-sdk:s3:headObject', { Bucket: bucket, Key: 'notes/a.txt' }))).error).toBe('S3.NotFoundException')
    expect((await failure(invoke('arn:aws:states:::aws-sdk:s3:copyObject', { Bucket: bucket, Key: 'b.txt', CopySource: `${bucket}/notes/a.txt` }))).error).toBe('S3.NoSuchKeyException')
    expect((await failure(invoke('arn:aws:states:::aws-sdk:s3:putObject', { Bucket: bucket, Body: 'x' }))).error).toBe('S3.InvalidArgumentException')
  })
})

describe('the local SNS service', () => {
  const topicArn = 'arn:aws:sns:us-east-1:000000000000:dlc-sales-alerts-local'

  it('appends each message to the topic outbox, with its subscribers, and answers a MessageId', async () => {
    const { env, invoke } = await services()
    const first = (await invoke('arn:aws:states:::sns:publish', { TopicArn: topicArn, Subject: 'loaded', Message: 'Batch loaded.\nAll good.' })) as { MessageId: string }
    await invoke('arn:aws:states:::sns:publish', { TopicArn: topicArn, Message: 'second' })
    const lines = readFileSync(join(env.outboxDir, 'dlc-sales-alerts-local.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>)
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatchObject({ messageId: first.MessageId, topic: 'dlc-sales-alerts-local', subject: 'loaded', message: 'Batch loaded.\nAll good.', to: ['data-team@example.com'], time: '2026-11-25T03:00:00.000Z' })
    expect(lines[1]).not.toHaveProperty('subject')
  })

  it('fails as SNS does: an undeclared topic, an empty message, a subject over 100 characters', async () => {
    const { invoke } = await services()
    expect((await failure(invoke('arn:aws:states:::sns:publish', { TopicArn: `${topicArn}-other`, Message: 'x' }))).error).toBe('SNS.NotFoundException')
    expect((await failure(invoke('arn:aws:states:::sns:publish', { TopicArn: topicArn, Message: '' }))).error).toBe('SNS.InvalidParameterException')
    expect((await failure(invoke('arn:aws:states:::sns:publish', { TopicArn: topicArn, Subject: 's'.repeat(101), Message: 'x' }))).cause).toContain('at most 100 characters')
  })
})
