import { evaluateIntrinsic, type IntrinsicOptions } from '../intrinsics/index.js'
import { readPath, writePath, PathWriteError } from '../jsonpath/index.js'
import { stateFailure, type StateAt } from './errors.js'

/** What JSONPath fields of a state read: `$` the input, `$$` the context object, `$name` a variable. */
export interface PathScope {
  readonly input: unknown
  readonly context: unknown
  readonly variables: Readonly<Record<string, unknown>>
}

/**
 * The value a path field selects (InputPath, ItemsPath, a `.$` payload field, ...); a path that
 * selects nothing is the `States.Runtime` error AWS raises, naming the field and the input.
 */
export function select(path: string, scope: PathScope, field: string, at: StateAt): unknown {
  let read
  try {
    read = readPath(path, scope)
  } catch (error) {
    throw stateFailure(at, 'States.Runtime', `The JSONPath '${path}' specified for the field '${field}' is not valid: ${(error as Error).message}`)
  }
  if (!read.found) {
    throw stateFailure(at, 'States.Runtime', `The JSONPath '${path}' specified for the field '${field}' could not be found in the input '${JSON.stringify(scope.input)}'`)
  }
  return read.value
}

/** InputPath and OutputPath: `$` by default, null for `{}`. */
export function filterPath(path: unknown, scope: PathScope, field: 'InputPath' | 'OutputPath', at: StateAt): unknown {
  if (path === undefined || path === '$') return scope.input
  if (path === null) return {}
  return select(String(path), scope, field, at)
}

/**
 * Fills a payload template (Parameters, ItemSelector, ResultSelector, Assign, Arguments of a
 * JSONPath state): `key.$` fields become `key` with the value a path or intrinsic function gives;
 * everything else is copied as it is, `{% %}` text included.
 */
export function fillTemplate(template: unknown, scope: PathScope, at: StateAt, effects: IntrinsicOptions): unknown {
  if (Array.isArray(template)) return template.map((item) => fillTemplate(item, scope, at, effects))
  if (template === null || typeof template !== 'object') return template
  const filled: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(template)) {
    if (key.endsWith('.$') && typeof value === 'string') filled[key.slice(0, -2)] = dynamicValue(value, key, scope, at, effects)
    else filled[key] = fillTemplate(value, scope, at, effects)
  }
  return filled
}

/** A `.$` field's value: an intrinsic function call or a path. */
export function dynamicValue(text: string, field: string, scope: PathScope, at: StateAt, effects: IntrinsicOptions): unknown {
  // An intrinsic's failure reaches the state's runner, which reports it with AWS's prefix (asStatesError).
  return text.startsWith('States.') ? evaluateIntrinsic(text, scope, effects) : select(text, scope, field, at)
}

/**
 * ResultPath: where the result goes in the state's raw input. `$` (the default) replaces the
 * input, null keeps the input and drops the result.
 */
export function placeResult(resultPath: unknown, rawInput: unknown, result: unknown, at: StateAt): unknown {
  if (resultPath === undefined || resultPath === '$') return result
  if (resultPath === null) return rawInput
  try {
    return writePath(String(resultPath), rawInput, result)
  } catch (error) {
    // The developer guide's error for exactly this: "failed to apply a state's ResultPath field to the input the state received".
    if (error instanceof PathWriteError) throw stateFailure(at, 'States.ResultPathMatchFailure', error.message)
    throw error
  }
}
