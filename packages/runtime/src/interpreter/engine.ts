import { asStatesError, StatesError } from './errors.js'
import { json } from './history.js'
import { STATE_RUNNERS } from './states/index.js'
import type { Frame, Outcome, StateDefinition, StateRun, StatesBlock } from './types.js'

/**
 * Runs a block of states (the machine, a Parallel branch, a Map iteration) from StartAt to its
 * end, and returns the last state's output. Throws the StatesError that ends it unhandled.
 */
export async function runBlock(block: StatesBlock, input: unknown, frame: Frame): Promise<unknown> {
  let name: string | undefined = block.StartAt
  let data = input
  let text: string | undefined
  while (name !== undefined) {
    if (frame.stop.aborted || frame.env.stopped.aborted) throw new BranchStopped()
    const state = block.States[name]
    if (state === undefined) throw new StatesError('States.Runtime', `The state '${name}' does not exist`)
    const outcome: Outcome & { text: string } = await runState(name, state, data, text, frame)
    data = outcome.output
    text = outcome.text
    name = outcome.next
  }
  return data
}

/** A branch stopped because a sibling failed or the execution ended; not an error of its own. */
export class BranchStopped extends Error {
  constructor() {
    super('stopped')
  }
}

/** Runs one state; returns its outcome and its output as JSON text (measured once, for the size limit and the history). */
async function runState(name: string, state: StateDefinition, input: unknown, inputText: string | undefined, frame: Frame): Promise<Outcome & { text: string }> {
  const type = String(state.Type)
  const { history } = frame.env
  const enteredEventId = history.add(`${type}StateEntered`, frame.lastEventId, () => ({ name, input: inputText ?? json(input), inputDetails: { truncated: false } }))
  frame.lastEventId = enteredEventId
  const enteredAt = frame.env.clock.now()
  const run: StateRun = {
    name,
    state,
    at: { name, enteredEventId },
    language: state.QueryLanguage === 'JSONata' || state.QueryLanguage === 'JSONPath' ? state.QueryLanguage : frame.language,
    frame,
    retryCount: 0,
    context() {
      return {
        Execution: frame.env.execution,
        // AWS shows RetryCount only in states that can retry.
        State: 'Retry' in state ? { EnteredTime: new Date(enteredAt).toISOString(), Name: name, RetryCount: run.retryCount } : { EnteredTime: new Date(enteredAt).toISOString(), Name: name },
        StateMachine: frame.env.stateMachine,
      }
    },
    record(eventType, details) {
      frame.lastEventId = frame.env.history.add(eventType, frame.lastEventId, details)
      return frame.lastEventId
    },
  }
  const runner = STATE_RUNNERS[type]
  if (runner === undefined) throw new StatesError('States.Runtime', `The state '${name}' has the unknown type '${type}'`)
  let outcome: Outcome
  try {
    outcome = await runner(run, input)
  } catch (error) {
    if (error instanceof BranchStopped) throw error
    throw asStatesError(error, run.at)
  }
  const text = json(outcome.output)
  checkSize(text, name, frame)
  const { assigned } = outcome
  if (assigned !== undefined) frame.variables = { ...frame.variables, ...assigned }
  if (type !== 'Fail') {
    run.record(`${type}StateExited`, () => ({
      name,
      output: text,
      outputDetails: { truncated: false },
      ...(assigned === undefined
        ? {}
        : { assignedVariables: Object.fromEntries(Object.entries(assigned).map(([key, value]) => [key, json(value)])), assignedVariablesDetails: { truncated: false } }),
    }))
  }
  return { ...outcome, text }
}

/** AWS's 256 KiB cap on every payload a state gives (UTF-8 is at most 3 bytes per UTF-16 unit). */
function checkSize(text: string, name: string, frame: Frame): void {
  if (text.length * 3 <= frame.env.payloadLimit) return
  if (Buffer.byteLength(text, 'utf8') > frame.env.payloadLimit) {
    throw new StatesError('States.DataLimitExceeded', `The state/task '${name}' returned a result with a size exceeding the maximum number of bytes service limit.`)
  }
}
