import './node20.js'
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions'
import { run } from '@dlc/runtime'

/** What an execution ended with, in the terms both interpreters can report. */
export type Outcome =
  | { readonly status: 'SUCCEEDED'; readonly output: unknown }
  | { readonly status: 'FAILED'; readonly error: string; readonly cause?: string }
  /** The interpreter refused the definition before running it. */
  | { readonly status: 'INVALID'; readonly message: string }

/** dlc's `run`, reduced to an Outcome. */
export async function runDlc(definition: unknown, input: unknown): Promise<Outcome> {
  let execution
  try {
    execution = await run(definition, input)
  } catch (thrown) {
    if (thrown instanceof Error && thrown.name === 'InvalidDefinitionError') return { status: 'INVALID', message: thrown.message }
    throw thrown
  }
  if (execution.status === 'SUCCEEDED') return { status: 'SUCCEEDED', output: execution.output }
  return { status: 'FAILED', error: execution.error ?? '', ...(execution.cause === undefined ? {} : { cause: execution.cause }) }
}

/**
 * aws-local-stepfunctions' StateMachine for a definition, or why its constructor refused it.
 * Its asl-validator 3 checks are skipped: they refuse some definitions AWS accepts (an empty
 * string inside an array in Parameters: `{ "list": [""] }`) and write `"QueryLanguage":
 * "JSONPath"` into every state of the object they are given. What is compared is execution.
 */
export function awsLocalMachine(definition: unknown): StateMachine | { readonly invalid: string } {
  try {
    return new StateMachine(structuredClone(definition) as StateMachineDefinition, { validationOptions: { noValidate: true } })
  } catch (thrown) {
    return { invalid: thrown instanceof Error ? thrown.message : String(thrown) }
  }
}

/**
 * aws-local-stepfunctions' `StateMachine.run(...).result`, reduced to an Outcome. A failed
 * execution rejects with an ExecutionError whose `cause` is the state's error: its `name` is the
 * States error name (or the Fail state's Error) and its `message` the cause.
 */
export async function runAwsLocal(machine: StateMachine | { readonly invalid: string }, input: unknown): Promise<Outcome> {
  if (!(machine instanceof StateMachine)) return { status: 'INVALID', message: machine.invalid }
  try {
    return { status: 'SUCCEEDED', output: await machine.run(input as never).result }
  } catch (thrown) {
    const failure = thrown instanceof Error && thrown.name === 'ExecutionError' ? thrown.cause : undefined
    if (!(failure instanceof Error)) throw thrown
    return { status: 'FAILED', error: failure.name, cause: failure.message }
  }
}
