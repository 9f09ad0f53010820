import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  executionRecord,
  mapRunArn,
  ResultWriterFailed,
  transformResults,
  writeResults,
  type ChildExecution,
  type MapRunResults,
} from '../../src/distributed/index.js'
import { LocalS3 } from '../../src/s3/index.js'

const PUT = 'arn:aws:states:::s3:putObject'
const MACHINE = 'arn:aws:states:us-east-2:123456789012:stateMachine:orderProcessing'
const RUN = mapRunArn(MACHINE, 'getOrders', 'ad9b5f27-090b-3ac6-9beb-243cd77144a7')

let root: string
let s3: LocalS3

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dlc-writer-'))
  s3 = new LocalS3(root)
  await s3.createBucket({ Bucket: 'results' })
})

afterEach(async () => {
  await rm(root, { recursive: true, force: true })
})

function child(name: string, status: ChildExecution['status'], input: unknown, output?: unknown, failure?: { error: string; cause: string }): ChildExecution {
  return {
    executionArn: `arn:aws:states:us-east-2:123456789012:execution:orderProcessing/getOrders:${name}`,
    name,
    stateMachineArn: `${MACHINE}/getOrders`,
    status,
    input,
    ...(output === undefined ? {} : { output }),
    ...(failure === undefined ? {} : failure),
    startDate: new Date('2025-02-04T01:49:50.099Z'),
    stopDate: new Date('2025-02-04T01:49:50.163Z'),
  }
}

const ordersA = [{ customer_id: '145538', order_id: '100000' }, { customer_id: '898037', order_id: '100001' }]
const ordersB = [{ customer_id: '169881', order_id: '100005' }]
const ok1 = child('da4e9fc7-abab-3b27-9a77-a277e463b709', 'SUCCEEDED', { batch: 1 }, ordersA)
const ok2 = child('f43a56f7-d21e-3fe9-a40c-9b9b8d0adf5a', 'SUCCEEDED', { batch: 2 }, ordersB)
const bad = child('0c17ffd6-e8ad-44c0-a65b-a8b721007241', 'FAILED', { batch: 3 }, undefined, { error: 'States.TaskFailed', cause: 'boom' })

async function json(key: string): Promise<unknown> {
  return JSON.parse(Buffer.from((await s3.getObject({ Bucket: 'results', Key: key })).Body).toString('utf8'))
}

describe('executionRecord', () => {
  it("writes a succeeded child as the guide's Transformation NONE example does", () => {
    expect(executionRecord(ok1)).toEqual({
      ExecutionArn: 'arn:aws:states:us-east-2:123456789012:execution:orderProcessing/getOrders:da4e9fc7-abab-3b27-9a77-a277e463b709',
      Input: '{"batch":1}',
      InputDetails: { Included: true },
      Name: 'da4e9fc7-abab-3b27-9a77-a277e463b709',
      Output: '[{"customer_id":"145538","order_id":"100000"},{"customer_id":"898037","order_id":"100001"}]',
      OutputDetails: { Included: true },
      RedriveCount: 0,
      RedriveStatus: 'NOT_REDRIVABLE',
      RedriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven',
      StartDate: '2025-02-04T01:49:50.099Z',
      StateMachineArn: 'arn:aws:states:us-east-2:123456789012:stateMachine:orderProcessing/getOrders',
      Status: 'SUCCEEDED',
      StopDate: '2025-02-04T01:49:50.163Z',
    })
  })

  it('gives a failed child its Error and Cause and no Output', () => {
    const record = executionRecord(bad)
    expect(record).toMatchObject({ Error: 'States.TaskFailed', Cause: 'boom', Status: 'FAILED', Input: '{"batch":3}' })
    expect(record).not.toHaveProperty('Output')
    expect(record).not.toHaveProperty('OutputDetails')
  })
})

describe('transformResults (WriterConfig without export)', () => {
  it("COMPACT keeps each child's output, FLATTEN spreads array outputs, NONE gives records, as the guide's examples", () => {
    expect(transformResults([ok1, ok2])).toEqual([ordersA, ordersB])
    expect(transformResults([ok1, ok2], { Transformation: 'COMPACT' })).toEqual([ordersA, ordersB])
    expect(transformResults([ok1, ok2], { Transformation: 'FLATTEN', OutputType: 'JSON' })).toEqual([...ordersA, ...ordersB])
    expect(transformResults([ok1], { Transformation: 'NONE' })).toEqual([executionRecord(ok1)])
  })

  it('returns a failed child unchanged, as a record, whatever the transformation', () => {
    expect(transformResults([ok2, bad], { Transformation: 'FLATTEN' })).toEqual([...ordersB, executionRecord(bad)])
  })
})

