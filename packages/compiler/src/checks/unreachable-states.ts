import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import type { Scope, StateInfo } from './context.js'
import { hasTerminalState } from './end-states.js'
import type { CheckRule } from './rule.js'

const code = 'MISSING_TRANSITION_TARGET'

/**
 * Every state must be reachable from its scope's `StartAt`. AWS reports this under
 * MISSING_TRANSITION_TARGET ("State \"C\" is not reachable.") and skips it in a scope that
 * already has no terminal state; so do we. A scope whose `StartAt` is itself missing is
 * skipped too: everything in it would be reported for one typo.
 */
export const unreachableStates: CheckRule = {
  code,
  check(_definition, context) {
    const out: Diagnostic[] = []
    for (const scope of context.scopes) {
      if (typeof scope.startAt !== 'string' || !scope.states.has(scope.startAt) || !hasTerminalState(scope)) continue
      const reached = reachable(scope, scope.startAt)
      for (const state of scope.states.values()) {
        if (reached.has(state.name)) continue
        out.push({
          severity: 'ERROR',
          code,
          message: `State "${state.name}" is not reachable.`,
          location: jsonPointer(state.path),
          hint: `No StartAt, Next, Default, Choices[].Next or Catch[].Next leads to "${state.name}": point one at it or remove it`,
        })
      }
    }
    return out
  },
}

/** The names reachable from `start`; a visited set makes cycles harmless. */
function reachable(scope: Scope, start: string): Set<string> {
  const reached = new Set<string>([start])
  const pending: StateInfo[] = []
  const first = scope.states.get(start)
  if (first !== undefined) pending.push(first)
  for (let state = pending.pop(); state !== undefined; state = pending.pop()) {
    for (const { target } of state.transitions) {
      const next = scope.states.get(target)
      if (next === undefined || reached.has(target)) continue
      reached.add(target)
      pending.push(next)
    }
  }
  return reached
}
