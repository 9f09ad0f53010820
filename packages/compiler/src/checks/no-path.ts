import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import type { JsonRecord, Path, StateInfo } from './context.js'
import type { CheckRule } from './rule.js'
import { forEachChoiceRule } from './syntax/fields.js'
import { looksLikePath } from './syntax/jsonpath.js'

const code = 'NO_PATH'

/** Payloads are the user's data (NO_DOLLAR covers templates); Variable and Comment are not candidates. */
const SKIPPED = new Set(['Parameters', 'ResultSelector', 'ItemSelector', 'Assign', 'Result', 'Credentials', 'Arguments', 'Output', 'Comment', 'Variable', 'Branches', 'ItemProcessor', 'Iterator', 'ItemReader', 'ResultWriter', 'ItemBatcher', 'Catch', 'Retry', 'Choices'])

/**
 * AWS's ValidateStateMachineDefinition warning "Field value looks like a path, but field name
 * does not end with 'Path'": `"StringEquals": "$.expected"` compares with the literal string,
 * `"Cause": "$.message"` fails with that text. The `...Path` form reads the value.
 */
export const noPath: CheckRule = {
  code,
  check(_definition, context) {
    const out: Diagnostic[] = []
    for (const state of context.states) {
      if (state.language !== 'JSONPath') continue
      literalPaths(state.value, state, STATE_ITSELF, out)
      forEachChoiceRule(state, (rule, at) => literalPaths(rule, state, at, out))
    }
    return out
  },
}

const STATE_ITSELF = (): Path => []

function literalPaths(object: JsonRecord, state: StateInfo, at: () => Path, out: Diagnostic[]): void {
  for (const name of state.namesOf(object)) {
    if (SKIPPED.has(name) || name.endsWith('Path')) continue
    const value = object[name]
    if (typeof value !== 'string' || !looksLikePath(value)) continue
    out.push({
      severity: 'WARNING',
      code,
      message: `The value of '${name}' looks like a path, but '${name}' does not end with 'Path': it is used as the literal string '${value}'`,
      location: jsonPointer([...state.path, ...at(), name]),
      hint: `Use '${name}Path' to read the value at ${value}`,
    })
  }
}
