import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { run } from '@dlc/runtime'
import { LocalS3 } from '../../src/s3/index.js'

/** A handler that counts how many of its calls run at the same time. */
function concurrencyProbe(): { handler: () => Promise<string>; peak: () => number } {
  let running = 0
  let peak = 0
  return {
    handler: async () => {
      running += 1
      peak = Math.max(peak, running)
      await new Promise((resolve) => setTimeout(resolve, 20))
      running -= 1
      return 'ok'
    },
    peak: () => peak,
  }
}

const mapOver = (maxConcurrency: number, mode = 'INLINE') => ({
  StartAt: 'Each',
  States: {
    Each: {
      Type: 'Map',
      MaxConcurrency: maxConcurrency,
      ItemProcessor: { ProcessorConfig: mode === 'INLINE' ? { Mode: 'INLINE' } : { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' }, StartAt: 'Work', States: { Work: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } },
      End: true,
    },
  },
})

describe('Map and Parallel run their branches at once', () => {
  it('runs at most MaxConcurrency iterations at a time, and really that many', async () => {
    const probe = concurrencyProbe()
    const execution = await run(mapOver(3), Array.from({ length: 12 }, (_, index) => index), { handlers: { 'arn:aws:states:::lambda:invoke': probe.handler } })
    expect(execution.output).toEqual(Array.from({ length: 12 }, () => 'ok'))
    expect(probe.peak()).toBe(3)
  })

  it('runs every iteration at once with MaxConcurrency 0, in a Distributed Map too', async () => {
    const inline = concurrencyProbe()
    await run(mapOver(0), [1, 2, 3, 4, 5], { handlers: { 'arn:aws:states:::lambda:invoke': inline.handler } })
    expect(inline.peak()).toBe(5)
    const distributed = concurrencyProbe()
    const execution = await run(mapOver(2, 'DISTRIBUTED'), [1, 2, 3, 4, 5], { handlers: { 'arn:aws:states:::lambda:invoke': distributed.handler } })
    expect(execution.output).toEqual(['ok', 'ok', 'ok', 'ok', 'ok'])
    expect(distributed.peak()).toBe(2)
  })

  it('starts every Parallel branch before any finishes, and keeps branch order in the result', async () => {
    const probe = concurrencyProbe()
    const branch = (name: string) => ({ StartAt: name, States: { [name]: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', ResultSelector: { branch: name }, End: true } } })
    const execution = await run({ StartAt: 'Both', States: { Both: { Type: 'Parallel', Branches: [branch('A'), branch('B'), branch('C')], End: true } } }, {}, { handlers: { 'arn:aws:states:::lambda:invoke': probe.handler } })
    expect(execution.output).toEqual([{ branch: 'A' }, { branch: 'B' }, { branch: 'C' }])
    expect(probe.peak()).toBe(3)
  })

  it('stops the other branches when one fails', async () => {
    const calls: string[] = []
    const definition = {
      StartAt: 'Both',
      States: {
        Both: {
          Type: 'Parallel',
          Branches: [
            { StartAt: 'Fails', States: { Fails: { Type: 'Fail', Error: 'Broken', Cause: 'on purpose' } } },
            { StartAt: 'Waits', States: { Waits: { Type: 'Wait', Seconds: 60, Next: 'After' }, After: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true } } },
          ],
          End: true,
        },
      },
    }
    const execution = await run(definition, {}, { handlers: { 'arn:aws:states:::lambda:invoke': () => calls.push('After') } })
    expect(execution).toMatchObject({ status: 'FAILED', error: 'Broken', cause: 'on purpose' })
    expect(calls).toEqual([])
    expect(execution.history.map((event) => event.type)).toContain('ParallelStateFailed')
  })
})

describe('the virtual clock', () => {
  const crawlerLoop = {
    StartAt: 'Start',
    States: {
      Start: { Type: 'Pass', Result: { polls: 0 }, Next: 'Wait' },
      Wait: { Type: 'Wait', Seconds: 30, Next: 'Count' },
      Count: { Type: 'Pass', Parameters: { 'polls.$': 'States.MathAdd($.polls, 1)' }, Next: 'Done?' },
      'Done?': { Type: 'Choice', Choices: [{ Variable: '$.polls', NumericGreaterThanEquals: 120, Next: 'Ready' }], Default: 'Wait' },
      Ready: { Type: 'Succeed' },
    },
  }

  it('runs an hour of 30-second polls at once, with history times an hour apart', async () => {
    const started = Date.now()
    const execution = await run(crawlerLoop, {}, { startTime: new Date('2026-11-24T02:00:00Z') })
    expect(Date.now() - started).toBeLessThan(5000)
    expect(execution.output).toEqual({ polls: 120 })
    expect(execution.stopDate.getTime() - execution.startDate.getTime()).toBeGreaterThanOrEqual(3_600_000)
    expect(execution.startDate.toISOString()).toBe('2026-11-24T02:00:00.000Z')
  })

  it('waits side by side in Parallel branches: the longest wait, not the sum', async () => {
    const wait = (seconds: number) => ({ StartAt: `Wait ${seconds}`, States: { [`Wait ${seconds}`]: { Type: 'Wait', Seconds: seconds, End: true } } })
    const execution = await run({ StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [wait(600), wait(300), wait(900)], End: true } } }, {})
    const elapsed = execution.stopDate.getTime() - execution.startDate.getTime()
    expect(elapsed).toBeGreaterThanOrEqual(900_000)
    expect(elapsed).toBeLessThan(1_000_000)
  })

  it('times the whole execution out at TimeoutSeconds, stopping its branches', async () => {
    const execution = await run({ TimeoutSeconds: 100, StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 3600, End: true } } }, {})
    expect(execution.status).toBe('TIMED_OUT')
    expect(execution.history.at(-1)?.type).toBe('ExecutionTimedOut')
  })

  it('sleeps for real on request', async () => {
    const started = Date.now()
    const execution = await run({ StartAt: 'W', States: { W: { Type: 'Wait', Seconds: 1, End: true } } }, {}, { clock: 'real' })
    expect(execution.status).toBe('SUCCEEDED')
    expect(Date.now() - started).toBeGreaterThanOrEqual(990)
  })
})

