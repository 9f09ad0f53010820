import type { JsonataBindings } from '../jsonata/index.js'
import { evaluateField } from './jsonata-fields.js'
import { fillTemplate, filterPath, placeResult, type PathScope } from './paths.js'
import type { StateRun } from './types.js'

/** Marks a state that produces no result of its own (Choice, Wait, Succeed): its output is its input. */
export const NO_RESULT: unique symbol = Symbol('no result')

/** What `$`, `$$` and the variables are for a JSONPath field of this state. */
export function pathScope(run: StateRun, input: unknown): PathScope {
  // The context object is built only when a `$$` path reads it: most fields never do.
  return {
    input,
    get context() {
      return run.context()
    },
    variables: run.frame.variables,
  }
}

/** What `$states` and the variables are for a JSONata field of this state. */
export function jsonataBindings(run: StateRun, input: unknown, extra: { result?: unknown; errorOutput?: unknown } = {}): JsonataBindings {
  return { states: { input, context: run.context(), ...extra }, variables: run.frame.variables }
}

/** The input a JSONPath state works on, after InputPath; a JSONata state works on its raw input. */
export function effectiveInput(run: StateRun, rawInput: unknown): unknown {
  if (run.language === 'JSONata') return rawInput
  return filterPath(run.state.InputPath, pathScope(run, rawInput), 'InputPath', run.at)
}

/** The fields that shape a state's output; a Choice rule or a catcher brings its own. */
export interface OutputFields {
  readonly Assign?: unknown
  readonly Output?: unknown
  readonly ResultPath?: unknown
}

/**
 * Ends a state as AWS does. JSONPath: ResultSelector, then Assign (reading the selected result),
 * ResultPath into the raw input, then OutputPath. JSONata: Assign and Output, both reading the
 * variables as they were when the state was entered.
 */
export async function conclude(
  run: StateRun,
  rawInput: unknown,
  input: unknown,
  result: unknown,
  fields: OutputFields = run.state,
): Promise<{ output: unknown; assigned: Record<string, unknown> | undefined }> {
  const hasResult = result !== NO_RESULT
  if (run.language === 'JSONata') {
    const bindings = jsonataBindings(run, rawInput, hasResult ? { result } : {})
    const assigned = fields.Assign === undefined ? undefined : ((await evaluateField(fields.Assign, 'Assign', bindings, run.at, run.frame.env.effects)) as Record<string, unknown>)
    const output = fields.Output === undefined ? (hasResult ? result : rawInput) : await evaluateField(fields.Output, 'Output', bindings, run.at, run.frame.env.effects)
    return { output, assigned }
  }
  const { effects } = run.frame.env
  const selected = hasResult && run.state.ResultSelector !== undefined ? fillTemplate(run.state.ResultSelector, pathScope(run, result), run.at, effects) : result
  const assignSource = hasResult ? selected : input
  const assigned = fields.Assign === undefined ? undefined : (fillTemplate(fields.Assign, pathScope(run, assignSource), run.at, effects) as Record<string, unknown>)
  const placed = hasResult ? placeResult('ResultPath' in fields ? fields.ResultPath : run.state.ResultPath, rawInput, selected, run.at) : input
  const output = filterPath(run.state.OutputPath, pathScope(run, placed), 'OutputPath', run.at)
  return { output, assigned }
}

/** Where a state goes next: its Next, or nowhere at its End. */
export function nextOf(run: StateRun): string | undefined {
  return run.state.End === true ? undefined : (run.state.Next as string | undefined)
}

/**
 * What a Task or Parallel hands on: JSONata's Arguments (default: the raw input), or JSONPath's
 * Parameters filled from the effective input (default: that input).
 */
export async function argumentsOf(run: StateRun, rawInput: unknown, input: unknown): Promise<unknown> {
  const { effects } = run.frame.env
  if (run.language === 'JSONata') {
    return run.state.Arguments === undefined ? rawInput : evaluateField(run.state.Arguments, 'Arguments', jsonataBindings(run, rawInput), run.at, effects)
  }
  return run.state.Parameters === undefined ? input : fillTemplate(run.state.Parameters, pathScope(run, input), run.at, effects)
}
