import { childFrame, linkedStop, runPool } from '../branches.js'
import { runBlock } from '../engine.js'
import { StatesError } from '../errors.js'
import { argumentsOf, conclude, effectiveInput, nextOf } from '../io.js'
import { withRetryAndCatch } from '../retry.js'
import type { Outcome, StateRun, StatesBlock } from '../types.js'

/**
 * Parallel: every branch runs at once on the same input; the result is their outputs in branch
 * order. The first branch to fail stops the others and fails the state (Retry and Catch apply).
 */
export async function runParallel(run: StateRun, rawInput: unknown): Promise<Outcome> {
  return withRetryAndCatch(run, rawInput, async () => {
    const input = effectiveInput(run, rawInput)
    const branchInput = await argumentsOf(run, rawInput, input)
    const branches = (run.state.Branches ?? []) as readonly StatesBlock[]
    const startedId = run.record('ParallelStateStarted')
    const stop = linkedStop(run.frame.stop)
    let results: unknown[]
    try {
      results = await runPool(branches.length, 0, (index) => runBlock(branches[index] as StatesBlock, branchInput, childFrame(run.frame, stop.signal, startedId)), stop)
    } catch (error) {
      if (error instanceof StatesError) run.record('ParallelStateFailed', error.details())
      throw error
    }
    run.record('ParallelStateSucceeded')
    return { ...(await conclude(run, rawInput, input, results)), next: nextOf(run) }
  })
}

