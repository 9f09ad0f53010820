import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import type { CheckRule } from './rule.js'
import { isDeferred, isInteger, isTimestamp } from './values.js'

const code = 'SCHEMA_VALIDATION_FAILED'

const DURATION_FIELDS = ['Seconds', 'Timestamp', 'SecondsPath', 'TimestampPath'] as const

/** The largest `Seconds` the developer guide's Wait page allows ("an integer value from 0 to 99999999"). */
export const MAX_SECONDS = 99_999_999

/**
 * A Wait state has exactly one of Seconds, Timestamp, SecondsPath and TimestampPath (developer
 * guide, "Wait workflow state"); Seconds is an integer from 0 to 99999999, Timestamp an ASL
 * timestamp. A JSONata expression stands in for either in a JSONata state. A `${Name}` placeholder
 * is accepted as a deploy-time value (the `...Path` fields' syntax is the jsonpath-syntax rule's): the corpus has a deployed machine whose Seconds is
 * `${ReminderTimeout}`, valid once substituted with a number.
 */
export const waitDuration: CheckRule = {
  code,
  check(_definition, context) {
    const out: Diagnostic[] = []
    for (const state of context.states) {
      if (state.type !== 'Wait') continue
      const report = (field: string | undefined, message: string, hint?: string): void => {
        out.push({
          severity: 'ERROR',
          code,
          message,
          location: jsonPointer(field === undefined ? state.path : [...state.path, field]),
          ...(hint === undefined ? {} : { hint }),
        })
      }
      const present = DURATION_FIELDS.filter((field) => field in state.value)
      if (present.length !== 1) {
        report(
          undefined,
          `A Wait state must have exactly one of [${DURATION_FIELDS.join(', ')}], found ${present.length === 0 ? 'none' : `[${present.join(', ')}]`}`,
          'Wait for a number of seconds (Seconds) or until a time (Timestamp); the *Path forms read either from the input',
        )
      }
      const { Seconds: seconds, Timestamp: timestamp } = state.value
      if ('Seconds' in state.value && !isDeferred(seconds, state) && !(isInteger(seconds) && seconds >= 0 && seconds <= MAX_SECONDS)) {
        report('Seconds', `'Seconds' must be an integer from 0 to ${MAX_SECONDS}`)
      }
      if ('Timestamp' in state.value && !isDeferred(timestamp, state) && !isTimestamp(timestamp)) {
        report('Timestamp', "'Timestamp' must be an RFC 3339 timestamp with an uppercase 'T' and 'Z' (or an offset), such as '2024-08-18T17:33:00Z'")
      }
    }
    return out
  },
}
