import { resolve } from 'node:path'
import { UsageError, type ParsedArgs } from '../args.js'
import { invalidJson } from '../validate/source.js'

/** What `dlc exec` was asked to do, checked; files are read later. */
export interface ExecRequest {
  /** Absolute. */
  readonly definition: string
  /** The input given inline, or the file (absolute) named with `@`. */
  readonly input: { readonly value: unknown } | { readonly file: string }
  /** Absolute. */
  readonly mock?: string
  readonly testCase?: string
  readonly history: boolean
  readonly format: 'text' | 'json'
  readonly clock: 'virtual' | 'real'
  readonly startTime?: Date
  readonly name?: string
}

/**
 * Reads exec's command line; every mistake in it is a UsageError.
 *
 * @example execRequest(parseArgs(['orders.asl.json', '--input', '{"id":1}'], execCommand.options), '/work')
 */
export function execRequest(args: ParsedArgs, cwd: string): ExecRequest {
  const [definition, ...extra] = args.positionals
  if (definition === undefined) throw new UsageError('exec needs a state machine definition: dlc exec orders.asl.json', 'exec')
  if (extra.length > 0) throw new UsageError(`exec runs one definition, not ${args.positionals.length}`, 'exec')
  const mock = text(args, 'mock')
  const testCase = text(args, 'test-case')
  if (testCase !== undefined && mock === undefined) throw new UsageError('--test-case names a test case of the --mock file; give the file too', 'exec')
  const clock = args.options['clock'] === 'real' ? 'real' : 'virtual'
  const startTime = startTimeOption(text(args, 'start-time'))
  if (startTime !== undefined && clock === 'real') throw new UsageError('--start-time sets the virtual clock; --clock real starts now', 'exec')
  const name = nameOption(text(args, 'name'))
  return {
    definition: resolve(cwd, definition),
    input: inputOption(text(args, 'input'), cwd),
    ...(mock === undefined ? {} : { mock: resolve(cwd, mock) }),
    ...(testCase === undefined ? {} : { testCase }),
    history: args.options['history'] === true,
    format: args.options['format'] === 'json' ? 'json' : 'text',
    clock,
    ...(startTime === undefined ? {} : { startTime }),
    ...(name === undefined ? {} : { name }),
  }
}

function text(args: ParsedArgs, name: string): string | undefined {
  const value = args.options[name]
  return typeof value === 'string' ? value : undefined
}

function inputOption(option: string | undefined, cwd: string): ExecRequest['input'] {
  if (option === undefined) return { value: {} }
  if (option.startsWith('@')) {
    if (option.length === 1) throw new UsageError('--input @ needs a file name: --input @input.json', 'exec')
    return { file: resolve(cwd, option.slice(1)) }
  }
  try {
    return { value: JSON.parse(option) as unknown }
  } catch (error) {
    const problem = invalidJson(option, (error as Error).message)
    const at = problem.position === undefined ? '' : ` (column ${problem.position.column}${problem.position.line > 1 ? ` of line ${problem.position.line}` : ''})`
    throw new UsageError(`--input is ${problem.message}${at}; quote JSON for the shell, --input '{"id": 1}', or name a file, --input @input.json`, 'exec')
  }
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/

function startTimeOption(option: string | undefined): Date | undefined {
  if (option === undefined) return undefined
  const instant = INSTANT.test(option) ? new Date(option) : new Date(NaN)
  if (Number.isNaN(instant.getTime())) throw new UsageError(`--start-time must be an ISO 8601 instant with Z or an offset, e.g. 2026-05-01T03:00:00Z, not "${option}"`, 'exec')
  return instant
}

/** What StartExecution refuses in a name: whitespace, brackets, wildcards, these punctuation marks and control characters. */
const NAME_FORBIDDEN = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/

function nameOption(option: string | undefined): string | undefined {
  if (option === undefined) return undefined
  if (option.length === 0 || option.length > 80) throw new UsageError(`--name must be 1 to 80 characters, not ${option.length}`, 'exec')
  const forbidden = NAME_FORBIDDEN.exec(option)
  if (forbidden !== null) throw new UsageError(`--name cannot contain ${JSON.stringify(forbidden[0])}, as AWS's StartExecution refuses it: "${option}"`, 'exec')
  return option
}
