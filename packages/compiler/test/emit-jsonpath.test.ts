import { createNode, type StateNode } from '@dlc/dsl'
import { describe, it } from 'vitest'
import { emitDefinition } from '../src/index.js'
import { expectJson, graphOf, machineOf, pass, succeed } from './machines.js'

/** Emits one state in a JSONPath machine and returns it. */
function emitOne(state: StateNode): unknown {
  return emitDefinition(machineOf([state])).States[state.name]
}

describe('emitDefinition, JSONPath states', () => {
  it('emits a Task with input, result, timeouts, Retry and Catch in the fixed order', () => {
    const task = createNode<StateNode>({
      kind: 'Task',
      name: 'Load',
      comment: 'load the batch',
      next: 'Done',
      catch: [createNode({ kind: 'Catcher', errorEquals: ['States.ALL'], next: 'Failed', resultPath: '$.error', comment: 'any' })],
      retry: [
        createNode({
          kind: 'Retrier',
          errorEquals: ['Glue.ConcurrentRunsExceededException'],
          jitterStrategy: 'FULL',
          maxDelaySeconds: 60,
          backoffRate: 2,
          maxAttempts: 3,
          intervalSeconds: 5,
        }),
      ],
      outputPath: '$.load',
      resultPath: '$.load',
      resultSelector: { 'rows.$': '$.Payload.rows' },
      parameters: { 'FunctionName': '${OrdersFunctionArn}', 'Payload.$': '$', 'Zeta': 1, 'Alpha': 2 },
      inputPath: '$.batch',
      heartbeatSecondsPath: '$.heartbeat',
      timeoutSeconds: 300,
      credentials: { RoleArn: 'arn:aws:iam::123456789012:role/loader' },
      resource: 'arn:aws:states:::lambda:invoke',
      assign: { loaded: true },
    })
    expectJson(emitOne(task), {
      Type: 'Task',
      Comment: 'load the batch',
      Resource: 'arn:aws:states:::lambda:invoke',
      Credentials: { RoleArn: 'arn:aws:iam::123456789012:role/loader' },
      TimeoutSeconds: 300,
      HeartbeatSecondsPath: '$.heartbeat',
      InputPath: '$.batch',
      Parameters: { 'FunctionName': '${OrdersFunctionArn}', 'Payload.$': '$', 'Zeta': 1, 'Alpha': 2 },
      ResultSelector: { 'rows.$': '$.Payload.rows' },
      ResultPath: '$.load',
      OutputPath: '$.load',
      Assign: { loaded: true },
      Retry: [
        {
          ErrorEquals: ['Glue.ConcurrentRunsExceededException'],
          IntervalSeconds: 5,
          MaxAttempts: 3,
          BackoffRate: 2,
          MaxDelaySeconds: 60,
          JitterStrategy: 'FULL',
        },
      ],
      Catch: [{ ErrorEquals: ['States.ALL'], Comment: 'any', ResultPath: '$.error', Next: 'Failed' }],
      Next: 'Done',
    })
  })

  it('emits a Pass with Result and a null ResultPath', () => {
    const state = createNode<StateNode>({ kind: 'Pass', name: 'Seed', end: true, resultPath: null, result: { n: 1 }, inputPath: '$' })
    expectJson(emitOne(state), { Type: 'Pass', InputPath: '$', Result: { n: 1 }, ResultPath: null, End: true })
  })

  it('emits Choice rules as their expression keys in the user order, then Next', () => {
    const state = createNode<StateNode>({
      kind: 'Choice',
      name: 'Route',
      default: 'Other',
      choices: [
        createNode({ kind: 'ChoiceRule', next: 'Big', comment: 'many rows', rule: { Variable: '$.rows', NumericGreaterThan: 100 } }),
        createNode({
          kind: 'ChoiceRule',
          next: 'Empty',
          assign: { empty: true },
          rule: { And: [{ Variable: '$.rows', IsPresent: true }, { Variable: '$.rows', NumericEquals: 0 }] },
        }),
      ],
    })
    expectJson(emitOne(state), {
      Type: 'Choice',
      Choices: [
        { Variable: '$.rows', NumericGreaterThan: 100, Next: 'Big', Comment: 'many rows' },
        { And: [{ Variable: '$.rows', IsPresent: true }, { Variable: '$.rows', NumericEquals: 0 }], Next: 'Empty', Assign: { empty: true } },
      ],
      Default: 'Other',
    })
  })

  it('emits a Wait on a path', () => {
    const state = createNode<StateNode>({ kind: 'Wait', name: 'Pause', next: 'Go', outputPath: '$.x', secondsPath: '$.delay' })
    expectJson(emitOne(state), { Type: 'Wait', SecondsPath: '$.delay', OutputPath: '$.x', Next: 'Go' })
  })

  it('emits Succeed and Fail', () => {
    expectJson(emitOne(createNode<StateNode>({ kind: 'Succeed', name: 'Ok', outputPath: '$.result', inputPath: '$' })), {
      Type: 'Succeed',
      InputPath: '$',
      OutputPath: '$.result',
    })
    expectJson(emitOne(createNode<StateNode>({ kind: 'Fail', name: 'Bad', causePath: '$.cause', error: 'LoadFailed' })), {
      Type: 'Fail',
      Error: 'LoadFailed',
      CausePath: '$.cause',
    })
  })

  it('emits a Parallel with its branches as nested graphs', () => {
    const state = createNode<StateNode>({
      kind: 'Parallel',
      name: 'Fan',
      end: true,
      resultPath: '$.fan',
      branches: [graphOf([pass('A1', 'A2'), succeed('A2')], { comment: 'left' }), graphOf([pass('B1')])],
      parameters: { 'input.$': '$' },
    })
    expectJson(emitOne(state), {
      Type: 'Parallel',
      Parameters: { 'input.$': '$' },
      Branches: [
        { Comment: 'left', StartAt: 'A1', States: { A1: { Type: 'Pass', Next: 'A2' }, A2: { Type: 'Succeed' } } },
        { StartAt: 'B1', States: { B1: { Type: 'Pass', End: true } } },
      ],
      ResultPath: '$.fan',
      End: true,
    })
  })

  it('emits a Distributed Map with reader, batcher, processor config and writer', () => {
    const state = createNode<StateNode>({
      kind: 'Map',
      name: 'Files',
      next: 'Done',
      resultWriter: {
        writerConfig: { OutputType: 'JSONL', Transformation: 'NONE' },
        parameters: { Bucket: 'out', Prefix: 'results' },
        resource: 'arn:aws:states:::s3:putObject',
      },
      label: 'Files',
      toleratedFailurePercentagePath: '$.tolerance',
      maxConcurrency: 10,
      itemBatcher: { batchInput: { 'date.$': '$.date' }, maxInputBytesPerBatch: 1024, maxItemsPerBatch: 50 },
      itemSelector: { 'key.$': '$$.Map.Item.Value.Key' },
      itemReader: {
        parameters: { Bucket: 'raw', Prefix: 'sales/' },
        readerConfig: { MaxItems: 1000 },
        resource: 'arn:aws:states:::s3:listObjectsV2',
      },
      processorConfig: { executionType: 'EXPRESS', mode: 'DISTRIBUTED' },
      processor: graphOf([pass('Each')]),
      resultPath: null,
    })
    expectJson(emitOne(state), {
      Type: 'Map',
      ItemReader: {
        Resource: 'arn:aws:states:::s3:listObjectsV2',
        ReaderConfig: { MaxItems: 1000 },
        Parameters: { Bucket: 'raw', Prefix: 'sales/' },
      },
      ItemSelector: { 'key.$': '$$.Map.Item.Value.Key' },
      ItemBatcher: { MaxItemsPerBatch: 50, MaxInputBytesPerBatch: 1024, BatchInput: { 'date.$': '$.date' } },
      MaxConcurrency: 10,
      ToleratedFailurePercentagePath: '$.tolerance',
      Label: 'Files',
      ItemProcessor: {
        ProcessorConfig: { Mode: 'DISTRIBUTED', ExecutionType: 'EXPRESS' },
        StartAt: 'Each',
        States: { Each: { Type: 'Pass', End: true } },
      },
      ResultWriter: {
        Resource: 'arn:aws:states:::s3:putObject',
        Parameters: { Bucket: 'out', Prefix: 'results' },
        WriterConfig: { OutputType: 'JSONL', Transformation: 'NONE' },
      },
      ResultPath: null,
      Next: 'Done',
    })
  })

  it('emits an inline Map without ProcessorConfig when none is given', () => {
    const state = createNode<StateNode>({ kind: 'Map', name: 'Rows', end: true, itemsPath: '$.rows', processor: graphOf([pass('Row')]) })
    expectJson(emitOne(state), {
      Type: 'Map',
      ItemsPath: '$.rows',
      ItemProcessor: { StartAt: 'Row', States: { Row: { Type: 'Pass', End: true } } },
      End: true,
    })
  })
})
