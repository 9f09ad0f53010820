import type { IntegrationNode, JsonObject, ResourceRefNode, StateMachineNode, StateNode } from '@dlc/dsl'
import { INTEGRATION_GRANTS } from './integrations/index.js'
import { logicalIdOf, sub, type CfnResource, type CfnValue, type Statement } from './model.js'

/** A Task whose integration has no IAM file: the template cannot grant it least privilege. */
export class UngrantedIntegrationError extends Error {
  constructor(
    readonly state: string,
    readonly integration: string,
  ) {
    super(`state "${state}" calls ${integration}, which has no IAM statements in dlc`)
  }
}

/** Every Task in the machine, nested ones included, with its state name. */
function* tasks(states: readonly StateNode[]): Generator<{ readonly state: string; readonly integration: IntegrationNode | undefined }> {
  for (const state of states) {
    if (state.kind === 'Task') yield { state: state.name, integration: state.integration }
    if (state.kind === 'Parallel') for (const branch of state.branches) yield* tasks(branch.states)
    if (state.kind === 'Map') yield* tasks(state.processor.states)
  }
}

/**
 * The state machine role's statements: for each Task, the statements of its integration's
 * IAM file, scoped to the resources its target names. Identical statements are merged.
 */
export function machineStatements(machine: StateMachineNode): Statement[] {
  const byPlaceholder = new Map<string, ResourceRefNode>(machine.resources.map((resource) => [resource.id, resource]))
  const logicalId = (placeholder: string): string => {
    const resource = byPlaceholder.get(placeholder)
    if (resource === undefined) throw new Error(`placeholder ${placeholder} is not a resource of the machine`)
    return logicalIdOf(resource)
  }
  const statements: Statement[] = []
  for (const { state, integration } of tasks(machine.states)) {
    const grants = integration === undefined ? undefined : INTEGRATION_GRANTS[integration.name]
    if (integration === undefined || grants === undefined || integration.target === undefined) {
      throw new UngrantedIntegrationError(state, integration === undefined ? 'a raw Resource' : `${integration.service}:${integration.action} (${integration.name})`)
    }
    statements.push(...grants({ target: integration.target, logicalId }))
  }
  return mergeStatements(statements)
}

/**
 * Joins statements so each appears once: actions on the same resources under the same
 * condition are listed together, then resources needing the same actions, then the prefix
 * lists of listings of one bucket. Order follows first appearance.
 */
export function mergeStatements(statements: readonly Statement[]): Statement[] {
  const byResource = joinBy(statements, (statement) => [statement.Resource, statement.Condition], (kept, next) => ({ ...kept, Action: union(kept.Action, next.Action).sort() }))
  const byAction = joinBy(byResource, (statement) => [statement.Action, statement.Condition], (kept, next) => ({ ...kept, Resource: unionJson(kept.Resource, next.Resource) }))
  return joinBy(byAction, (statement) => [statement.Action, statement.Resource, prefixFree(statement.Condition)], (kept, next) => ({ ...kept, Condition: { StringLike: { 's3:prefix': unionJson(prefixes(kept), prefixes(next)) } } }))
}

function joinBy(statements: readonly Statement[], key: (statement: Statement) => unknown[], join: (kept: Statement, next: Statement) => Statement): Statement[] {
  const joined = new Map<string, Statement>()
  for (const statement of statements) {
    const normal = { ...statement, Action: [...new Set(statement.Action)].sort() }
    const id = JSON.stringify(key(normal))
    const kept = joined.get(id)
    joined.set(id, kept === undefined ? normal : join(kept, normal))
  }
  return [...joined.values()]
}

/** A listing's condition without its prefixes, so listings of one bucket share a key; other conditions stay apart. */
function prefixFree(condition: JsonObject | undefined): unknown {
  return prefixes({ Condition: condition }).length > 0 && Object.keys(condition ?? {}).length === 1 ? 's3:prefix' : (condition ?? null)
}

function prefixes(statement: { readonly Condition?: JsonObject | undefined }): readonly CfnValue[] {
  const like = statement.Condition?.['StringLike'] as { readonly [key: string]: CfnValue } | undefined
  const list = like !== undefined && Object.keys(like).length === 1 ? like['s3:prefix'] : undefined
  return Array.isArray(list) ? list : []
}

function union(left: readonly string[], right: readonly string[]): string[] {
  return [...new Set([...left, ...right])]
}

function unionJson(left: readonly CfnValue[], right: readonly CfnValue[]): CfnValue[] {
  return [...new Map([...left, ...right].map((value) => [JSON.stringify(value), value])).values()]
}

/**
 * A role that one AWS service assumes, only for this account (`aws:SourceAccount`, against
 * the confused deputy), with one inline policy.
 */
export function serviceRole(service: string, description: string, statements: readonly Statement[]): CfnResource {
  return {
    Type: 'AWS::IAM::Role',
    Properties: {
      Description: description,
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: service },
            Action: 'sts:AssumeRole',
            Condition: { StringEquals: { 'aws:SourceAccount': sub('${AWS::AccountId}') } },
          },
        ],
      },
      Policies: [{ PolicyName: 'least-privilege', PolicyDocument: { Version: '2012-10-17', Statement: statements.map(policyStatement) } }],
    },
  }
}

function policyStatement(statement: Statement): JsonObject {
  return {
    Effect: statement.Effect,
    Action: statement.Action.length === 1 ? (statement.Action[0] as string) : [...statement.Action],
    Resource: statement.Resource.length === 1 ? (statement.Resource[0] as CfnValue) : [...statement.Resource],
    ...(statement.Condition === undefined ? {} : { Condition: statement.Condition }),
  }
}
