import type { Payload } from '../expr/payload.js'
import { createNode, type JsonObject } from '../ir/json.js'
import type { IntegrationNode } from '../ir/states.js'

const INTEGRATION: unique symbol = Symbol.for('dlc.integration')

/**
 * A Task's service call: its Resource ARN, the arguments it always sends and, for the type
 * checker only, the type `R` of its result.
 */
export interface Integration<R> {
  readonly [INTEGRATION]: IntegrationNode
  readonly resource: string
  /** Arguments merged under the user's Arguments / Parameters (the user's keys win). */
  readonly defaults: { readonly [key: string]: Payload }
  readonly __result?: R
  /** Declares the result type when the service's response is yours to describe. */
  returns<T>(): Integration<T>
}

export function isIntegration(value: unknown): value is Integration<unknown> {
  return typeof value === 'object' && value !== null && INTEGRATION in value
}

export function integrationNode(value: Integration<unknown>): IntegrationNode {
  return value[INTEGRATION]
}

export interface IntegrationInit {
  readonly name: string
  readonly service: string
  readonly action: string
  readonly pattern?: IntegrationNode['pattern']
  readonly resource: string
  readonly defaults?: { readonly [key: string]: Payload }
  /** What the call touches, for the compiler's IAM statements (see IntegrationNode.target). */
  readonly target?: JsonObject
}

export function createIntegration<R>(init: IntegrationInit): Integration<R> {
  const node = createNode<IntegrationNode>({
    kind: 'Integration',
    name: init.name,
    service: init.service,
    action: init.action,
    pattern: init.pattern ?? 'request-response',
    target: init.target,
  })
  const integration: Integration<R> = Object.freeze({
    [INTEGRATION]: node,
    resource: init.resource,
    defaults: Object.freeze({ ...init.defaults }),
    returns: <T>() => integration as unknown as Integration<T>,
  })
  return integration
}

/** The Resource suffix of each integration pattern. */
export function patternSuffix(pattern: IntegrationNode['pattern']): string {
  return pattern === 'sync' ? '.sync' : pattern === 'wait-for-task-token' ? '.waitForTaskToken' : ''
}
