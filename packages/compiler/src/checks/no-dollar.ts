import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import type { CheckRule } from './rule.js'
import { templateFields } from './syntax/fields.js'
import { looksLikeIntrinsic, parseIntrinsic } from './syntax/intrinsic.js'
import { looksLikePath } from './syntax/jsonpath.js'

const code = 'NO_DOLLAR'

/**
 * AWS's ValidateStateMachineDefinition warning "No .$ on a field that appears to be a JSONPath or
 * Intrinsic Function": in a payload template only fields named `key.$` are evaluated, so
 * `"id": "$.orderId"` passes the string `$.orderId` along.
 */
export const noDollar: CheckRule = {
  code,
  check(_definition, context) {
    const out: Diagnostic[] = []
    for (const state of context.states) {
      if (state.language !== 'JSONPath') continue
      for (const field of templateFields(state)) {
        const { key, value } = field
        if (key.endsWith('.$') || typeof value !== 'string' || !looksEvaluated(value)) continue
        out.push({
          severity: 'WARNING',
          code,
          message: `The field '${key}' looks like a JSONPath or an intrinsic function but its name does not end with '.$': it is passed as a plain string`,
          location: jsonPointer([...state.path, ...field.at]),
          hint: `Rename it '${key}.$' to evaluate it`,
        })
      }
    }
    return out
  },
}

function looksEvaluated(value: string): boolean {
  if (looksLikePath(value)) return true
  return value.startsWith('States.') && looksLikeIntrinsic(value) && parseIntrinsic(value).ok
}
