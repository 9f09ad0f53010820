import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import type { CheckRule } from './rule.js'

const code = 'SCHEMA_VALIDATION_FAILED'

/**
 * A JSONata machine cannot have JSONPath states; a JSONPath machine may opt single states
 * into JSONata. The message and location are AWS's own.
 */
export const languageDowngrade: CheckRule = {
  code,
  check(_definition, context) {
    if (context.machineLanguage !== 'JSONata') return []
    const out: Diagnostic[] = []
    for (const state of context.states) {
      if (state.value['QueryLanguage'] !== 'JSONPath') continue
      out.push({
        severity: 'ERROR',
        code,
        message: "'QueryLanguage' can not be 'JSONPath' if set to 'JSONata' for whole state machine",
        location: jsonPointer(state.path),
        hint: 'Rewrite the state in JSONata, or make the machine JSONPath and opt single states into JSONata',
      })
    }
    return out
  },
}
