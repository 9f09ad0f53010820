import { StatesError } from '../errors.js'
import { jsonataBindings, pathScope } from '../io.js'
import { evaluateField } from '../jsonata-fields.js'
import { dynamicValue } from '../paths.js'
import type { Outcome, StateRun } from '../types.js'

/** Fail: ends the branch or the execution with its Error and Cause (static, from a path, or JSONata). */
export async function runFail(run: StateRun, rawInput: unknown): Promise<Outcome> {
  const error = await read(run, rawInput, 'Error')
  const cause = await read(run, rawInput, 'Cause')
  throw new StatesError(error === undefined ? '' : String(error), cause === undefined ? undefined : String(cause))
}

async function read(run: StateRun, input: unknown, field: 'Error' | 'Cause'): Promise<unknown> {
  const { effects } = run.frame.env
  if (run.language === 'JSONata') {
    return run.state[field] === undefined ? undefined : evaluateField(run.state[field], field, jsonataBindings(run, input), run.at, effects)
  }
  const path = run.state[`${field}Path`]
  if (typeof path === 'string') return dynamicValue(path, `${field}Path`, pathScope(run, input), run.at, effects)
  return run.state[field]
}
