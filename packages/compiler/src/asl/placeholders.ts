import type { Json, ResourceRefNode, StateMachineNode } from '@dlc/dsl'
import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import { KNOWN_RESOURCE_TYPES, partitionOf, resourceArn, type ArnScope } from './arns.js'
import type { ResolveTarget } from './types.js'

/** What CloudFormation must substitute for one `${Id}`: the resource and which of its attributes. */
export interface ResourceSubstitution {
  readonly type: string
  readonly name: string
  readonly attribute: ResourceRefNode['attribute']
}

/**
 * The `${Id}` placeholders a definition may contain, for the template's DefinitionSubstitutions.
 *
 * @example definitionSubstitutions(machine) // { OrdersFunctionArn: { type: 'lambda:function', name: 'orders', attribute: 'arn' } }
 */
export function definitionSubstitutions(machine: StateMachineNode): Record<string, ResourceSubstitution> {
  const out: Record<string, ResourceSubstitution> = {}
  for (const { id, type, name, attribute } of machine.resources) out[id] = { type, name, attribute }
  return out
}

/** CloudFormation's DefinitionSubstitutions syntax: `${Name}`. */
const PLACEHOLDER = /\$\{([^{}]+)\}/g

/** Where a string sits in the tree: a parent chain, turned into a JSON pointer only for a diagnostic. */
export interface TreePath {
  readonly parent: TreePath | undefined
  readonly key: string | number
}

function segmentsOf(path: TreePath | undefined): (string | number)[] {
  const segments: (string | number)[] = []
  for (let at = path; at; at = at.parent) segments.push(at.key)
  return segments.reverse()
}

/** Rewrites every string of a JSON tree; `path` locates the string, for diagnostics. */
export type StringRewrite = (text: string, path: TreePath | undefined) => string

/** Copies a JSON tree, keeping key order, rewriting string values (never keys). */
export function rewriteStrings(value: Json, rewrite: StringRewrite, path?: TreePath): Json {
  if (typeof value === 'string') return rewrite(value, path)
  if (Array.isArray(value)) return value.map((item: Json, index) => rewriteStrings(item, rewrite, { parent: path, key: index }))
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: Json } = {}
    for (const key in value) out[key] = rewriteStrings((value as { [key: string]: Json })[key] as Json, rewrite, { parent: path, key })
    return out
  }
  return value
}

/**
 * A rewrite that replaces each `${Id}` with the concrete name or ARN of resource `Id` for
 * one account, region and stage. A placeholder it cannot resolve stays as written and is
 * reported in `diagnostics`.
 */
export function placeholderResolver(
  resources: readonly ResourceRefNode[],
  target: ResolveTarget,
  diagnostics: Diagnostic[],
): StringRewrite {
  const byId = new Map(resources.map((resource) => [resource.id, resource]))
  const scope: ArnScope = { partition: target.partition ?? partitionOf(target.region), region: target.region, account: target.account }
  return (text, path) =>
    !text.includes('${')
      ? text
      : text.replace(PLACEHOLDER, (placeholder, id: string) => {
      const resource = byId.get(id)
      if (resource === undefined) {
        diagnostics.push({
          severity: 'ERROR',
          code: 'UNKNOWN_SUBSTITUTION',
          message: `Placeholder ${placeholder} names no resource of this state machine`,
          location: jsonPointer(segmentsOf(path)),
          hint: byId.size > 0 ? `Known placeholders: ${[...byId.keys()].join(', ')}` : 'Declare the resource so the workflow can refer to it',
        })
        return placeholder
      }
      const name = target.stage === undefined ? resource.name : `${resource.name}-${target.stage}`
      if (resource.attribute === 'name') return name
      const arn = resourceArn(resource.type, name, scope)
      if (arn === undefined) {
        diagnostics.push({
          severity: 'ERROR',
          code: 'UNKNOWN_RESOURCE_TYPE',
          message: `Cannot build the ARN of ${placeholder}: resource type "${resource.type}" is unknown`,
          location: jsonPointer(segmentsOf(path)),
          hint: `Known resource types: ${KNOWN_RESOURCE_TYPES.join(', ')}`,
        })
        return placeholder
      }
      return arn
    })
}
