import { evaluateJsonataField, type JsonataBindings, type JsonataOptions } from '../jsonata/index.js'
import { stateFailure, type StatesError, type StateAt } from './errors.js'

const EXPRESSION = /^\{%([\s\S]*)%\}$/

/** The JSONata expression a field's text holds (`{% $states.input.x %}` -> `$states.input.x`), if it is one. */
export function expressionOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  return EXPRESSION.exec(value)?.[1]?.trim()
}

/**
 * Evaluates a JSONata state's field (Arguments, Output, Assign, Items, ...) as AWS does: a whole
 * `{% %}` string is an expression, objects and arrays are walked and each `{% %}` string in them
 * evaluated, anything else is a literal. Errors name the field (`Output/result`) and the state.
 */
export async function evaluateField(template: unknown, field: string, bindings: JsonataBindings, at: StateAt, options: JsonataOptions): Promise<unknown> {
  const expression = expressionOf(template)
  // A QueryEvaluationError reaches the state's runner, which reports it with AWS's prefix (asStatesError).
  if (expression !== undefined) return evaluateJsonataField(expression, field, bindings, options)
  if (Array.isArray(template)) {
    const items: unknown[] = []
    for (const [index, item] of template.entries()) items.push(await evaluateField(item, `${field}[${index}]`, bindings, at, options))
    return items
  }
  if (template === null || typeof template !== 'object') return template
  const filled: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(template)) filled[key] = await evaluateField(value, `${field}/${key}`, bindings, at, options)
  return filled
}

/**
 * The QueryEvaluationError AWS raises when a field's expression gives a value of the wrong type,
 * in AWS's words.
 */
export function unexpectedType(at: StateAt, template: unknown, field: string, expected: string, value: unknown): StatesError {
  const expression = expressionOf(template) ?? JSON.stringify(template)
  return stateFailure(
    at,
    'States.QueryEvaluationError',
    `The JSONata expression '${expression}' specified for the field '${field}' returned an unexpected result type. Expected '${expected}', but was '${jsonType(value)}' for value: ${JSON.stringify(value)}`,
  )
}

/** A JSON value's type as AWS names it in errors. */
export function jsonType(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'array'
  return typeof value === 'object' ? 'object' : typeof value
}
