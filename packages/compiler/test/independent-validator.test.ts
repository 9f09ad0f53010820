import aslValidator from 'asl-validator'
import { createNode, type StateNode } from '@dlc/dsl'
import { describe, expect, it } from 'vitest'
import { compileWorkflow } from '../src/index.js'
import { graphOf, machineOf, pass, succeed } from './machines.js'

/** asl-validator fills in QueryLanguage on what it is given, so it gets a copy. */
function validate(definition: unknown): string {
  const result = aslValidator(structuredClone(definition), { checkArn: false, checkPaths: true })
  return result.isValid ? '' : result.errorsText('\n')
}

const jsonPath = machineOf(
  [
    createNode<StateNode>({
      kind: 'Task',
      name: 'Load',
      resource: 'arn:aws:states:::lambda:invoke',
      parameters: { 'FunctionName': 'orders', 'Payload.$': '$' },
      resultSelector: { 'rows.$': '$.Payload.rows' },
      resultPath: '$.load',
      retry: [createNode({ kind: 'Retrier', errorEquals: ['States.TaskFailed'], maxAttempts: 2, backoffRate: 2, intervalSeconds: 1 })],
      catch: [createNode({ kind: 'Catcher', errorEquals: ['States.ALL'], resultPath: '$.error', next: 'Failed' })],
      next: 'Route',
    }),
    createNode<StateNode>({
      kind: 'Choice',
      name: 'Route',
      choices: [createNode({ kind: 'ChoiceRule', next: 'Fan', rule: { Variable: '$.load.rows', NumericGreaterThan: 0 } })],
      default: 'Done',
    }),
    createNode<StateNode>({
      kind: 'Parallel',
      name: 'Fan',
      branches: [graphOf([pass('Left')]), graphOf([createNode<StateNode>({ kind: 'Wait', name: 'Pause', seconds: 1, end: true })])],
      resultPath: null,
      next: 'Files',
    }),
    createNode<StateNode>({
      kind: 'Map',
      name: 'Files',
      itemsPath: '$.files',
      maxConcurrency: 2,
      processorConfig: { mode: 'DISTRIBUTED', executionType: 'EXPRESS' },
      processor: graphOf([pass('Each')]),
      resultPath: null,
      next: 'Done',
    }),
    succeed('Done'),
    createNode<StateNode>({ kind: 'Fail', name: 'Failed', error: 'LoadFailed' }),
  ],
  { comment: 'every JSONPath state type', timeoutSeconds: 600, version: '1.0' },
)

const jsonata = machineOf(
  [
    createNode<StateNode>({
      kind: 'Task',
      name: 'Load',
      resource: 'arn:aws:states:::lambda:invoke',
      arguments: { FunctionName: 'orders', Payload: '{% $states.input %}' },
      output: '{% $states.result.Payload %}',
      assign: { rows: '{% $states.result.Payload.rows %}' },
      catch: [createNode({ kind: 'Catcher', errorEquals: ['States.ALL'], output: '{% $states.errorOutput %}', next: 'Failed' })],
      next: 'Route',
    }),
    createNode<StateNode>({
      kind: 'Choice',
      name: 'Route',
      choices: [createNode({ kind: 'ChoiceRule', next: 'Files', condition: '{% $rows > 0 %}' })],
      default: 'Done',
    }),
    createNode<StateNode>({
      kind: 'Map',
      name: 'Files',
      items: '{% $states.input.files %}',
      processorConfig: { mode: 'INLINE' },
      processor: graphOf([pass('Each')]),
      output: '{% $states.result %}',
      next: 'Done',
    }),
    createNode<StateNode>({ kind: 'Succeed', name: 'Done', output: { rows: '{% $rows %}' } }),
    createNode<StateNode>({ kind: 'Fail', name: 'Failed', error: 'LoadFailed', cause: '{% $string($states.input) %}' }),
  ],
  { queryLanguage: 'JSONata' },
)

describe('emitted definitions pass an independent validator (asl-validator)', () => {
  it('the validator does reject a field of the wrong language', () => {
    expect(validate({ StartAt: 'X', States: { X: { Type: 'Pass', Output: 1, End: true } } })).not.toBe('')
  })

  it.each([
    ['JSONPath', jsonPath],
    ['JSONata', jsonata],
  ] as const)('%s machine: no diagnostics of ours, none of asl-validator', (_language, machine) => {
    const { definition, diagnostics } = compileWorkflow(machine)
    expect(diagnostics).toEqual([])
    expect(validate(definition)).toBe('')
  })
})
