import { jsonPointer, type Diagnostic } from '../../diagnostics.js'
import type { TemplateRule } from './rule.js'
import { allows, identityStatements, itemsOf, staticString } from './template.js'
import { mayUseWildcardResource } from './wildcard-resource-allow-list.js'

const code = 'DLC_IAM_WILDCARD_RESOURCE'

/**
 * An identity policy may grant on `Resource: "*"` only actions AWS defines no resource type for
 * (WILDCARD_RESOURCE_ALLOW_LIST); everything else is scoped to the ARNs the pipeline uses.
 * An action dlc cannot read (an intrinsic) is not presumed to be on the list.
 */
export const iamWildcardResource: TemplateRule = {
  code,
  check(template) {
    const out: Diagnostic[] = []
    for (const { resource, statement, path } of identityStatements(template)) {
      if (!allows(statement)) continue
      const actions = itemsOf(statement['Action'], [...path, 'Action']).map((action) => staticString(action.value) ?? '(an intrinsic)')
      const scoped = actions.filter((action) => !mayUseWildcardResource(action))
      const granted = actions.length === 0 ? ['every action outside NotAction'] : scoped
      for (const item of itemsOf(statement['Resource'], [...path, 'Resource'])) {
        if (staticString(item.value) !== '*' || (actions.length > 0 && scoped.length === 0)) continue
        out.push({
          severity: 'ERROR',
          code,
          message: `${resource.id} grants ${list(granted)} on every resource (Resource "*")`,
          location: jsonPointer(item.path),
          hint: 'name the ARNs the pipeline uses (!GetAtt Bucket.Arn, !Sub arn:${AWS::Partition}:glue:${AWS::Region}:${AWS::AccountId}:job/...); "*" is kept for the actions docs/security.md lists, in a statement of their own',
        })
      }
      if (statement['NotResource'] !== undefined) {
        out.push({
          severity: 'ERROR',
          code,
          message: `${resource.id} grants ${list(granted.length > 0 ? granted : actions)} on every resource except those in NotResource`,
          location: jsonPointer([...path, 'NotResource']),
          hint: 'replace NotResource with a Resource list of the ARNs the pipeline uses',
        })
      }
    }
    return out
  },
}

function list(actions: readonly string[]): string {
  const shown = actions.slice(0, 4).join(', ')
  return actions.length > 4 ? `${shown} and ${actions.length - 4} more` : shown
}
