import { jsonPointer, type Diagnostic } from '../../diagnostics.js'
import type { TemplateRule } from './rule.js'
import { allows, identityStatements, itemsOf, staticString } from './template.js'

const code = 'DLC_IAM_WILDCARD_ACTION'

/** `*` and `service:*`; partial patterns (`s3:Get*`) name a family of actions and are left to review. */
const WILDCARD = /^(\*|[a-z0-9-]+:\*)$/i

/**
 * An identity policy (inline in a role, user or group, or an AWS::IAM::Policy/ManagedPolicy)
 * must name the actions it allows: `*` or `s3:*` grants whatever the service adds tomorrow, and
 * `NotAction` with Allow grants everything but a list.
 */
export const iamWildcardAction: TemplateRule = {
  code,
  check(template) {
    const out: Diagnostic[] = []
    for (const { resource, statement, path } of identityStatements(template)) {
      if (!allows(statement)) continue
      for (const action of itemsOf(statement['Action'], [...path, 'Action'])) {
        const name = staticString(action.value)
        if (name === undefined || !WILDCARD.test(name)) continue
        const what = name === '*' ? 'every action of every service' : `every action of ${name.slice(0, -2)}`
        out.push({
          severity: 'ERROR',
          code,
          message: `${resource.id} allows ${what} ("${name}")`,
          location: jsonPointer(action.path),
          hint: 'list the actions the pipeline calls (s3:GetObject, glue:StartJobRun, ...); the AWS Service Authorization Reference lists each service\'s actions',
        })
      }
      if (statement['NotAction'] !== undefined) {
        out.push({
          severity: 'ERROR',
          code,
          message: `${resource.id} allows every action except those in NotAction`,
          location: jsonPointer([...path, 'NotAction']),
          hint: 'replace NotAction with an Action list of what the pipeline calls',
        })
      }
    }
    return out
  },
}
