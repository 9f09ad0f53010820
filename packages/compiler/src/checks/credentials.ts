import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import { isRecord } from './context.js'
import type { CheckRule } from './rule.js'

const code = 'SCHEMA_VALIDATION_FAILED'

/**
 * A Task's `Credentials` (cross-account access) names the role to assume: `RoleArn`, or in
 * JSONPath `RoleArn.$` (developer guide, "Task workflow state"). Message and location are AWS's,
 * from recorded verdicts.
 */
export const credentials: CheckRule = {
  code,
  check(_definition, context) {
    const out: Diagnostic[] = []
    for (const state of context.states) {
      if (!('Credentials' in state.value)) continue
      const value = state.value['Credentials']
      const hasRole = isRecord(value) && ('RoleArn' in value || (state.language === 'JSONPath' && 'RoleArn.$' in value))
      if (hasRole) continue
      out.push({
        severity: 'ERROR',
        code,
        message: isRecord(value) ? "The field 'RoleArn' is required but was missing" : "'Credentials' must be an object with 'RoleArn'",
        location: jsonPointer([...state.path, 'Credentials']),
        hint: 'Set "RoleArn" to the ARN of the IAM role to assume for this task',
      })
    }
    return out
  },
}
