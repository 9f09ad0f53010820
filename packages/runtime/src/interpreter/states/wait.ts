import { parseTimestamp as parseInstant } from '../../choice/index.js'
import { stateFailure } from '../errors.js'
import { conclude, effectiveInput, jsonataBindings, NO_RESULT, nextOf, pathScope } from '../io.js'
import { evaluateField } from '../jsonata-fields.js'
import { select } from '../paths.js'
import type { Outcome, StateRun } from '../types.js'

/**
 * Wait: Seconds, Timestamp, SecondsPath or TimestampPath (JSONata: Seconds and Timestamp take
 * expressions), on the execution's clock: the virtual clock skips the wait, the real one sleeps.
 */
export async function runWait(run: StateRun, rawInput: unknown): Promise<Outcome> {
  const input = effectiveInput(run, rawInput)
  const until = await wakeUpTime(run, input)
  const { clock } = run.frame.env
  await clock.sleep(until - clock.now())
  return { ...(await conclude(run, rawInput, input, NO_RESULT)), next: nextOf(run) }
}

async function wakeUpTime(run: StateRun, input: unknown): Promise<number> {
  const { state, at } = run
  const now = run.frame.env.clock.now()
  if (run.language === 'JSONata') {
    const bindings = jsonataBindings(run, input)
    if (state.Seconds !== undefined) {
      const seconds = await evaluateField(state.Seconds, 'Seconds', bindings, at, run.frame.env.effects)
      if (!Number.isInteger(seconds) || (seconds as number) < 0) {
        throw stateFailure(at, 'States.QueryEvaluationError', `The Seconds field must be a non-negative integer, but was: ${JSON.stringify(seconds)}`)
      }
      return now + (seconds as number) * 1000
    }
    const timestamp = await evaluateField(state.Timestamp, 'Timestamp', bindings, at, run.frame.env.effects)
    const time = parseTimestamp(timestamp)
    if (time === undefined) {
      throw stateFailure(at, 'States.QueryEvaluationError', `The Timestamp field cannot be parsed as an ISO-8601 extended offset date-time format string: ${String(timestamp)}`)
    }
    return time
  }
  if (typeof state.Seconds === 'number') return now + state.Seconds * 1000
  if (typeof state.Timestamp === 'string') return parseTimestamp(state.Timestamp) ?? now
  const scope = pathScope(run, input)
  if (typeof state.SecondsPath === 'string') {
    const seconds = select(state.SecondsPath, scope, 'SecondsPath', at)
    if (!Number.isInteger(seconds)) {
      throw stateFailure(at, 'States.Runtime', `The SecondsPath parameter cannot be parsed as a long value: ${state.SecondsPath} == ${String(seconds)}`)
    }
    return now + Math.max(0, seconds as number) * 1000
  }
  const timestamp = select(String(state.TimestampPath), scope, 'TimestampPath', at)
  const time = parseTimestamp(timestamp)
  if (time === undefined) {
    throw stateFailure(at, 'States.Runtime', `The TimestampPath parameter does not reference a valid ISO-8601 extended offset date-time format string: ${String(state.TimestampPath)} == ${String(timestamp)}`)
  }
  return time
}

/** Milliseconds since the epoch of an ISO-8601 extended offset date-time, or undefined when it is not one. */
function parseTimestamp(value: unknown): number | undefined {
  const instant = typeof value === 'string' ? parseInstant(value) : undefined
  return instant === undefined ? undefined : instant.seconds * 1000 + Math.floor(instant.nanos / 1_000_000)
}
