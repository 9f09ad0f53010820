import { asStatesError, errorMatches, type StatesError } from './errors.js'
import { jsonataBindings, pathScope } from './io.js'
import { evaluateField } from './jsonata-fields.js'
import { fillTemplate, placeResult } from './paths.js'
import type { Outcome, StateRun } from './types.js'

type Retrier = Readonly<Record<string, unknown>>

/**
 * Runs a Task, Parallel or Map attempt with the state's Retry and Catch, as AWS does: the first
 * retrier whose ErrorEquals matches decides (each retrier counts its own attempts); when none
 * retries, the first matching catcher hands the error output to its Next state.
 */
export async function withRetryAndCatch(run: StateRun, rawInput: unknown, attempt: () => Promise<Outcome>): Promise<Outcome> {
  const retriers = (run.state.Retry ?? []) as readonly Retrier[]
  const attemptsByRetrier = retriers.map(() => 0)
  for (;;) {
    try {
      return await attempt()
    } catch (caught) {
      // An evaluator's error (intrinsic, JSONata, Map Run settings) becomes the StatesError AWS reports; anything else passes through.
      const thrown = asStatesError(caught, run.at)
      const index = retriers.findIndex((retrier) => errorMatches(retrier.ErrorEquals as readonly unknown[], thrown.error))
      const retrier = retriers[index]
      const done = attemptsByRetrier[index] ?? 0
      if (retrier !== undefined && done < maxAttempts(retrier)) {
        attemptsByRetrier[index] = done + 1
        await run.frame.env.clock.sleep(retryDelay(retrier, done, run.frame.env.effects.random ?? Math.random) * 1000)
        run.retryCount += 1
        continue
      }
      return catchError(run, rawInput, thrown)
    }
  }
}

function maxAttempts(retrier: Retrier): number {
  return typeof retrier.MaxAttempts === 'number' ? retrier.MaxAttempts : 3
}

/**
 * Seconds before retry number `done + 1`: IntervalSeconds × BackoffRate^done, capped by
 * MaxDelaySeconds; with JitterStrategy FULL, a random time between 0 and that.
 *
 * @example retryDelay({ IntervalSeconds: 3, BackoffRate: 1.5 }, 1, Math.random) // 4.5
 */
export function retryDelay(retrier: Retrier, done: number, random: () => number): number {
  const interval = typeof retrier.IntervalSeconds === 'number' ? retrier.IntervalSeconds : 1
  const backoff = typeof retrier.BackoffRate === 'number' ? retrier.BackoffRate : 2
  const cap = typeof retrier.MaxDelaySeconds === 'number' ? retrier.MaxDelaySeconds : Infinity
  const delay = Math.min(interval * backoff ** done, cap)
  return retrier.JitterStrategy === 'FULL' ? random() * delay : delay
}

async function catchError(run: StateRun, rawInput: unknown, error: StatesError): Promise<Outcome> {
  const catchers = (run.state.Catch ?? []) as readonly Retrier[]
  const catcher = catchers.find((candidate) => errorMatches(candidate.ErrorEquals as readonly unknown[], error.error))
  if (catcher === undefined) throw error
  const errorOutput = error.output()
  const next = catcher.Next as string
  if (run.language === 'JSONata') {
    const bindings = jsonataBindings(run, rawInput, { errorOutput })
    const { effects } = run.frame.env
    const assigned = catcher.Assign === undefined ? undefined : ((await evaluateField(catcher.Assign, 'Assign', bindings, run.at, effects)) as Record<string, unknown>)
    const output = catcher.Output === undefined ? errorOutput : await evaluateField(catcher.Output, 'Output', bindings, run.at, effects)
    return assigned === undefined ? { output, next } : { output, next, assigned }
  }
  const assigned = catcher.Assign === undefined ? undefined : (fillTemplate(catcher.Assign, pathScope(run, errorOutput), run.at, run.frame.env.effects) as Record<string, unknown>)
  const output = placeResult(catcher.ResultPath, rawInput, errorOutput, run.at)
  return assigned === undefined ? { output, next } : { output, next, assigned }
}
