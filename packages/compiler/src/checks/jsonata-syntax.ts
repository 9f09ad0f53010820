import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import { isRecord, type JsonRecord } from './context.js'
import type { CheckRule } from './rule.js'
import { forEachJsonataExpression, perExpression, walkJsonata } from './syntax/jsonata.js'

const code = 'INVALID_JSONATA_EXPRESSION'

/**
 * Every `{% %}` expression of a JSONata state parses. AWS parses them when the definition is
 * created and refuses one that does not with INVALID_JSONATA_EXPRESSION and the parser's message
 * at the field. Step Functions implements JSONata 2.0.6, whose parser has neither `??` nor `?:`
 * (added in 2.1.0), which jsonata 2.2.2 would accept.
 */
export const jsonataSyntax: CheckRule = {
  code,
  check(_definition, context) {
    const out: Diagnostic[] = []
    forEachJsonataExpression(context, (state, at, parsed) => {
      if (!parsed.ok) {
        const where = parsed.position === undefined ? '' : ` (at character ${parsed.position} of '${parsed.expression.trim()}')`
        out.push({ severity: 'ERROR', code, message: parsed.message + where, location: jsonPointer([...state.path, ...at]) })
        return
      }
      const operator = newerOperator(parsed.ast)
      if (operator !== undefined) {
        out.push({
          severity: 'ERROR',
          code,
          message: `The operator '${operator}' is not supported: Step Functions implements JSONata 2.0.6`,
          location: jsonPointer([...state.path, ...at]),
          hint: operator === '??' ? 'Write $exists(x) ? x : y instead' : 'Write x ? x : y instead',
        })
      }
    })
    return out
  },
}

/**
 * jsonata 2.1+ desugars `a ?? b` into a condition on a `$exists` call that has no source
 * position, and `a ?: b` into a condition whose `then` is its condition node itself.
 */
const newerOperator = perExpression((ast: unknown): '??' | '?:' | undefined => {
  let found: '??' | '?:' | undefined
  walkJsonata(ast, (node: JsonRecord) => {
    if (found !== undefined || node['type'] !== 'condition') return
    const condition = node['condition']
    if (isRecord(condition) && node['then'] === condition) found = '?:'
    const procedure = isRecord(condition) ? condition['procedure'] : undefined
    if (isRecord(procedure) && procedure['value'] === 'exists' && procedure['position'] === undefined) found = '??'
  })
  return found
})
