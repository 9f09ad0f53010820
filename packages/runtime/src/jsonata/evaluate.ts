import jsonata from 'jsonata'
import { QueryEvaluationError } from './failure.js'
import { stepFunctionsFunctions, type JsonataOptions } from './functions.js'

export type { JsonataOptions } from './functions.js'

/** What `$states` holds while a state's JSONata runs, and the workflow variables in scope. */
export interface JsonataBindings {
  readonly states: { readonly input: unknown; readonly context: unknown; readonly result?: unknown; readonly errorOutput?: unknown }
  readonly variables?: Readonly<Record<string, unknown>>
}

/**
 * Evaluates a JSONata expression (the text inside `{% %}`) as Step Functions does: `$states` and
 * each variable (`$name`) are bound, and `$partition`, `$range`, `$hash`, `$random`, `$uuid` and
 * `$parse` are Step Functions' own; `$eval` is refused. Resolves to `undefined` when the expression
 * gives nothing; use `evaluateJsonataField` where a field needs a value. Rejects with
 * `QueryEvaluationError` (`States.QueryEvaluationError`) when the evaluation fails.
 *
 * @example await evaluateJsonata('$partition($states.input.ids, 2)', { states: { input: { ids: [1, 2, 3] }, context: {} } }) // [[1, 2], [3]]
 */
export async function evaluateJsonata(expression: string, bindings: JsonataBindings, options: JsonataOptions = {}): Promise<unknown> {
  return run(expression, undefined, bindings, options)
}

/**
 * Evaluates the JSONata expression of one field (`Output`, `Assign/total`, `Items`, ...), which
 * must give a value: nothing (undefined) is a `QueryEvaluationError` naming the field, in AWS's words.
 *
 * @example await evaluateJsonataField('$missing', 'Output', { states: { input: {}, context: {} } })
 * // rejects: "The JSONata expression '$missing' specified for the field 'Output' returned nothing (undefined)."
 */
export async function evaluateJsonataField(expression: string, field: string, bindings: JsonataBindings, options: JsonataOptions = {}): Promise<unknown> {
  const value = await run(expression, field, bindings, options)
  if (value === undefined) throw new QueryEvaluationError(`${subject(expression, field)} returned nothing (undefined).`)
  return value
}

function subject(expression: string, field: string | undefined): string {
  return field === undefined ? `The JSONata expression '${expression}'` : `The JSONata expression '${expression}' specified for the field '${field}'`
}

/** Parsed expressions by text: a state machine evaluates the same few expressions over and over. */
const compiled = new Map<string, jsonata.Expression>()
const MAX_COMPILED = 2000

function compile(expression: string): jsonata.Expression {
  let parsed = compiled.get(expression)
  if (parsed === undefined) {
    parsed = jsonata(expression)
    if (compiled.size >= MAX_COMPILED) compiled.clear()
    compiled.set(expression, parsed)
  }
  return parsed
}

/** Step Functions' functions as bindings, made once per options object. */
const functionsByOptions = new WeakMap<JsonataOptions, Record<string, unknown>>()

function functionBindings(options: JsonataOptions): Record<string, unknown> {
  let functions = functionsByOptions.get(options)
  if (functions === undefined) {
    functions = Object.fromEntries(stepFunctionsFunctions(options))
    functionsByOptions.set(options, functions)
  }
  return functions
}

async function run(expression: string, field: string | undefined, bindings: JsonataBindings, options: JsonataOptions): Promise<unknown> {
  let value: unknown
  try {
    value = await compile(expression).evaluate(undefined, { ...bindings.variables, ...functionBindings(options), states: bindings.states })
  } catch (error) {
    throw new QueryEvaluationError(`${subject(expression, field)} threw an error during evaluation. ${describe(error)}`)
  }
  if (isFunction(value)) throw new QueryEvaluationError(`${subject(expression, field)} returned an unsupported result type.`)
  return toJson(value)
}

/** A JSONata lambda or a native function: no JSON value, so no field can hold it. */
function isFunction(value: unknown): boolean {
  return typeof value === 'function' || (value !== null && typeof value === 'object' && ('_jsonata_lambda' in value || '_jsonata_function' in value))
}

/** JSONata's own errors carry a code (`T1006: Attempted to invoke a non-function`); ours carry the function's name. */
function describe(error: unknown): string {
  if (error === null || typeof error !== 'object') return String(error)
  const { code, message } = error as { code?: unknown; message?: unknown }
  const text = typeof message === 'string' ? message : String(error)
  return typeof code === 'string' ? `${code}: ${text}` : text
}

/** Drops JSONata's sequence markers and anything JSON cannot hold, as AWS does when it serialises the result. */
function toJson(value: unknown): unknown {
  return value === undefined || value === null || typeof value !== 'object' ? value : (JSON.parse(JSON.stringify(value)) as unknown)
}