describe('writeResults', () => {
  const run: MapRunResults = { mapRunArn: RUN, succeeded: [ok1, ok2], failed: [bad] }

  it('writes SUCCEEDED_0.json, FAILED_0.json and manifest.json under <Prefix>/<map run id>/ and returns the ResultWriterDetails', async () => {
    const output = await writeResults({ Resource: PUT, Parameters: { Bucket: 'results', Prefix: 'csvProcessJobs' } }, s3, run)
    const folder = 'csvProcessJobs/ad9b5f27-090b-3ac6-9beb-243cd77144a7/'
    expect(output).toEqual({ MapRunArn: RUN, ResultWriterDetails: { Bucket: 'results', Key: `${folder}manifest.json` } })

    const listed = await s3.listObjectsV2({ Bucket: 'results' })
    expect(listed.Contents?.map((object) => object.Key)).toEqual([`${folder}FAILED_0.json`, `${folder}SUCCEEDED_0.json`, `${folder}manifest.json`])
    const sizes = Object.fromEntries(listed.Contents?.map((object) => [object.Key, object.Size]) ?? [])

    expect(await json(`${folder}SUCCEEDED_0.json`)).toEqual([executionRecord(ok1), executionRecord(ok2)])
    expect(await json(`${folder}FAILED_0.json`)).toEqual([executionRecord(bad)])
    expect(await json(`${folder}manifest.json`)).toEqual({
      DestinationBucket: 'results',
      MapRunArn: RUN,
      ResultFiles: {
        FAILED: [{ Key: `${folder}FAILED_0.json`, Size: sizes[`${folder}FAILED_0.json`] }],
        PENDING: [],
        SUCCEEDED: [{ Key: `${folder}SUCCEEDED_0.json`, Size: sizes[`${folder}SUCCEEDED_0.json`] }],
      },
    })
  })

  it('writes no file for a status without results, and PENDING_0.json for children never started', async () => {
    const output = await writeResults({ Resource: PUT, Arguments: { Bucket: 'results' } }, s3, { mapRunArn: RUN, succeeded: [], failed: [bad], pending: [{ batch: 4 }] })
    const folder = 'ad9b5f27-090b-3ac6-9beb-243cd77144a7/'
    expect(output.ResultWriterDetails.Key).toBe(`${folder}manifest.json`)
    const manifest = (await json(`${folder}manifest.json`)) as { ResultFiles: Record<string, { Key: string }[]> }
    expect(manifest.ResultFiles['SUCCEEDED']).toEqual([])
    expect(manifest.ResultFiles['PENDING']?.map((file) => file.Key)).toEqual([`${folder}PENDING_0.json`])
    expect(await json(`${folder}PENDING_0.json`)).toEqual([{ Input: '{"batch":4}', InputDetails: { Included: true } }])
  })

  it('does not double the slash of a Prefix that ends with one', async () => {
    const output = await writeResults({ Resource: PUT, Parameters: { Bucket: 'results', Prefix: 'runs/2026-11-25/' } }, s3, run)
    expect(output.ResultWriterDetails.Key).toBe('runs/2026-11-25/ad9b5f27-090b-3ac6-9beb-243cd77144a7/manifest.json')
  })

  it('shapes the succeeded file by WriterConfig (FLATTEN, COMPACT) and writes JSON Lines for OutputType JSONL; failures stay records', async () => {
    const flat = await writeResults({ Resource: PUT, Parameters: { Bucket: 'results', Prefix: 'flat' }, WriterConfig: { Transformation: 'FLATTEN', OutputType: 'JSON' } }, s3, run)
    const flatFolder = flat.ResultWriterDetails.Key.replace('manifest.json', '')
    expect(await json(`${flatFolder}SUCCEEDED_0.json`)).toEqual([...ordersA, ...ordersB])
    expect(await json(`${flatFolder}FAILED_0.json`)).toEqual([executionRecord(bad)])

    const lines = await writeResults({ Resource: PUT, Parameters: { Bucket: 'results', Prefix: 'lines' }, WriterConfig: { Transformation: 'COMPACT', OutputType: 'JSONL' } }, s3, run)
    const linesFolder = lines.ResultWriterDetails.Key.replace('manifest.json', '')
    const text = Buffer.from((await s3.getObject({ Bucket: 'results', Key: `${linesFolder}SUCCEEDED_0.json` })).Body).toString('utf8')
    expect(text).toBe(`${JSON.stringify(ordersA)}\n${JSON.stringify(ordersB)}\n`)
  })

  it('leaves no temp file behind', async () => {
    await writeResults({ Resource: PUT, Parameters: { Bucket: 'results', Prefix: 'p' } }, s3, run)
    const files = await readdir(join(root, 'results'), { recursive: true })
    expect(files.filter((file) => file.includes('.dlc-tmp-'))).toEqual([])
  })

  it('fails with States.ResultWriterFailed when the bucket is missing or the resource is not putObject', async () => {
    const missing = await writeResults({ Resource: PUT, Parameters: { Bucket: 'no-such-bucket', Prefix: 'p' } }, s3, run).catch((error: unknown) => error)
    expect(missing).toBeInstanceOf(ResultWriterFailed)
    expect((missing as ResultWriterFailed).name).toBe('States.ResultWriterFailed')
    expect((missing as ResultWriterFailed).cause).toContain('NoSuchBucket: The specified bucket does not exist.')
    const resource = await writeResults({ Resource: 'arn:aws:states:::s3:getObject', Parameters: { Bucket: 'results' } }, s3, run).catch((error: unknown) => error)
    expect((resource as ResultWriterFailed).cause).toContain('is not arn:aws:states:::s3:putObject')
  })
})

describe('mapRunArn', () => {
  it('builds the Map Run ARN from the state machine ARN, the label and the run id', () => {
    expect(mapRunArn('arn:aws:states:us-east-1:123456789012:stateMachine:demoWorkflow', 'demoLabel', '3c39a231-69bb-3d89-8607-9e124eddbb0b')).toBe(
      'arn:aws:states:us-east-1:123456789012:mapRun:demoWorkflow/demoLabel:3c39a231-69bb-3d89-8607-9e124eddbb0b',
    )
  })
})
