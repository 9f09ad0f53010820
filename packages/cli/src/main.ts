import packageJson from '../package.json'
import { parseArgs, UsageError } from './args.js'
import type { Command } from './command.js'
import { compileCommand } from './commands/compile.js'
import { execCommand } from './commands/exec.js'
import { ingestCommand } from './commands/ingest.js'
import { runCommand } from './commands/run.js'
import { scheduleCommand } from './commands/schedule.js'
import { validateCommand } from './commands/validate.js'
import { processIo, type Io } from './io.js'

const COMMANDS: readonly Command[] = [compileCommand, validateCommand, execCommand, runCommand, ingestCommand, scheduleCommand]

/** The exit code for a failure inside dlc itself (EX_SOFTWARE). */
const INTERNAL_ERROR = 70

/**
 * Runs `dlc` with the arguments after the program name and returns the exit code:
 * 0 done, 1 the input has errors, 2 bad usage, 70 a bug in dlc.
 *
 * @example process.exitCode = await main(['compile', 'examples/datalake'])
 */
export async function main(argv: readonly string[], io: Partial<Io> = {}): Promise<number> {
  const streams: Io = { ...processIo(), ...io }
  try {
    return await dispatch(argv, streams)
  } catch (error) {
    if (error instanceof UsageError) {
      streams.stderr.write(`dlc: ${error.message}\n`)
      streams.stderr.write(`Run "dlc ${error.command === undefined ? '--help' : `help ${error.command}`}" for usage.\n`)
      return 2
    }
    streams.stderr.write(`dlc: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`)
    streams.stderr.write(`This is a bug in dlc, not in your workflow. Please report it with the command you ran.\n`)
    return INTERNAL_ERROR
  }
}

async function dispatch(argv: readonly string[], io: Io): Promise<number> {
  const [first, ...rest] = argv
  switch (first) {
    case undefined:
      io.stderr.write(globalHelp())
      return 2
    case '-h':
    case '--help':
      io.stdout.write(globalHelp())
      return 0
    case '-v':
    case '--version':
      io.stdout.write(`${packageJson.version}\n`)
      return 0
    case 'help':
      return help(rest, io)
  }
  if (first.startsWith('-')) throw new UsageError(`unknown option ${first}`)
  const command = findCommand(first)
  const args = parseArgs(rest, { ...command.options, help: { type: 'boolean', short: 'h' } }, command.name)
  if (args.options['help'] === true) {
    io.stdout.write(command.help)
    return 0
  }
  return command.run(args, io)
}

function help(args: readonly string[], io: Io): number {
  const [name, ...extra] = args
  if (extra.length > 0) throw new UsageError('help takes one command name')
  io.stdout.write(name === undefined ? globalHelp() : findCommand(name).help)
  return 0
}

function findCommand(name: string): Command {
  const command = COMMANDS.find((candidate) => candidate.name === name)
  if (command === undefined) throw new UsageError(`unknown command "${name}"; the commands are ${COMMANDS.map((c) => c.name).join(', ')}`)
  return command
}

function globalHelp(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length))
  const commands = COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')
  return `dlc ${packageJson.version}: typed TypeScript pipelines for AWS Step Functions

Usage: dlc <command> [options]

Commands:
${commands}

Options:
  -h, --help     Show this help
  -v, --version  Show dlc's version

Run "dlc help <command>" for a command's options.
`
}
