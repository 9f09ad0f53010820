import { evaluateChoiceRule } from '../../choice/index.js'
import { readPath } from '../../jsonpath/index.js'
import { StatesError } from '../errors.js'
import { conclude, effectiveInput, jsonataBindings, NO_RESULT, pathScope, type OutputFields } from '../io.js'
import { evaluateField, unexpectedType } from '../jsonata-fields.js'
import type { Outcome, StateRun } from '../types.js'

type Rule = Readonly<Record<string, unknown>>

/**
 * Choice: the first rule that holds picks the next state and brings its own Assign and Output;
 * none holding takes Default with the state's own, and no Default is `States.NoChoiceMatched`.
 */
export async function runChoice(run: StateRun, rawInput: unknown): Promise<Outcome> {
  const input = effectiveInput(run, rawInput)
  for (const [index, rule] of ((run.state.Choices ?? []) as readonly Rule[]).entries()) {
    if (await holds(run, rule, input, index)) {
      const fields: OutputFields = { Assign: rule.Assign, Output: rule.Output }
      return { ...(await conclude(run, rawInput, input, NO_RESULT, fields)), next: rule.Next as string }
    }
  }
  if (typeof run.state.Default !== 'string') {
    throw new StatesError('States.NoChoiceMatched', `No Choice rule of the state '${run.name}' matched, and it has no Default.`)
  }
  return { ...(await conclude(run, rawInput, input, NO_RESULT)), next: run.state.Default }
}

async function holds(run: StateRun, rule: Rule, input: unknown, index: number): Promise<boolean> {
  if (run.language === 'JSONata') {
    const field = `Choices[${index}].Condition`
    const value = await evaluateField(rule.Condition, field, jsonataBindings(run, input), run.at, run.frame.env.effects)
    if (typeof value !== 'boolean') throw unexpectedType(run.at, rule.Condition, 'Condition', 'boolean', value)
    return value
  }
  return evaluateChoiceRule(rule, (path) => readPath(path, pathScope(run, input)))
}
