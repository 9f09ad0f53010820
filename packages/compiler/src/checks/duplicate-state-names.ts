import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import type { StateInfo } from './context.js'
import type { CheckRule } from './rule.js'

const code = 'DUPLICATE_STATE_NAME'

/** State names are unique across the whole machine, nested Parallel branches and Map processors included. */
export const duplicateStateNames: CheckRule = {
  code,
  check(_definition, context) {
    const first = new Map<string, StateInfo>()
    const out: Diagnostic[] = []
    for (const state of context.states) {
      const earlier = first.get(state.name)
      if (earlier === undefined) {
        first.set(state.name, state)
        continue
      }
      out.push({
        severity: 'ERROR',
        code,
        message: `Duplicate State name: "${state.name}" is also defined at ${jsonPointer(earlier.path)}`,
        location: jsonPointer(state.path),
        hint: 'State names must be unique across the whole state machine, including Parallel branches and Map processors; rename one of them',
      })
    }
    return out
  },
}
