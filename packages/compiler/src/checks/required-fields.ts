import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import { isRecord } from './context.js'
import type { CheckRule } from './rule.js'

const code = 'SCHEMA_VALIDATION_FAILED'

/** The machine and every nested graph need `States` and `StartAt`; the message is AWS's own. */
export const requiredFields: CheckRule = {
  code,
  check(definition, context) {
    if (!isRecord(definition)) {
      return [{ severity: 'ERROR', code, message: 'The definition must be a JSON object', location: '/' }]
    }
    const out: Diagnostic[] = []
    for (const scope of context.scopes) {
      const missing = ['States', 'StartAt'].filter((field) => !(field in scope.value))
      if (missing.length === 0) continue
      out.push({
        severity: 'ERROR',
        code,
        message: `These fields are required: [${missing.join(', ')}]`,
        location: jsonPointer(scope.path),
      })
    }
    return out
  },
}
