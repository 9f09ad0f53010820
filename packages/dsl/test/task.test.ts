import { describe, expect, it } from 'vitest'
import { awsSdk, lambdaInvoke, rawPath, States, type, workflow, type ErrorOutput } from '@dlc/dsl'
import { expectGolden } from './support/golden.js'

interface Order {
  readonly orderId: string
  readonly customer: { readonly email: string; readonly tier: 'gold' | 'basic' }
  readonly timeout: number
}

describe('Task', () => {
  it('JSONata: Arguments, Output, Assign, Retry, Catch, dynamic timeouts and credentials', async () => {
    const wf = workflow('task-jsonata', { input: type<Order>(), comment: 'Task fields in JSONata' }).define((f) =>
      f
        .also<ErrorOutput>((h) =>
          h.task('Manual review', {
            resource: awsSdk('sqs', 'sendMessage'),
            arguments: ($) => ({ QueueUrl: '${ReviewQueueUrl}', MessageBody: $.input.Cause }),
          }),
        )
        .task('Score order', {
          comment: 'Calls the scoring function',
          resource: lambdaInvoke<{ score: number }>('score-order'),
          arguments: ($) => ({ Payload: { id: $.input.orderId, email: $.input.customer.email } }),
          output: ($) => ({ orderId: $.input.orderId, score: $.result.Payload.score }),
          assign: ($) => ({ lastScore: $.result.Payload.score }),
          timeoutSeconds: ($) => $.input.timeout,
          heartbeatSeconds: 60,
          credentials: { roleArn: 'arn:aws:iam::111122223333:role/scoring' },
          retry: [
            {
              errorEquals: ['Lambda.TooManyRequestsException', 'Lambda.ServiceException'],
              intervalSeconds: 2,
              maxAttempts: 6,
              backoffRate: 2,
              maxDelaySeconds: 60,
              jitterStrategy: 'FULL',
            },
            { errorEquals: ['States.ALL'], maxAttempts: 0 },
          ],
          catch: [
            { errorEquals: ['States.Timeout'], comment: 'slow scorer', goto: 'Manual review' },
            {
              errorEquals: ['States.ALL'],
              assign: ($) => ({ failure: $.errorOutput.Error }),
              then: (h) => h.fail('Scoring failed', { error: 'ScoringFailed', cause: ($) => $.input.Cause }),
            },
          ],
        })
        .succeed('Scored'),
    )
    const asl = await expectGolden('task-jsonata', wf)
    expect(Object.keys(asl.States as object)).toEqual(['Score order', 'Scoring failed', 'Scored', 'Manual review'])
  })

  it('JSONPath: Parameters with .$ fields, ResultSelector, ResultPath, OutputPath, InputPath and *Path timeouts', async () => {
    const wf = workflow('task-jsonpath', { queryLanguage: 'JSONPath', input: type<{ job: { bucket: string; prefix: string; limit: number }; other: string }>() }).define((f) =>
      f
        .also<{ error: ErrorOutput }>((h) => h.fail('Listing failed', { error: 'ListFailed', cause: ($) => $.input.error.Cause }))
        .task('List batch', {
          resource: awsSdk<{ KeyCount: number; Contents: { Key: string }[] }>('s3', 'listObjectsV2'),
          inputPath: '$.job',
          parameters: ($) => ({
            Bucket: $.input.job.bucket,
            Prefix: States.Format('raw/{}/', $.input.job.prefix),
            'MaxKeys.$': '$.limit',
            StartAfter: rawPath('$$.Execution.Name'),
          }),
          resultSelector: ($) => ({ count: $.result.KeyCount, first: States.ArrayGetItem($.result.Contents, 0) }),
          resultPath: '$.listing',
          outputPath: '$.listing',
          timeoutSeconds: ($) => $.input.job.limit,
          heartbeatSeconds: ($) => $.input.job.limit,
          assign: ($) => ({ files: $.result.KeyCount, executionName: $.context.Execution.Name }),
          retry: [{ errorEquals: ['S3.S3Exception'], intervalSeconds: 1, maxAttempts: 2 }],
          catch: [
            { errorEquals: ['States.Timeout'], resultPath: '$.error', goto: 'Listing failed' },
            { errorEquals: ['States.ALL'], assign: ($) => ({ lastError: $.errorOutput.Error }), then: (h) => h.fail('Listing failed hard', { error: 'ListFailed', cause: ($) => $.input.Cause }) },
          ],
        })
        .succeed('Listed'),
    )
    await expectGolden('task-jsonpath', wf)
  })

  it('rebases typed input paths onto what InputPath selected, and refuses paths outside it', () => {
    const outside = workflow('outside-input-path', { queryLanguage: 'JSONPath', input: type<{ job: { id: string }; other: string }>() }).define((f) =>
      f.pass('P', { inputPath: '$.job', parameters: ($) => ({ id: $.input.job.id, other: $.input.other }) }),
    )
    expect(() => outside.build()).toThrowError(expect.objectContaining({ location: '/States/P/Parameters/other', hint: 'InputPath keeps only $.job' }))
  })

  it('a Lambda integration sends the whole input as Payload unless told otherwise', () => {
    const jsonata = workflow('lambda-default').define((f) => f.task('Call', { resource: lambdaInvoke('arn:aws:lambda:us-east-1:111122223333:function:echo') }))
    const jsonpath = workflow('lambda-default-jp', { queryLanguage: 'JSONPath' }).define((f) => f.task('Call', { resource: lambdaInvoke('echo') }))
    const [a, b] = [jsonata.build().states[0], jsonpath.build().states[0]] as const
    expect(a).toMatchObject({ arguments: { FunctionName: 'arn:aws:lambda:us-east-1:111122223333:function:echo', Payload: '{% $states.input %}' } })
    expect(b).toMatchObject({ parameters: { FunctionName: '${EchoFunctionArn}', 'Payload.$': '$' } })
    expect(jsonpath.build().resources).toEqual([{ kind: 'ResourceRef', id: 'EchoFunctionArn', type: 'lambda:function', name: 'echo', attribute: 'arn' }])
  })

  it('a raw Resource ARN is kept as written, placeholders included', () => {
    const wf = workflow('raw-resource').define((f) =>
      f.task('Run', { resource: 'arn:aws:states:::glue:startJobRun.sync', arguments: { JobName: '${EtlJobName}' } }),
    )
    expect(wf.build().states[0]).toMatchObject({ resource: 'arn:aws:states:::glue:startJobRun.sync', arguments: { JobName: '${EtlJobName}' } })
  })

  it('rejects fields of the other language with a hint naming the counterpart', () => {
    const build = () =>
      workflow('wrong-field')
        .define((f) => f.task('Call', { resource: awsSdk('s3', 'listBuckets'), parameters: { MaxBuckets: 1 } }))
        .build()
    expect(build).toThrowError(expect.objectContaining({ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/Call/Parameters', hint: 'in JSONata use arguments' }))
  })

  it('refuses a JSONata expression in a JSONPath field and a path outside an object key', () => {
    const wf = workflow('path-in-array', { queryLanguage: 'JSONPath', input: type<{ a: string }>() }).define((f) =>
      f.pass('P', { parameters: ($) => ({ list: [$.input.a] }) }),
    )
    expect(() => wf.build()).toThrowError(expect.objectContaining({ location: '/States/P/Parameters/list/0', hint: 'use States.Array(...) to build the array' }))
  })
})
