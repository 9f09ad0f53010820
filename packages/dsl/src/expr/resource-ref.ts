import { createNode } from '../ir/json.js'
import type { ResourceRefNode } from '../ir/machine.js'

const REF: unique symbol = Symbol.for('dlc.resourceRef')

/** A deployed resource used in a payload; rendered as a `${Id}` placeholder. */
export interface ResourceRef {
  readonly [REF]: true
  readonly ref: ResourceRefNode
}

export function isResourceRef(value: unknown): value is ResourceRef {
  return typeof value === 'object' && value !== null && REF in value
}

/** `OrdersFunction` from `orders-function`: the placeholder ids CloudFormation users expect. */
export function pascalCase(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('')
}

/**
 * Refers to a deployed resource by its type and base name, e.g.
 * `resourceRef('sns:topic', 'data-alerts', 'arn')` renders as `${DataAlertsTopicArn}`.
 */
export function resourceRef(type: string, name: string, attribute: 'arn' | 'name'): ResourceRef {
  const typeName = pascalCase(type.split(':')[1] ?? type)
  const id = `${pascalCase(name)}${typeName}${attribute === 'arn' ? 'Arn' : 'Name'}`
  return Object.freeze({ [REF]: true as const, ref: createNode<ResourceRefNode>({ kind: 'ResourceRef', id, type, name, attribute }) })
}
