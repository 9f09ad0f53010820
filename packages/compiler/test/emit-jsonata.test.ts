import { createNode, type StateNode } from '@dlc/dsl'
import { describe, it } from 'vitest'
import { emitDefinition } from '../src/index.js'
import { expectJson, graphOf, machineOf, pass } from './machines.js'

function emitOne(state: StateNode): unknown {
  return emitDefinition(machineOf([state], { queryLanguage: 'JSONata' })).States[state.name]
}

describe('emitDefinition, JSONata states', () => {
  it('emits a Task with Arguments, Output, Assign and a JSONata Catch', () => {
    const task = createNode<StateNode>({
      kind: 'Task',
      name: 'Crawl',
      next: 'Query',
      catch: [
        createNode({ kind: 'Catcher', errorEquals: ['States.ALL'], next: 'Alert', assign: { failed: true }, output: '{% $states.errorOutput %}' }),
      ],
      assign: { crawledAt: '{% $now() %}' },
      output: { name: '{% $states.result.Name %}' },
      arguments: { Name: '${CleanJobName}' },
      timeoutSeconds: '{% $states.input.timeout %}',
      resource: 'arn:aws:states:::aws-sdk:glue:startCrawler',
    })
    expectJson(emitOne(task), {
      Type: 'Task',
      Resource: 'arn:aws:states:::aws-sdk:glue:startCrawler',
      TimeoutSeconds: '{% $states.input.timeout %}',
      Arguments: { Name: '${CleanJobName}' },
      Output: { name: '{% $states.result.Name %}' },
      Assign: { crawledAt: '{% $now() %}' },
      Catch: [{ ErrorEquals: ['States.ALL'], Output: '{% $states.errorOutput %}', Assign: { failed: true }, Next: 'Alert' }],
      Next: 'Query',
    })
  })

  it('emits a Pass with Output', () => {
    const state = createNode<StateNode>({ kind: 'Pass', name: 'Shape', end: true, assign: { a: 1 }, output: { b: '{% $a %}' } })
    expectJson(emitOne(state), { Type: 'Pass', Output: { b: '{% $a %}' }, Assign: { a: 1 }, End: true })
  })

  it('emits Choice rules as Condition, Next, Output, Assign, Comment', () => {
    const state = createNode<StateNode>({
      kind: 'Choice',
      name: 'Route',
      default: 'Other',
      output: '{% $states.input %}',
      choices: [
        createNode({
          kind: 'ChoiceRule',
          comment: 'empty batch',
          assign: { empty: true },
          output: { skipped: true },
          next: 'Skip',
          condition: '{% $states.input.rows = 0 %}',
        }),
      ],
    })
    expectJson(emitOne(state), {
      Type: 'Choice',
      Choices: [{ Condition: '{% $states.input.rows = 0 %}', Next: 'Skip', Output: { skipped: true }, Assign: { empty: true }, Comment: 'empty batch' }],
      Default: 'Other',
      Output: '{% $states.input %}',
    })
  })

  it('emits a Wait on a JSONata expression', () => {
    const state = createNode<StateNode>({ kind: 'Wait', name: 'Pause', end: true, timestamp: '{% $states.input.until %}' })
    expectJson(emitOne(state), { Type: 'Wait', Timestamp: '{% $states.input.until %}', End: true })
  })

  it('emits Succeed with Output and Fail with expressions', () => {
    expectJson(emitOne(createNode<StateNode>({ kind: 'Succeed', name: 'Ok', output: { done: true } })), { Type: 'Succeed', Output: { done: true } })
    expectJson(emitOne(createNode<StateNode>({ kind: 'Fail', name: 'Bad', cause: '{% $cause %}', error: 'Failed' })), {
      Type: 'Fail',
      Error: 'Failed',
      Cause: '{% $cause %}',
    })
  })

  it('emits a Parallel with Arguments and Output', () => {
    const state = createNode<StateNode>({
      kind: 'Parallel',
      name: 'Fan',
      end: true,
      output: '{% $states.result[0] %}',
      arguments: '{% $states.input %}',
      branches: [graphOf([pass('A')])],
    })
    expectJson(emitOne(state), {
      Type: 'Parallel',
      Arguments: '{% $states.input %}',
      Branches: [{ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }],
      Output: '{% $states.result[0] %}',
      End: true,
    })
  })

  it('emits a Map with Items, expressions for limits, and Arguments in reader and writer', () => {
    const state = createNode<StateNode>({
      kind: 'Map',
      name: 'Files',
      end: true,
      resultWriter: { arguments: { Bucket: 'out' }, resource: 'arn:aws:states:::s3:putObject' },
      toleratedFailureCount: '{% $tolerance %}',
      maxConcurrency: '{% $limit %}',
      itemBatcher: { maxItemsPerBatch: '{% $batch %}' },
      itemReader: { arguments: { Bucket: 'raw' }, resource: 'arn:aws:states:::s3:listObjectsV2' },
      items: '{% $states.input.files %}',
      processorConfig: { mode: 'INLINE' },
      processor: graphOf([pass('Each')]),
    })
    expectJson(emitOne(state), {
      Type: 'Map',
      ItemReader: { Resource: 'arn:aws:states:::s3:listObjectsV2', Arguments: { Bucket: 'raw' } },
      Items: '{% $states.input.files %}',
      ItemBatcher: { MaxItemsPerBatch: '{% $batch %}' },
      MaxConcurrency: '{% $limit %}',
      ToleratedFailureCount: '{% $tolerance %}',
      ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'Each', States: { Each: { Type: 'Pass', End: true } } },
      ResultWriter: { Resource: 'arn:aws:states:::s3:putObject', Arguments: { Bucket: 'out' } },
      End: true,
    })
  })
})
