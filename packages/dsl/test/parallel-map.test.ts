import { describe, expect, it } from 'vitest'
import { awsSdk, lambdaInvoke, type, workflow } from '@dlc/dsl'
import { expectGolden } from './support/golden.js'

interface Orders {
  readonly region: string
  readonly orders: readonly { readonly id: string; readonly amount: number }[]
  readonly concurrency: number
  readonly manifest: { readonly bucket: string; readonly key: string }
}

describe('Parallel', () => {
  it('JSONata: branches, Arguments, Output over the branch results, Retry and Catch', async () => {
    const wf = workflow('parallel-jsonata', { input: type<Orders>() }).define((f) =>
      f
        .parallel('Enrich', {
          arguments: ($) => ({ region: $.input.region }),
          branches: [
            (b) => b.task('Tax', { resource: lambdaInvoke<{ rate: number }>('tax-rate'), output: ($) => ({ rate: $.result.Payload.rate }) }),
            (b) => b.pass('Currency', { output: { currency: 'EUR' } }),
          ],
          output: ($) => ({ rate: $.result[0].rate, currency: $.result[1].currency }),
          retry: [{ errorEquals: ['States.BranchFailed'], maxAttempts: 1 }],
          catch: [{ errorEquals: ['States.ALL'], then: (h) => h.fail('Enrich failed') }],
        })
        .succeed('Done', { output: ($) => ({ rate: $.input.rate }) }),
    )
    await expectGolden('parallel-jsonata', wf)
  })

  it('JSONPath: Parameters, ResultSelector and ResultPath', async () => {
    const wf = workflow('parallel-jsonpath', { queryLanguage: 'JSONPath', input: type<Orders>() }).define((f) =>
      f.parallel('Both', {
        parameters: ($) => ({ region: $.input.region }),
        branches: [(b) => b.pass('A', { result: { a: 1 } }), (b) => b.pass('B', { result: { b: 2 } })],
        resultSelector: ($) => ({ first: $.result[0], second: $.result[1] }),
        resultPath: '$.both',
      }),
    )
    await expectGolden('parallel-jsonpath', wf)
  })
})

describe('Map', () => {
  it('inline, JSONata: Items, ItemSelector with the item and index, MaxConcurrency, Output', async () => {
    const wf = workflow('map-inline-jsonata', { input: type<Orders>() }).define((f) =>
      f.map('Each order', {
        items: ($) => $.input.orders,
        itemSelector: ($) => ({ id: $.item.id, position: $.index, region: $.input.region }),
        maxConcurrency: ($) => $.input.concurrency,
        processor: (p) =>
          p.task('Charge', {
            resource: awsSdk<{ ChargeId: string }>('dynamodb', 'putItem'),
            arguments: ($) => ({ TableName: 'charges', Item: { pk: { S: $.input.id } } }),
            output: ($) => ({ id: $.input.id }),
          }),
        output: ($) => ({ charged: $.result }),
      }),
    )
    await expectGolden('map-inline-jsonata', wf)
  })

  it('inline, JSONPath: ItemsPath, ItemSelector, MaxConcurrencyPath, ResultPath', async () => {
    const wf = workflow('map-inline-jsonpath', { queryLanguage: 'JSONPath', input: type<Orders>() }).define((f) =>
      f.map('Each order', {
        mode: 'INLINE',
        items: ($) => $.input.orders,
        itemSelector: ($) => ({ id: $.item.id, index: $.index }),
        maxConcurrency: ($) => $.input.concurrency,
        processor: (p) => p.pass('Item'),
        resultPath: '$.results',
      }),
    )
    await expectGolden('map-inline-jsonpath', wf)
  })

  it('Distributed: ItemReader, ItemBatcher, ResultWriter, tolerated failures, Label, EXPRESS children', async () => {
    const wf = workflow('map-distributed', { input: type<Orders>() }).define((f) =>
      f.map('Process files', {
        label: 'Files',
        executionType: 'EXPRESS',
        maxConcurrency: 100,
        toleratedFailurePercentage: 5,
        toleratedFailureCount: ($) => $.input.concurrency,
        itemReader: {
          resource: 'arn:aws:states:::s3:getObject',
          readerConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW', MaxItems: 1000 },
          arguments: ($) => ({ Bucket: $.input.manifest.bucket, Key: $.input.manifest.key }),
        },
        itemBatcher: { maxItemsPerBatch: 50, maxInputBytesPerBatch: 262144, batchInput: ($) => ({ region: $.input.region }) },
        resultWriter: { resource: 'arn:aws:states:::s3:putObject', arguments: { Bucket: 'results', Prefix: 'runs/' } },
        processor: (p) => p.pass('Batch'),
      }),
    )
    const asl = await expectGolden('map-distributed', wf)
    expect(asl).toMatchObject({ States: { 'Process files': { ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' } } } } })
  })

  it('Distributed, JSONPath: Parameters for reader and writer, WriterConfig, every *Path field, ResultSelector', async () => {
    const wf = workflow('map-distributed-jsonpath', {
      queryLanguage: 'JSONPath',
      input: type<{ bucket: string; key: string; batch: number; bytes: number; failures: number; percent: number; parallelism: number }>(),
    }).define((f) =>
      f.map('Process manifest', {
        mode: 'DISTRIBUTED',
        executionType: 'STANDARD',
        itemReader: {
          resource: 'arn:aws:states:::s3:getObject',
          readerConfig: { InputType: 'MANIFEST' },
          parameters: ($) => ({ Bucket: $.input.bucket, Key: $.input.key }),
        },
        itemSelector: ($) => ({ object: $.item, bucket: $.input.bucket }),
        itemBatcher: { maxItemsPerBatch: ($) => $.input.batch, maxInputBytesPerBatch: ($) => $.input.bytes, batchInput: { source: 'manifest' } },
        maxConcurrency: ($) => $.input.parallelism,
        toleratedFailureCount: ($) => $.input.failures,
        toleratedFailurePercentage: ($) => $.input.percent,
        resultWriter: {
          resource: 'arn:aws:states:::s3:putObject',
          parameters: ($) => ({ Bucket: $.input.bucket, Prefix: 'results/' }),
          writerConfig: { OutputType: 'JSONL', Transformation: 'FLATTEN' },
        },
        processor: (p) => p.pass('Handle batch'),
        resultSelector: ($) => ({ run: $.result }),
        resultPath: '$.mapRun',
      }),
    )
    await expectGolden('map-distributed-jsonpath', wf)
  })

  it('refuses Distributed-only fields on an INLINE Map', () => {
    expect(() =>
      workflow('bad-map').define((f) => f.map('M', { mode: 'INLINE', label: 'x', processor: (p) => p.pass('P') })),
    ).toThrowError(expect.objectContaining({ code: 'SCHEMA_VALIDATION_FAILED', hint: "set mode: 'DISTRIBUTED'" }))
  })

  it('a JSONPath Map needs a path for its items', () => {
    const wf = workflow('literal-items', { queryLanguage: 'JSONPath' }).define((f) => f.map('M', { items: [1, 2], processor: (p) => p.pass('P') }))
    expect(() => wf.build()).toThrowError(expect.objectContaining({ location: '/States/M/ItemsPath' }))
  })
})
