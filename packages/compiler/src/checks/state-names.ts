import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import type { CheckRule } from './rule.js'

const code = 'SCHEMA_VALIDATION_FAILED'
const LIMIT = 80

/**
 * A state name is at most 80 Unicode characters (states-language.net, "States"). The character
 * list AWS publishes (no whitespace, brackets, `?`, `*`, ...) is for state machine, execution and
 * activity names and Map Run labels, not for state names: deployed machines name states
 * "Is it done?" and "Wait 30s", so this rule does not apply it.
 */
export const stateNames: CheckRule = {
  code,
  check(_definition, context) {
    const out: Diagnostic[] = []
    for (const state of context.states) {
      // A name has no more characters than UTF-16 units: only a long one needs counting.
      if (state.name.length <= LIMIT) continue
      const length = [...state.name].length
      if (length <= LIMIT) continue
      out.push({
        severity: 'ERROR',
        code,
        message: `State name is ${length} characters long; it can be at most ${LIMIT}`,
        location: jsonPointer(state.path),
        hint: `Shorten it to ${LIMIT} characters or fewer, and rename every Next, Default and StartAt that points at it`,
      })
    }
    return out
  },
}
