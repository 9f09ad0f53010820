import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import { isRecord, type Path, type StateInfo } from './context.js'
import type { CheckRule } from './rule.js'
import { hasPlaceholder, isDeferred, isInteger } from './values.js'
import { MAX_SECONDS } from './wait-duration.js'

const code = 'SCHEMA_VALIDATION_FAILED'

/**
 * Task `TimeoutSeconds` and `HeartbeatSeconds` and the machine's `TimeoutSeconds` are positive
 * integers (states-language.net, "Task State" and "Top-level fields"; developer guide, "Task
 * workflow state"), at most 99999999 as for Wait's Seconds; a Task has a value or its `...Path`,
 * not both; and the heartbeat must be shorter than the timeout ("HeartbeatSeconds ... MUST be
 * smaller than TimeoutSeconds"). JSONata expressions and `${Name}` placeholders are accepted.
 */
export const timeouts: CheckRule = {
  code,
  check(definition, context) {
    const out: Diagnostic[] = []
    const push = (at: Path, message: string, hint?: string): void => {
      out.push({ severity: 'ERROR', code, message, location: jsonPointer(at), ...(hint === undefined ? {} : { hint }) })
    }
    if (isRecord(definition) && 'TimeoutSeconds' in definition) {
      const value = definition['TimeoutSeconds']
      if (!isSeconds(value) && !hasPlaceholder(value)) push(['TimeoutSeconds'], `'TimeoutSeconds' must be an integer from 1 to ${MAX_SECONDS}`)
    }
    for (const state of context.states) {
      if (state.type !== 'Task') continue
      for (const [field, pathField] of TIMEOUT_FIELDS) checkField(state, field, pathField, push)
      const { TimeoutSeconds: timeout, HeartbeatSeconds: heartbeat } = state.value
      if (isSeconds(timeout) && isSeconds(heartbeat) && heartbeat >= timeout) {
        push(
          [...state.path, 'HeartbeatSeconds'],
          `'HeartbeatSeconds' (${heartbeat}) must be smaller than 'TimeoutSeconds' (${timeout})`,
          'A heartbeat interval as long as the whole timeout can never fire; shorten it or raise TimeoutSeconds',
        )
      }
    }
    return out
  },
}

/** Each field with its `...Path` form, spelled out once: a name built per call is a new string for every lookup. */
const TIMEOUT_FIELDS = [
  ['TimeoutSeconds', 'TimeoutSecondsPath'],
  ['HeartbeatSeconds', 'HeartbeatSecondsPath'],
] as const

function checkField(state: StateInfo, field: string, pathField: string, push: (at: Path, message: string, hint?: string) => void): void {
  const { value } = state
  if (field in value && pathField in value) {
    push([...state.path, pathField], `A Task cannot have both '${field}' and '${pathField}'`, `Keep one: '${field}' for a fixed value, '${pathField}' to read it from the input`)
  }
  if (field in value && !isSeconds(value[field]) && !isDeferred(value[field], state)) {
    push([...state.path, field], `'${field}' must be an integer from 1 to ${MAX_SECONDS}`)
  }
}

function isSeconds(value: unknown): value is number {
  return isInteger(value) && value >= 1 && value <= MAX_SECONDS
}

