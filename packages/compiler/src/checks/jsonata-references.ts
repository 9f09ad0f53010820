import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import type { JsonRecord } from './context.js'
import type { CheckRule } from './rule.js'
import { forEachJsonataExpression, perExpression, walkJsonata } from './syntax/jsonata.js'

const code = 'UNSUPPORTED_JSONATA_EXPRESSION'

/**
 * Step Functions gives a JSONata expression no input document (ASL spec, "JSONata Restrictions"):
 * `$`, a bare field name at the top level and `$$` anywhere would read it, so AWS refuses them
 * at definition time. Data comes from `$states.input` and variables instead.
 */
export const jsonataReferences: CheckRule = {
  code,
  check(_definition, context) {
    const out: Diagnostic[] = []
    forEachJsonataExpression(context, (state, at, parsed) => {
      const names = parsed.ok ? inputReferences(parsed.ast) : []
      if (names.length === 0) return
      const location = jsonPointer([...state.path, ...at])
      for (const name of names) {
        out.push({
          severity: 'ERROR',
          code,
          message: name === '$$' ? "Reference to '$$' is not supported." : `Reference to '${name}' at the top level is not supported.`,
          location,
          hint: name === '$' || name === '$$' ? 'Read the state input as $states.input' : `Read it from the state input as $states.input.${name}, or from a variable as $${name}`,
        })
      }
    })
    return out
  },
}

/** The distinct input-document references of an expression, in order of appearance. */
const inputReferences = perExpression((ast: unknown): string[] => {
  const names = new Set<string>()
  walkJsonata(ast, (node: JsonRecord, topLevel) => {
    if (node['type'] === 'variable' && node['value'] === '$') names.add('$$')
    if (!topLevel) return
    if (node['type'] === 'variable' && node['value'] === '') names.add('$')
    if (node['type'] === 'name' && typeof node['value'] === 'string') names.add(node['value'])
  })
  return [...names]
})
