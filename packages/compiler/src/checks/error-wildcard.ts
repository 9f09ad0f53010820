import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import { isRecord } from './context.js'
import type { CheckRule } from './rule.js'

const code = 'SCHEMA_VALIDATION_FAILED'
const WILDCARD = 'States.ALL'

/**
 * `States.ALL` matches every error, so it must stand alone in its `ErrorEquals` and sit in the
 * last retrier or catcher: states-language.net ("Retrying after error", "Fallback states") and
 * the developer guide's error-handling page ("must appear alone"). AWS reports it as a schema error.
 */
export const errorWildcard: CheckRule = {
  code,
  check(_definition, context) {
    const out: Diagnostic[] = []
    for (const state of context.states) {
      for (const list of ['Retry', 'Catch'] as const) {
        const handlers = state.value[list]
        if (!Array.isArray(handlers)) continue
        for (let index = 0; index < handlers.length; index++) {
          const handler: unknown = handlers[index]
          const errors = isRecord(handler) ? handler['ErrorEquals'] : undefined
          if (!Array.isArray(errors) || !errors.includes(WILDCARD)) continue
          if (errors.length === 1 && index === handlers.length - 1) continue
          const location = jsonPointer([...state.path, list, index, 'ErrorEquals'])
          const kind = list === 'Retry' ? 'retrier' : 'catcher'
          if (errors.length > 1) {
            out.push({
              severity: 'ERROR',
              code,
              message: `'${WILDCARD}' must appear alone in ErrorEquals`,
              location,
              hint: `Move the other errors to a ${kind} of their own before this one: '${WILDCARD}' already matches them`,
            })
          }
          if (index < handlers.length - 1) {
            out.push({
              severity: 'ERROR',
              code,
              message: `A ${kind} with '${WILDCARD}' must be the last in ${list}`,
              location,
              hint: `Move this ${kind} to the end of ${list}: the ones after it can never match`,
            })
          }
        }
      }
    }
    return out
  },
}
