import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import { isTerminal, type Scope } from './context.js'
import type { CheckRule } from './rule.js'

const code = 'MISSING_END_STATE'

/**
 * Whether a scope has any state that ends it. AWS asks only this much; a terminal state
 * that exists but cannot be reached is reported as unreachable instead.
 */
export function hasTerminalState(scope: Scope): boolean {
  for (const state of scope.states.values()) if (isTerminal(state)) return true
  return false
}

/** Every scope needs a Succeed, a Fail or a state with `"End": true`. */
export const endStates: CheckRule = {
  code,
  check(_definition, context) {
    const out: Diagnostic[] = []
    for (const scope of context.scopes) {
      if (!('States' in scope.value) || hasTerminalState(scope)) continue
      out.push({
        severity: 'ERROR',
        code,
        message: 'Workflow has no terminal state',
        location: jsonPointer(scope.path),
        hint: 'Add a Succeed or Fail state, or set "End": true on the state that finishes the work',
      })
    }
    return out
  },
}
