import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import type { CheckRule } from './rule.js'
import { jsonataStrings } from './syntax/jsonata.js'

const code = 'DLC_UNTERMINATED_JSONATA'

/**
 * A string of a JSONata state that opens with `{%` but does not close with `%}` is almost
 * certainly a broken expression: Step Functions would not evaluate it. (`{% $x%}`, without a
 * space, is closed and fine.)
 */
export const jsonataDelimiters: CheckRule = {
  code,
  check(_definition, context) {
    const out: Diagnostic[] = []
    for (const state of context.states) {
      if (state.language !== 'JSONata') continue
      for (const { text, at, parsed } of jsonataStrings(state)) {
        if (parsed !== undefined) continue
        out.push({
          severity: 'ERROR',
          code,
          message: `The JSONata expression '${text}' opens with '{%' but does not end with '%}'`,
          location: jsonPointer([...state.path, ...at]),
          hint: "Close it with '%}' at the very end of the string (no trailing spaces)",
        })
      }
    }
    return out
  },
}
