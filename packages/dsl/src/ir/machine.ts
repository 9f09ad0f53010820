import type { QueryLanguage, StateNode } from './states.js'

/**
 * A deployed AWS resource an ASL string refers to. In the emitted definition it appears as
 * `${id}` and is either left for CloudFormation's DefinitionSubstitutions or resolved to a
 * concrete name or ARN for one account / region / stage.
 */
export interface ResourceRefNode {
  readonly kind: 'ResourceRef'
  /** The placeholder name, e.g. `OrdersFunctionArn`. */
  readonly id: string
  /** Resource type in `service:type` form, e.g. `lambda:function`, `sns:topic`. */
  readonly type: string
  /** The resource's base name; a stage, when given, is appended as `<name>-<stage>`. */
  readonly name: string
  readonly attribute: 'arn' | 'name'
}

export interface StateMachineNode {
  readonly kind: 'StateMachine'
  readonly name: string
  readonly comment?: string
  readonly queryLanguage: QueryLanguage
  readonly startAt: string
  /** Top-level states in definition order; nested states live in their Parallel / Map graph. */
  readonly states: readonly StateNode[]
  readonly timeoutSeconds?: number
  readonly version?: string
  readonly type: 'STANDARD' | 'EXPRESS'
  readonly resources: readonly ResourceRefNode[]
}

