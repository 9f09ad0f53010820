import { InvalidDefinitionError, run, type Execution, type RunOptions } from '@dlc/runtime'
import { basename, relative } from 'node:path'
import type { ParsedArgs } from '../args.js'
import { isError, type FileDiagnostic } from '../diagnostics.js'
import type { Io } from '../io.js'
import { readSource, type SourceDocument } from '../validate/source.js'
import { classify } from '../validate/targets.js'
import { statesOf } from './definition-states.js'
import { definitionFindings, placeFindings, unreadableFile } from './findings.js'
import { readMockFile, type MockFile } from './mocks.js'
import { execRequest, type ExecRequest } from './options.js'
import { printExecutionJson, printExecutionText, printNotRun } from './report.js'

/** AWS's limit on an execution's input: 256 KiB of JSON. */
const MAX_INPUT_BYTES = 262_144

/** The exit code when nothing ran: bad usage, an invalid definition, an unreadable input or mock file. */
const NOT_RUN = 2

/**
 * `dlc exec`: reads the definition, the input and the mocks, runs the state machine and reports
 * the execution; exit 0 when it succeeded, 1 when it failed or timed out, 2 when nothing ran.
 */
export async function execute(args: ParsedArgs, io: Io): Promise<number> {
  const request = execRequest(args, io.cwd)
  const display = (path: string) => (relative(io.cwd, path) || path).split('\\').join('/')
  const definitionFile = display(request.definition)

  const definition = await readDefinition(request.definition, definitionFile)
  if (!('value' in definition)) return notRun(io, [definition.problem], request)
  const input = await readInput(request.input, display)
  const mocks: MockFile = request.mock === undefined ? { format: 'dlc', mocks: [], diagnostics: [] } : await readMockFile(request.mock, display(request.mock), request.testCase, statesOf(definition.value))
  const problems = [...('problem' in input ? [input.problem] : []), ...mocks.diagnostics]
  if (problems.some(isError)) return notRun(io, problems, request)

  const options: RunOptions = {
    mocks: mocks.mocks,
    clock: request.clock,
    stateMachineName: mocks.stateMachine ?? machineName(request.definition),
    ...(request.startTime === undefined ? {} : { startTime: request.startTime }),
    ...(request.name === undefined ? {} : { name: request.name }),
  }
  let execution: Execution
  try {
    execution = await run(definition.value, 'value' in input ? input.value : {}, options)
  } catch (error) {
    if (!(error instanceof InvalidDefinitionError)) throw error
    return notRun(io, [...placeFindings(definitionFile, definition.source, definitionFindings(error.diagnostics)), ...problems], request)
  }
  const report = { history: request.history, warnings: problems, ...(request.mock === undefined ? {} : { mockFile: display(request.mock), mockFormat: mocks.format }) }
  if (request.format === 'json') printExecutionJson(io, execution, report)
  else printExecutionText(io, execution, report)
  return execution.status === 'SUCCEEDED' ? 0 : 1
}

function notRun(io: Io, diagnostics: readonly FileDiagnostic[], request: ExecRequest): number {
  printNotRun(io, diagnostics, request.format)
  return NOT_RUN
}

type Read<T> = T | { readonly problem: FileDiagnostic }

async function readDefinition(path: string, file: string): Promise<Read<{ readonly value: unknown; readonly source: SourceDocument }>> {
  const source = await readSource(path)
  if (!('value' in source)) return { problem: unreadableFile(file, source, 'name a state machine definition: a .asl.json or .asl.yaml file') }
  if (classify(source.value).kind === 'template') {
    return {
      problem: {
        file,
        severity: 'ERROR',
        code: 'DLC_NOT_A_DEFINITION',
        message: 'this is a CloudFormation template; dlc exec runs one state machine definition',
        hint: 'run the machine\'s .asl.json (dlc compile writes one per workflow), or save its Definition as a file of its own',
      },
    }
  }
  return { value: source.value, source }
}

async function readInput(input: ExecRequest['input'], display: (path: string) => string): Promise<Read<{ readonly value: unknown }>> {
  let value: unknown
  let file: string | undefined
  if ('value' in input) value = input.value
  else {
    file = display(input.file)
    const source = await readSource(input.file)
    if (!('value' in source)) return { problem: unreadableFile(file, source, 'name a JSON or YAML file with the execution input: --input @input.json') }
    value = source.value
  }
  const bytes = Buffer.byteLength(JSON.stringify(value) ?? '')
  if (bytes <= MAX_INPUT_BYTES) return { value }
  return {
    problem: {
      file: file ?? '--input',
      severity: 'ERROR',
      code: 'DLC_INPUT_TOO_LARGE',
      message: `the input is ${bytes.toLocaleString('en-US')} bytes as JSON; AWS accepts up to ${MAX_INPUT_BYTES.toLocaleString('en-US')} (256 KiB)`,
      hint: 'pass large data by reference, as AWS would need: an S3 location in the input',
    },
  }
}

/** `orders` from `flows/orders.asl.json`: the machine's name in the ARNs, as AWS allows names. */
function machineName(path: string): string {
  const name = basename(path)
    .replace(/(\.asl)?\.(json|ya?ml)$/i, '')
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .slice(0, 80)
  return name === '' ? 'local' : name
}
