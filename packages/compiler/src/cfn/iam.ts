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

/** Drops repeated statements and joins those that differ only in resources. */
export function mergeStatements(statements: readonly Statement[]): Statement[] {
  const merged = new Map<string, Statement>()
  for (const statement of statements) {
    const key = JSON.stringify([[...statement.Action].sort(), statement.Condition ?? null])
    const existing = merged.get(key)
    if (existing === undefined) {
      merged.set(key, { ...statement, Action: [...new Set(statement.Action)].sort() })
      continue
    }
    const resources = new Map<string, CfnValue>([...existing.Resource, ...statement.Resource].map((resource) => [JSON.stringify(resource), resource]))
    merged.set(key, { ...existing, Resource: [...resources.values()] })
  }
  return [...merged.values()]
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
