import type { Execution } from '@dlc/runtime'
import { printDiagnostics, summary, type FileDiagnostic } from '../diagnostics.js'
import type { Io } from '../io.js'
import { eventLines, finalState } from './history.js'
import type { MockFormat } from './mocks.js'

export interface ReportOptions {
  readonly history: boolean
  /** Warnings about the files read: mocks that never answer. */
  readonly warnings: readonly FileDiagnostic[]
  /** The mock file given, as the user named it, for the hint when a Task has no mock. */
  readonly mockFile?: string
  readonly mockFormat?: MockFormat
}

/**
 * The execution for people: its output, pretty JSON, alone on stdout so that it pipes; the
 * history, a failure's error and cause, and warnings on stderr.
 *
 *     execution FAILED in state "Load"
 *     error: Glue.ConcurrentRunsExceededException
 *     cause: Concurrent runs exceeded for job nightly-etl
 */
export function printExecutionText(io: Io, execution: Execution, options: ReportOptions): void {
  printDiagnostics(io.stderr, options.warnings)
  if (options.history) printHistory(io, execution)
  if (execution.status === 'SUCCEEDED') {
    io.stdout.write(`${JSON.stringify(execution.output ?? null, null, 2)}\n`)
    return
  }
  const state = finalState(execution.history)
  io.stderr.write(`execution ${execution.status}${state === undefined ? '' : ` in state ${JSON.stringify(state)}`}\n`)
  if (execution.error !== undefined) io.stderr.write(`error: ${execution.error}\n`)
  if (execution.cause !== undefined) io.stderr.write(`cause: ${execution.cause}\n`)
  const hint = missingMockHint(execution, options)
  if (hint !== undefined) io.stderr.write(`  hint: ${hint}\n`)
}

/** The execution for tools: one JSON document on stdout. */
export function printExecutionJson(io: Io, execution: Execution, options: ReportOptions): void {
  const report = {
    status: execution.status,
    ...(execution.status === 'SUCCEEDED'
      ? { output: execution.output ?? null }
      : { ...(execution.error === undefined ? {} : { error: execution.error }), ...(execution.cause === undefined ? {} : { cause: execution.cause }) }),
    executionArn: execution.executionArn,
    stateMachineArn: execution.stateMachineArn,
    name: execution.name,
    startDate: execution.startDate.toISOString(),
    stopDate: execution.stopDate.toISOString(),
    ...(options.history ? { history: execution.history } : {}),
    ...(options.warnings.length === 0 ? {} : { diagnostics: options.warnings }),
  }
  io.stdout.write(`${JSON.stringify(report, null, 2)}\n`)
}

/** Why nothing ran: the definition is invalid, or the input or mock file is. */
export function printNotRun(io: Io, diagnostics: readonly FileDiagnostic[], format: 'text' | 'json'): void {
  if (format === 'json') {
    io.stdout.write(`${JSON.stringify({ status: 'INVALID', diagnostics }, null, 2)}\n`)
    return
  }
  printDiagnostics(io.stderr, diagnostics)
  io.stderr.write(`${summary(diagnostics)}; the execution did not start\n`)
}

/**
 * One line per event: id, time since the start, type, state, and the error of a failure.
 *
 *      4  +0s  TaskFailed     Load  Glue.ThrottlingException
 *      5  +2s  TaskScheduled  Load
 */
function printHistory(io: Io, execution: Execution): void {
  const lines = eventLines(execution.history)
  const rows = lines.map((line) => [String(line.id), `+${seconds(line.elapsed)}`, line.type, line.state ?? '', line.error ?? ''] as const)
  const widths = [0, 1, 2, 3].map((column) => Math.max(0, ...rows.map((row) => row[column]?.length ?? 0)))
  for (const [id, elapsed, type, state, error] of rows) {
    const cells = [id.padStart(widths[0] ?? 0), elapsed.padEnd(widths[1] ?? 0), type.padEnd(widths[2] ?? 0), state.padEnd(widths[3] ?? 0), error]
    io.stderr.write(`${cells.join('  ').trimEnd()}\n`)
  }
}

/** `3s`, `1.5s`, `0.25s`: the virtual clock's milliseconds as seconds, no trailing zeros. */
function seconds(milliseconds: number): string {
  return `${Number((milliseconds / 1000).toFixed(3))}s`
}

/** The runtime's cause when a Task had neither a handler nor a mock. */
const NO_MOCK = /No handler or mock for the resource '(.*)' of the state '(.*)'/

function missingMockHint(execution: Execution, { mockFile, mockFormat }: ReportOptions): string | undefined {
  if (execution.error !== 'States.Runtime') return undefined
  const missing = NO_MOCK.exec(execution.cause ?? '')
  if (missing === null) return undefined
  const state = JSON.stringify(missing[2])
  const entry = `{ "state": ${state}, "result": {} }`
  if (mockFile === undefined) return `dlc exec calls no AWS service: answer the task with --mock mocks.json, holding { "mocks": [${entry}] }`
  if (mockFormat === 'MockConfigFile') return `map ${state} to a mocked response in the test case of ${mockFile}`
  return `add a mock for it to ${mockFile}: ${entry}`
}
