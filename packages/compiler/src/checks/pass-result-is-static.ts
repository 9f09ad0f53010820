import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import type { CheckRule } from './rule.js'
import { forEachTemplateField } from './syntax/fields.js'
import { looksLikePath } from './syntax/jsonpath.js'

const code = 'PASS_RESULT_IS_STATIC'

/**
 * AWS's ValidateStateMachineDefinition warning "Attempt to use a path in the result of a pass
 * state": a Pass state's `Result` is output as written, so a `.$` field or a path in it is never
 * evaluated. The intent is usually `Parameters`.
 */
export const passResultIsStatic: CheckRule = {
  code,
  check(_definition, context) {
    const out: Diagnostic[] = []
    for (const state of context.states) {
      if (state.language !== 'JSONPath' || state.type !== 'Pass' || !('Result' in state.value)) continue
      const result = state.value['Result']
      const warn = (at: readonly (string | number)[], what: string): void => {
        out.push({
          severity: 'WARNING',
          code,
          message: `${what} in the Result of a Pass state is not evaluated: Result is static`,
          location: jsonPointer([...state.path, ...at]),
          hint: "Use 'Parameters' to build the output from paths and intrinsic functions",
        })
      }
      if (typeof result === 'string' && looksLikePath(result)) warn(['Result'], `The path '${result}'`)
      forEachTemplateField(result, ['Result'], (key, value, at) => {
        if (key.endsWith('.$')) warn(at, `The field '${key}'`)
        else if (typeof value === 'string' && looksLikePath(value)) warn(at, `The path '${value}'`)
      })
    }
    return out
  },
}
