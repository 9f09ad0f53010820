import { conclude, effectiveInput, NO_RESULT, nextOf, pathScope } from '../io.js'
import { fillTemplate } from '../paths.js'
import type { Outcome, StateRun } from '../types.js'

/** Pass: its Result (or its Parameters, or its input) is its result; JSONata shapes it with Output. */
export async function runPass(run: StateRun, rawInput: unknown): Promise<Outcome> {
  if (run.language === 'JSONata') return { ...(await conclude(run, rawInput, rawInput, NO_RESULT)), next: nextOf(run) }
  const input = effectiveInput(run, rawInput)
  const result =
    'Result' in run.state ? run.state.Result : run.state.Parameters !== undefined ? fillTemplate(run.state.Parameters, pathScope(run, input), run.at, run.frame.env.effects) : input
  return { ...(await conclude(run, rawInput, input, result)), next: nextOf(run) }
}
