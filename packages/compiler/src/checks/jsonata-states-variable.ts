import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import type { JsonRecord, Path, StateInfo } from './context.js'
import { didYouMean } from '@dlc/dsl'
import type { CheckRule } from './rule.js'
import { forEachJsonataExpression, perExpression, statesField, walkJsonata } from './syntax/jsonata.js'

const code = 'DLC_STATES_FIELD_UNAVAILABLE'

const FIELDS = ['input', 'result', 'errorOutput', 'context'] as const
const HAS_RESULT = new Set(['Task', 'Map', 'Parallel'])

/**
 * The reserved `$states` variable has `input`, `result`, `errorOutput` and `context` (ASL spec,
 * "Reserved states Variable"): `result` only in the top-level Output and Assign of a Task, Map
 * or Parallel, `errorOutput` only in a catcher's Output and Assign. Anywhere else they hold no
 * value and the expression cannot mean what it says.
 */
export const jsonataStatesVariable: CheckRule = {
  code,
  check(_definition, context) {
    const out: Diagnostic[] = []
    forEachJsonataExpression(context, (state, at, parsed) => {
      if (!parsed.ok) return
      for (const field of statesFieldsOf(parsed.ast)) {
        const problem = unavailable(field, state, at)
        if (problem !== undefined) out.push({ severity: 'ERROR', code, location: jsonPointer([...state.path, ...at]), ...problem })
      }
    })
    return out
  },
}

/** The distinct `$states.<field>` an expression reads, in order of appearance. */
const statesFieldsOf = perExpression((ast: unknown): string[] => {
  const fields = new Set<string>()
  walkJsonata(ast, (node: JsonRecord) => {
    const field = statesField(node)
    if (field !== undefined) fields.add(field)
  })
  return [...fields]
})

function unavailable(field: string, state: StateInfo, at: Path): { message: string; hint: string } | undefined {
  const [first, index, inCatcher] = at
  const type = state.type
  if (field === 'input' || field === 'context') return undefined
  if (field === 'result') {
    if ((first === 'Output' || first === 'Assign') && typeof type === 'string' && HAS_RESULT.has(type)) return undefined
    return {
      message: `$states.result is not available in ${fieldName(at)} of a ${asText(type)} state`,
      hint: "Only the top-level 'Output' and 'Assign' of a Task, Map or Parallel state can read $states.result",
    }
  }
  if (field === 'errorOutput') {
    if (first === 'Catch' && typeof index === 'number' && (inCatcher === 'Output' || inCatcher === 'Assign')) return undefined
    return {
      message: `$states.errorOutput is not available in ${fieldName(at)}`,
      hint: "Only a catcher's 'Output' and 'Assign' can read $states.errorOutput",
    }
  }
  const suggestion = didYouMean(field, FIELDS)
  return {
    message: `$states has no field '${field}'`,
    hint: suggestion === undefined ? `$states has ${FIELDS.join(', ')}` : `Did you mean "$states.${suggestion}"?`,
  }
}

/**
 * `String(value)` as it reads for JSON values, also for objects without a prototype (what
 * validate() reads, and what JSON.parse makes of a `"__proto__"` key), on which String() throws.
 */
function asText(value: unknown): string {
  if (Array.isArray(value)) return value.map((item: unknown) => (item === null || item === undefined ? '' : asText(item))).join(',')
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === null ? '[object Object]' : String(value)
}

function fieldName(at: Path): string {
  return `'${at.filter((segment) => typeof segment === 'string').join('/')}'`
}
