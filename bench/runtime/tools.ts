/**
 * The interpreters the runtime bench times, each as "prepare a machine, then execute it once per
 * call": dlc's `run` with its defaults and with its options turned off, and aws-local-stepfunctions
 * as its README shows (a StateMachine built once, `run(input).result` per execution) or built anew
 * per execution.
 */
import '../../packages/runtime/test/differential/node20.js'
import type { BenchMachine } from './machines.js'

export const TOOLS = ['dlc', 'dlc-no-history', 'dlc-lean', 'aws-local', 'aws-local-per-run'] as const
export type ToolName = (typeof TOOLS)[number]

/**
 * What runs without --tools. aws-local-per-run is left out: its constructor runs asl-validator,
 * which compiles its JSON Schema each time (~70-100 ms), so it measures that and little else.
 */
export const DEFAULT_TOOLS: readonly ToolName[] = ['dlc', 'dlc-no-history', 'dlc-lean', 'aws-local']

/** What the table says each tool name runs. */
export const TOOL_LABELS: Readonly<Record<ToolName, string>> = {
  dlc: 'dlc run(definition, input)',
  'dlc-no-history': 'dlc run(..., { history: false })',
  'dlc-lean': 'dlc run(..., { validate: false, history: false })',
  'aws-local': 'aws-local-stepfunctions (one StateMachine)',
  'aws-local-per-run': 'aws-local-stepfunctions (new StateMachine per run)',
}

/** One execution of the machine on its input; resolves to the output, rejects when it fails. */
export type Execute = () => Promise<unknown>

export function toolOf(name: string | undefined): ToolName {
  const tool = TOOLS.find((t) => t === name)
  if (tool === undefined) throw new Error(`unknown tool "${name}"; expected one of ${TOOLS.join(', ')}`)
  return tool
}

/** Loads only the named tool's modules, so a child process's heap holds one interpreter. */
export async function prepare(tool: ToolName, machine: BenchMachine): Promise<Execute> {
  if (tool.startsWith('dlc')) {
    const { run } = await import('../../packages/runtime/src/index.js')
    const options = tool === 'dlc' ? {} : tool === 'dlc-no-history' ? { history: false } : { validate: false, history: false }
    return async () => {
      const execution = await run(machine.definition, machine.input, options)
      if (execution.status !== 'SUCCEEDED') throw new Error(`dlc: ${machine.name} ${execution.status}: ${execution.error} ${execution.cause}`)
      return execution.output
    }
  }
  const { StateMachine } = await import('aws-local-stepfunctions')
  const definition = machine.definition as unknown as ConstructorParameters<typeof StateMachine>[0]
  const input = machine.input as Parameters<InstanceType<typeof StateMachine>['run']>[0]
  if (tool === 'aws-local-per-run') return () => new StateMachine(definition).run(input).result
  const built = new StateMachine(definition)
  return () => built.run(input).result
}
