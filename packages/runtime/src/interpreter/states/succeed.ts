import { conclude, effectiveInput, NO_RESULT } from '../io.js'
import type { Outcome, StateRun } from '../types.js'

/** Succeed: the branch or the execution ends here with the state's (filtered) input. */
export async function runSucceed(run: StateRun, rawInput: unknown): Promise<Outcome> {
  const input = effectiveInput(run, rawInput)
  return { ...(await conclude(run, rawInput, input, NO_RESULT)), next: undefined }
}
