import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import { isRecord, type JsonRecord } from './context.js'
import type { CheckRule } from './rule.js'
import { forEachJsonataExpression, perExpression, walkJsonata } from './syntax/jsonata.js'

const code = 'DLC_JSONATA_FUNCTION_UNAVAILABLE'

/**
 * Step Functions supports every JSONata 2.0.6 built-in except `$eval` ("Transforming data with
 * JSONata"). AWS accepts the definition, but the expression fails when it runs
 * (States.QueryEvaluationError), hence a warning rather than an error.
 */
export const jsonataFunctions: CheckRule = {
  code,
  check(_definition, context) {
    const out: Diagnostic[] = []
    forEachJsonataExpression(context, (state, at, parsed) => {
      if (!parsed.ok || !callsEval(parsed.ast)) return
      out.push({
        severity: 'WARNING',
        code,
        message: 'The JSONata function $eval is not available in Step Functions: the expression fails when it runs',
        location: jsonPointer([...state.path, ...at]),
        hint: 'Use $parse to read a JSON string',
      })
    })
    return out
  },
}

const callsEval = perExpression((ast: unknown): boolean => {
  let found = false
  walkJsonata(ast, (node: JsonRecord) => {
    const procedure = node['procedure']
    if ((node['type'] === 'function' || node['type'] === 'partial') && isRecord(procedure) && procedure['type'] === 'variable' && procedure['value'] === 'eval') found = true
  })
  return found
})
