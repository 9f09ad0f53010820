import type { Command } from '../command.js'

const HELP = `Usage: dlc exec <file> [options]

Runs one state machine on this machine, with the behaviour AWS documents, and prints its
output as JSON. <file> is an ASL definition: *.asl.json, *.asl.yaml, or any JSON or YAML
file with StartAt and States; \${...} placeholders stay as they are. Tasks call nothing:
give each the answer it should have with --mock. Waits and retry back-off take no time
unless --clock real.

Options:
      --input <json|@file>   The execution input: JSON text, or @ and a JSON or YAML
                             file (default: {})
      --mock <file>          Task answers (JSON or YAML): dlc's { "mocks": [...] }, or
                             AWS Step Functions Local's MockConfigFile
      --test-case <name>     The MockConfigFile test case to use: <name>, or
                             <state machine>#<name> when several have it
      --history              Also print the execution history
      --format <format>      text (default), or json: one report on stdout for tools
      --clock <clock>        virtual (default): waits end at once, the times in the
                             history are as AWS would show them; real: waits wait
      --start-time <instant> When the execution starts on the virtual clock, an ISO
                             8601 instant such as 2026-05-01T03:00:00Z (default: now)
      --name <name>          The execution's name in its ARN and $$.Execution.Name
                             (default: a random UUID)
  -h, --help                 Show this help

Text output: the output on stdout; a failure's error and cause, the history and problems
with the files on stderr.

Exit codes: 0 the execution succeeded, 1 it failed or timed out, 2 bad usage, an invalid
definition, or an unreadable input or mock file.
`

/** `dlc exec`: a definition and an input in, the execution's output out. */
export const execCommand: Command = {
  name: 'exec',
  summary: 'Run a state machine locally with mocked tasks and print its output',
  help: HELP,
  options: {
    input: { type: 'string' },
    mock: { type: 'string' },
    'test-case': { type: 'string' },
    history: { type: 'boolean' },
    format: { type: 'string', choices: ['text', 'json'] },
    clock: { type: 'string', choices: ['virtual', 'real'] },
    'start-time': { type: 'string' },
    name: { type: 'string' },
  },
  async run(args, io) {
    // Loaded when exec runs: the interpreter (with JSONata) costs every other command start-up time.
    const { execute } = await import('../exec/execute.js')
    return execute(args, io)
  },
}
