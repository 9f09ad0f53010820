import { expect } from 'vitest'
import {
  createNode,
  type ResourceRefNode,
  type StateGraphNode,
  type StateMachineNode,
  type StateNode,
} from '@dlc/dsl'

/** A machine around the given states; the first state is StartAt unless told otherwise. */
export function machineOf(
  states: readonly StateNode[],
  fields: Partial<Omit<StateMachineNode, 'kind' | 'states'>> = {},
): StateMachineNode {
  return createNode<StateMachineNode>({
    kind: 'StateMachine',
    name: 'test-machine',
    queryLanguage: 'JSONPath',
    startAt: states[0]?.name ?? 'Start',
    type: 'STANDARD',
    resources: [],
    ...fields,
    states,
  })
}

export function graphOf(states: readonly StateNode[], fields: Partial<Omit<StateGraphNode, 'kind' | 'states'>> = {}): StateGraphNode {
  return createNode<StateGraphNode>({ kind: 'StateGraph', startAt: states[0]?.name ?? 'Start', ...fields, states })
}

export const succeed = (name: string): StateNode => createNode<StateNode>({ kind: 'Succeed', name })

export const pass = (name: string, next?: string): StateNode =>
  next === undefined ? createNode<StateNode>({ kind: 'Pass', name, end: true }) : createNode<StateNode>({ kind: 'Pass', name, next })

export const ordersFunction: ResourceRefNode = createNode<ResourceRefNode>({
  kind: 'ResourceRef',
  id: 'OrdersFunctionArn',
  type: 'lambda:function',
  name: 'orders',
  attribute: 'arn',
})

export const cleanJob: ResourceRefNode = createNode<ResourceRefNode>({
  kind: 'ResourceRef',
  id: 'CleanJobName',
  type: 'glue:job',
  name: 'clean-sales',
  attribute: 'name',
})

/** Compares the printed JSON of both sides, so the assertion covers key order as well as content. */
export function expectJson(actual: unknown, expected: unknown): void {
  expect(JSON.stringify(actual, null, 2)).toBe(JSON.stringify(expected, null, 2))
}
