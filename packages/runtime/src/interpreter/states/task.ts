import { StatesError, stateFailure } from '../errors.js'
import { json } from '../history.js'
import { argumentsOf, conclude, effectiveInput, jsonataBindings, nextOf, pathScope } from '../io.js'
import { evaluateField } from '../jsonata-fields.js'
import { select } from '../paths.js'
import { withRetryAndCatch } from '../retry.js'
import type { Deadline } from '../clock.js'
import type { Outcome, StateRun } from '../types.js'

/** The default TimeoutSeconds of a Task, as AWS has it: 99999999 seconds. */
const DEFAULT_TIMEOUT_SECONDS = 99_999_999

/**
 * Task: evaluates Parameters (or Arguments), calls the handler for its Resource with the
 * state's timeout and heartbeat, and shapes the result; Retry and Catch apply to every attempt.
 */
export async function runTask(run: StateRun, rawInput: unknown): Promise<Outcome> {
  return withRetryAndCatch(run, rawInput, async () => {
    const input = effectiveInput(run, rawInput)
    const payload = await argumentsOf(run, rawInput, input)
    const limits = { timeout: await seconds(run, 'TimeoutSeconds', rawInput, input), heartbeat: await seconds(run, 'HeartbeatSeconds', rawInput, input) }
    const result = await invoke(run, payload, limits)
    return { ...(await conclude(run, rawInput, input, result)), next: nextOf(run) }
  })
}


/** The seconds a duration field gives: a number, a `...Path` (JSONPath) or an expression (JSONata). */
async function seconds(run: StateRun, field: 'TimeoutSeconds' | 'HeartbeatSeconds', rawInput: unknown, input: unknown): Promise<number | undefined> {
  const { state, at } = run
  let value: unknown = state[field]
  if (run.language === 'JSONata' && value !== undefined) value = await evaluateField(value, field, jsonataBindings(run, rawInput), at, run.frame.env.effects)
  if (typeof state[`${field}Path`] === 'string') value = select(state[`${field}Path`] as string, pathScope(run, input), `${field}Path`, at)
  if (value === undefined) return undefined
  if (!Number.isInteger(value) || (value as number) < 1) throw stateFailure(at, 'States.Runtime', `The ${field} value must be a positive integer, but was: ${JSON.stringify(value)}`)
  return value as number
}

async function invoke(run: StateRun, payload: unknown, seconds: { timeout: number | undefined; heartbeat: number | undefined }): Promise<unknown> {
  const resource = String(run.state.Resource)
  const kind = describeResource(resource)
  const timeout = seconds.timeout ?? DEFAULT_TIMEOUT_SECONDS
  const { heartbeat } = seconds
  const limits = { ...(seconds.timeout === undefined ? {} : { timeoutInSeconds: timeout }), ...(heartbeat === undefined ? {} : { heartbeatInSeconds: heartbeat }) }
  if (kind.lambda) run.record('LambdaFunctionScheduled', { resource, input: json(payload), inputDetails: { truncated: false }, ...limits })
  else run.record('TaskScheduled', { ...kind.names, region: run.frame.env.region, parameters: json(payload), ...limits })
  run.record(kind.lambda ? 'LambdaFunctionStarted' : 'TaskStarted', kind.lambda ? undefined : kind.names)
  try {
    const result = await withTimeout(run, resource, payload, timeout, heartbeat)
    const output = { output: json(result), outputDetails: { truncated: false } }
    run.record(kind.lambda ? 'LambdaFunctionSucceeded' : 'TaskSucceeded', kind.lambda ? output : { ...kind.names, ...output })
    return result
  } catch (thrown) {
    const error = thrown instanceof StatesError ? thrown : new StatesError(kind.lambda ? 'Lambda.Unknown' : 'States.TaskFailed', describeThrown(thrown))
    const timedOut = error.error === 'States.Timeout' || error.error === 'States.HeartbeatTimeout'
    const type = kind.lambda ? (timedOut ? 'LambdaFunctionTimedOut' : 'LambdaFunctionFailed') : timedOut ? 'TaskTimedOut' : 'TaskFailed'
    run.record(type, kind.lambda ? error.details() : { ...kind.names, ...error.details() })
    throw error
  }
}

async function withTimeout(run: StateRun, resource: string, payload: unknown, timeout: number, heartbeat: number | undefined): Promise<unknown> {
  const { clock, tasks, stopped } = run.frame.env
  const controller = new AbortController()
  const stop = (): void => controller.abort()
  stopped.addEventListener('abort', stop, { once: true })
  run.frame.stop.addEventListener('abort', stop, { once: true })
  const deadline = clock.deadline(timeout * 1000)
  let beat: Deadline | undefined
  let arm = (): void => {}
  const heartbeatLost = new Promise<never>((_, reject) => {
    arm = () => {
      if (heartbeat === undefined) return
      beat?.cancel()
      const mine = clock.deadline(heartbeat * 1000)
      beat = mine
      void mine.passed.then(() => {
        if (beat === mine) reject(new StatesError('States.HeartbeatTimeout', `The task of the state '${run.name}' sent no heartbeat for ${String(heartbeat)} seconds (HeartbeatSeconds)`))
      })
    }
  })
  arm()
  try {
    return await Promise.race([
      tasks.invoke(structuredClone(payload), {
        resource,
        stateName: run.name,
        attempt: run.retryCount,
        context: run.context(),
        signal: controller.signal,
        heartbeat: () => arm(),
      }),
      deadline.passed.then(() => {
        throw new StatesError('States.Timeout', `The task of the state '${run.name}' did not finish within ${timeout} seconds (TimeoutSeconds)`)
      }),
      heartbeatLost,
    ])
  } finally {
    deadline.cancel()
    beat?.cancel()
    controller.abort()
    stopped.removeEventListener('abort', stop)
    run.frame.stop.removeEventListener('abort', stop)
  }
}

interface ResourceKind {
  readonly lambda: boolean
  readonly names: { readonly resourceType: string; readonly resource: string }
}

/**
 * How history names a Task's resource: `arn:aws:states:::glue:startJobRun.sync` is resourceType
 * `glue`, resource `startJobRun.sync`; a Lambda function ARN gets the LambdaFunction* events.
 */
export function describeResource(resource: string): ResourceKind {
  const service = /^arn:[^:]+:states:[^:]*:[^:]*:(.+)$/.exec(resource)?.[1]
  if (service !== undefined) {
    const [type, ...rest] = service.split(':')
    return { lambda: false, names: { resourceType: type ?? service, resource: rest.join(':') } }
  }
  return { lambda: /^arn:[^:]+:lambda:/.test(resource), names: { resourceType: 'unknown', resource } }
}

function describeThrown(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : JSON.stringify(thrown)
}