describe('a Distributed Map over the local S3 folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'dlc-map-'))
  afterAll(() => rmSync(root, { recursive: true, force: true }))

  it('reads a CSV with ItemReader, batches it, fails within tolerance and writes results with ResultWriter', async () => {
    const s3 = new LocalS3(root)
    await s3.createBucket({ Bucket: 'lake' })
    await s3.putObject({ Bucket: 'lake', Key: 'orders/2026-11-24.csv', Body: 'id,amount\n1,10\n2,-5\n3,7\n4,2\n' })
    const definition = {
      StartAt: 'Orders',
      States: {
        Orders: {
          Type: 'Map',
          ItemReader: { Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }, Parameters: { Bucket: 'lake', 'Key.$': '$.key' } },
          ItemBatcher: { MaxItemsPerBatch: 2, BatchInput: { source: 'csv' } },
          ToleratedFailureCount: 1,
          ItemProcessor: {
            ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' },
            StartAt: 'Check',
            States: {
              Check: { Type: 'Choice', Choices: [{ Variable: '$.Items[1].amount', StringMatches: '-*', Next: 'Reject' }], Default: 'Accept' },
              Reject: { Type: 'Fail', Error: 'NegativeAmount', Cause: 'an amount below zero' },
              Accept: { Type: 'Pass', End: true },
            },
          },
          ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'lake', Prefix: 'results' } },
          End: true,
        },
      },
    }
    const execution = await run(definition, { key: 'orders/2026-11-24.csv' }, { s3 })
    expect(execution.status).toBe('SUCCEEDED')
    const details = (execution.output as { ResultWriterDetails: { Bucket: string; Key: string } }).ResultWriterDetails
    expect(details.Bucket).toBe('lake')
    const manifest = JSON.parse(readFileSync(join(root, 'lake', details.Key), 'utf8')) as { ResultFiles: Record<string, Array<{ Key: string }>> }
    const succeeded = JSON.parse(readFileSync(join(root, 'lake', manifest.ResultFiles.SUCCEEDED![0]!.Key), 'utf8')) as Array<{ Input: string }>
    const failed = JSON.parse(readFileSync(join(root, 'lake', manifest.ResultFiles.FAILED![0]!.Key), 'utf8')) as Array<{ Error: string; Input: string }>
    expect(succeeded.map((entry) => JSON.parse(entry.Input))).toEqual([{ BatchInput: { source: 'csv' }, Items: [{ id: '3', amount: '7' }, { id: '4', amount: '2' }] }])
    expect(failed.map((entry) => entry.Error)).toEqual(['NegativeAmount'])
  })

  it('fails with States.ExceedToleratedFailureThreshold past the tolerated failures', async () => {
    const definition = {
      StartAt: 'Each',
      States: {
        Each: {
          Type: 'Map',
          ToleratedFailurePercentage: 25,
          ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' }, StartAt: 'Odd?', States: { 'Odd?': { Type: 'Choice', Choices: [{ Variable: '$.n', NumericGreaterThan: 1, Next: 'No' }], Default: 'Yes' }, No: { Type: 'Fail', Error: 'TooBig' }, Yes: { Type: 'Succeed' } } },
          End: true,
        },
      },
    }
    const execution = await run(definition, [{ n: 1 }, { n: 2 }, { n: 3 }, { n: 1 }])
    expect(execution).toMatchObject({ status: 'FAILED', error: 'States.ExceedToleratedFailureThreshold' })
  })
})
