import { describe, expect, it } from 'vitest'
import { dlc, project } from '../helpers.js'
import { BROKEN, CHECK, ORDERS, ORDERS_YAML } from './fixtures.js'

const LOAD_SUCCEEDS = JSON.stringify({ mocks: [{ state: 'Load', result: { JobRunId: 'jr_1', JobRunState: 'SUCCEEDED' } }] })

interface Report {
  status: string
  output?: unknown
  error?: string
  cause?: string
  executionArn: string
  stateMachineArn: string
  name: string
  startDate: string
  stopDate: string
  history?: { id: number; type: string; timestamp: string; previousEventId: number; [details: string]: unknown }[]
  diagnostics?: unknown[]
}

describe('dlc exec', () => {
  it('prints the output of a succeeded execution as JSON on stdout, exit 0', async () => {
    const dir = await project({ 'orders.asl.json': ORDERS, 'mocks.json': LOAD_SUCCEEDS })
    const run = await dlc(['exec', 'orders.asl.json', '--input', '{"date":"2026-05-01"}', '--mock', 'mocks.json'], dir)
    expect(run).toEqual({ code: 0, stdout: `${JSON.stringify({ date: '2026-05-01', load: { state: 'SUCCEEDED' } }, null, 2)}\n`, stderr: '' })
  })

  it('runs with {} as the input by default', async () => {
    const dir = await project({ 'echo.asl.json': JSON.stringify({ StartAt: 'Echo', States: { Echo: { Type: 'Pass', End: true } } }) })
    expect(await dlc(['exec', 'echo.asl.json'], dir)).toEqual({ code: 0, stdout: '{}\n', stderr: '' })
  })

  it('jumps over waits on the virtual clock: an hour of Wait takes no real time', async () => {
    const dir = await project({ 'check.asl.json': CHECK })
    const started = Date.now()
    const run = await dlc(['exec', 'check.asl.json', '--input', '{"rows": 2}', '--format', 'json'], dir)
    expect(Date.now() - started).toBeLessThan(10_000)
    const report = JSON.parse(run.stdout) as Report
    expect(report.status).toBe('SUCCEEDED')
    expect(Date.parse(report.stopDate) - Date.parse(report.startDate)).toBeGreaterThanOrEqual(3_600_000)
  })

  it('fails with exit 1 and prints the state, error and cause on stderr', async () => {
    const dir = await project({ 'check.asl.json': CHECK })
    const run = await dlc(['exec', 'check.asl.json', '--input', '{"rows": 0}'], dir)
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'execution FAILED in state "Empty"\nerror: Orders.Empty\ncause: no rows to load\n' })
  })

  it('reports a failure in JSON with error and cause, and the hour the Wait took on the virtual clock', async () => {
    const dir = await project({ 'check.asl.json': CHECK })
    const run = await dlc(['exec', 'check.asl.json', '--input', '{"rows": 0}', '--format', 'json', '--start-time', '2026-05-01T03:00:00Z', '--name', 'nightly-2026-05-01'], dir)
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as Report
    expect(report).toMatchObject({
      status: 'FAILED',
      error: 'Orders.Empty',
      cause: 'no rows to load',
      name: 'nightly-2026-05-01',
      executionArn: 'arn:aws:states:us-east-1:123456789012:execution:check:nightly-2026-05-01',
      stateMachineArn: 'arn:aws:states:us-east-1:123456789012:stateMachine:check',
    })
    expect(Object.keys(report)).toEqual(['status', 'error', 'cause', 'executionArn', 'stateMachineArn', 'name', 'startDate', 'stopDate'])
    expect(Date.parse(report.startDate) - Date.parse('2026-05-01T03:00:00Z')).toBeLessThan(1000)
    expect(Date.parse(report.stopDate) - Date.parse(report.startDate)).toBeGreaterThanOrEqual(3_600_000)
  })

  it('a succeeded execution in JSON: status, output and the execution\'s identity, no error', async () => {
    const dir = await project({ 'check.asl.json': CHECK })
    const run = await dlc(['exec', 'check.asl.json', '--input', '{"rows": 12}', '--format', 'json'], dir)
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    const report = JSON.parse(run.stdout) as Report
    expect(report.status).toBe('SUCCEEDED')
    expect(report.output).toEqual({ rows: 12 })
    expect(Object.keys(report)).toEqual(['status', 'output', 'executionArn', 'stateMachineArn', 'name', 'startDate', 'stopDate'])
    expect(report.executionArn).toBe(`arn:aws:states:us-east-1:123456789012:execution:check:${report.name}`)
    expect(report.name).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
  })

  it('reads the input from a JSON or YAML file named with @', async () => {
    const dir = await project({ 'check.asl.json': CHECK, 'input.json': '{ "rows": 3 }', 'input.yaml': 'rows: 5\n' })
    expect(await dlc(['exec', 'check.asl.json', '--input', '@input.json'], dir)).toEqual({ code: 0, stdout: '{\n  "rows": 3\n}\n', stderr: '' })
    expect(await dlc(['exec', 'check.asl.json', '--input', '@input.yaml'], dir)).toEqual({ code: 0, stdout: '{\n  "rows": 5\n}\n', stderr: '' })
  })

  it('runs a YAML definition, keeping ${...} placeholders as they are', async () => {
    const dir = await project({ 'orders.asl.yaml': ORDERS_YAML, 'mocks.json': LOAD_SUCCEEDS })
    const run = await dlc(['exec', 'orders.asl.yaml', '--input', '{"date":"2026-05-01"}', '--mock', 'mocks.json', '--format', 'json', '--history'], dir)
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as Report
    expect(report.output).toEqual({ job: '${NightlyEtlJobName}', run: 'jr_1' })
    const scheduled = report.history?.find((event) => event.type === 'TaskScheduled')
    expect(JSON.parse((scheduled?.['taskScheduledEventDetails'] as { parameters: string }).parameters)).toEqual({ JobName: '${NightlyEtlJobName}', Arguments: { '--date': '2026-05-01' } })
  })

  it('prints the history with --history: one line per event on stderr, the output alone on stdout', async () => {
    const dir = await project({ 'orders.asl.json': ORDERS, 'mocks.json': LOAD_SUCCEEDS })
    const args = ['exec', 'orders.asl.json', '--input', '{"date":"2026-05-01"}', '--mock', 'mocks.json', '--history']
    const text = await dlc(args, dir)
    const json = JSON.parse((await dlc([...args, '--format', 'json'], dir)).stdout) as Report
    expect(text.code).toBe(0)
    expect(JSON.parse(text.stdout)).toEqual(json.output)
    const rows = text.stderr.trimEnd().split('\n').map((line) => line.trim().split(/\s+/))
    expect(rows.map((row) => [Number(row[0]), row[2]])).toEqual(json.history?.map((event) => [event.id, event.type]))
    expect(rows.map((row) => row[2])).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited', 'SucceedStateEntered', 'SucceedStateExited', 'ExecutionSucceeded'])
    // The state each event belongs to: none for the execution's own events.
    expect(rows.map((row) => row[3] ?? '')).toEqual(['', 'Load', 'Load', 'Load', 'Load', 'Load', 'Done', 'Done', ''])
    expect(rows.every((row) => /^\+\d+(\.\d+)?s$/.test(row[1] ?? ''))).toBe(true)
  })

  it('includes the history events as AWS shapes them under "history" with --format json', async () => {
    const dir = await project({ 'check.asl.json': CHECK })
    const report = JSON.parse((await dlc(['exec', 'check.asl.json', '--input', '{"rows": 1}', '--format', 'json', '--history'], dir)).stdout) as Report
    const history = report.history ?? []
    expect(history.map((event) => event.id)).toEqual(history.map((_, index) => index + 1))
    expect(history[0]).toMatchObject({ type: 'ExecutionStarted', previousEventId: 0, executionStartedEventDetails: { input: '{"rows":1}' } })
    expect(history.at(-1)).toMatchObject({ type: 'ExecutionSucceeded', executionSucceededEventDetails: { output: '{"rows":1}' } })
    const waited = history.filter((event) => event.type === 'WaitStateEntered' || event.type === 'WaitStateExited').map((event) => Date.parse(event.timestamp))
    expect((waited[1] ?? 0) - (waited[0] ?? 0)).toBeGreaterThanOrEqual(3_600_000)
  })

  it('fails a Task with neither mock nor handler with States.Runtime, and hints at --mock', async () => {
    const dir = await project({ 'orders.asl.json': ORDERS })
    const run = await dlc(['exec', 'orders.asl.json', '--input', '{"date":"2026-05-01"}'], dir)
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    const lines = run.stderr.split('\n')
    expect(lines[0]).toBe('execution FAILED in state "Load"')
    expect(lines[1]).toBe('error: States.Runtime')
    expect(lines[2]).toMatch(/^cause: .*'arn:aws:states:::glue:startJobRun\.sync'.*'Load'/)
    expect(lines[3]).toBe('  hint: dlc exec calls no AWS service: answer the task with --mock mocks.json, holding { "mocks": [{ "state": "Load", "result": {} }] }')
  })

  it('prints an invalid definition\'s errors as dlc validate does and exits 2 without running', async () => {
    const dir = await project({ 'orders.asl.json': BROKEN })
    const run = await dlc(['exec', 'orders.asl.json', '--history'], dir)
    const validate = await dlc(['validate', 'orders.asl.json'], dir)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    const errors = validate.stdout.split('\n').filter((line) => line.includes(': error ') || line.startsWith('  hint: '))
    expect(errors).toContain(`orders.asl.json:4:32 /States/Start/Next: error MISSING_TRANSITION_TARGET: Missing 'Next' target: Dnoe`)
    expect(run.stderr).toBe(`${errors.join('\n')}\n3 errors, 0 warnings; the execution did not start\n`)
  })

  it('reports an invalid definition in JSON as status INVALID with the diagnostics', async () => {
    const dir = await project({ 'orders.asl.json': BROKEN })
    const run = await dlc(['exec', 'orders.asl.json', '--format', 'json'], dir)
    expect(run.code).toBe(2)
    const report = JSON.parse(run.stdout) as { status: string; diagnostics: { file: string; line: number; code: string; location: string }[] }
    expect(report.status).toBe('INVALID')
    expect(report.diagnostics).toContainEqual(expect.objectContaining({ file: 'orders.asl.json', line: 4, column: 32, code: 'MISSING_TRANSITION_TARGET', location: '/States/Start/Next' }))
  })

  it.each([
    ['broken.asl.json', '{ "StartAt": "A", }', /^broken\.asl\.json:1:19: error INVALID_JSON_DESCRIPTION: not valid JSON: /],
    ['broken.asl.yaml', 'StartAt: A\nStates: [\n', /^broken\.asl\.yaml:3:1: error INVALID_JSON_DESCRIPTION: not valid YAML: /],
  ])('exits 2 on a definition that does not parse, with the line and column: %s', async (file, text, expected) => {
    const dir = await project({ [file]: text })
    const run = await dlc(['exec', file], dir)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(expected)
    expect(run.stderr).toMatch(/; the execution did not start\n$/)
  })

  it('exits 2 on a missing definition or input file, saying which and what to do', async () => {
    const dir = await project({ 'check.asl.json': CHECK })
    const missing = await dlc(['exec', 'nope.asl.json'], dir)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toMatch(/^nope\.asl\.json: error DLC_READ_FAILED: cannot read the file: ENOENT.*\n {2}hint: name a state machine definition/)
    const input = await dlc(['exec', 'check.asl.json', '--input', '@nope.json'], dir)
    expect(input.code).toBe(2)
    expect(input.stderr).toMatch(/^nope\.json: error DLC_READ_FAILED: cannot read the file: ENOENT.*\n {2}hint: name a JSON or YAML file with the execution input/)
    const badInput = await project({ 'check.asl.json': CHECK, 'input.json': '{"rows": 1,}' })
    expect((await dlc(['exec', 'check.asl.json', '--input', '@input.json'], badInput)).stderr).toMatch(/^input\.json:1:12: error INVALID_JSON_DESCRIPTION: not valid JSON/)
  })

  it('refuses a CloudFormation template, naming what to run instead', async () => {
    const dir = await project({ 'template.json': JSON.stringify({ Resources: { Orders: { Type: 'AWS::StepFunctions::StateMachine', Properties: { Definition: JSON.parse(CHECK) as unknown } } } }) })
    const run = await dlc(['exec', 'template.json'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('template.json: error DLC_NOT_A_DEFINITION: this is a CloudFormation template; dlc exec runs one state machine definition')
  })

  it('refuses an input over AWS\'s 256 KiB', async () => {
    const dir = await project({ 'check.asl.json': CHECK, 'big.json': JSON.stringify({ rows: 1, pad: 'x'.repeat(262_144) }) })
    const run = await dlc(['exec', 'check.asl.json', '--input', '@big.json'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^big\.json: error DLC_INPUT_TOO_LARGE: the input is 262,163 bytes as JSON; AWS accepts up to 262,144 \(256 KiB\)/)
  })
})

describe('dlc exec usage', () => {
  it('is listed in dlc --help and has its own help', async () => {
    expect((await dlc(['--help'], process.cwd())).stdout).toMatch(/^ {2}exec +Run a state machine locally/m)
    const help = await dlc(['exec', '--help'], process.cwd())
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^Usage: dlc exec <file> \[options\]/)
    for (const option of ['--input', '--mock', '--test-case', '--history', '--format', '--clock', '--start-time', '--name']) expect(help.stdout).toContain(option)
  })

  it.each([
    [['exec'], 'exec needs a state machine definition: dlc exec orders.asl.json'],
    [['exec', 'a.asl.json', 'b.asl.json'], 'exec runs one definition, not 2'],
    [['exec', 'a.asl.json', '--input', '{a: 1}'], `--input is not valid JSON: Expected property name or '}' (column 2); quote JSON for the shell, --input '{"id": 1}', or name a file, --input @input.json`],
    [['exec', 'a.asl.json', '--input', '@'], '--input @ needs a file name: --input @input.json'],
    [['exec', 'a.asl.json', '--test-case', 'HappyPath'], '--test-case names a test case of the --mock file; give the file too'],
    [['exec', 'a.asl.json', '--start-time', '2026-05-01'], '--start-time must be an ISO 8601 instant with Z or an offset, e.g. 2026-05-01T03:00:00Z, not "2026-05-01"'],
    [['exec', 'a.asl.json', '--clock', 'real', '--start-time', '2026-05-01T03:00:00Z'], '--start-time sets the virtual clock; --clock real starts now'],
    [['exec', 'a.asl.json', '--name', 'nightly run'], '--name cannot contain " ", as AWS\'s StartExecution refuses it: "nightly run"'],
    [['exec', 'a.asl.json', '--clock', 'fast'], '--clock must be one of virtual, real, not "fast"'],
    [['exec', 'a.asl.json', '--mocks', 'm.json'], 'unknown option --mocks; did you mean --mock?'],
  ])('exits 2 on bad usage: dlc %j', async (argv, message) => {
    expect(await dlc(argv, process.cwd())).toEqual({ code: 2, stdout: '', stderr: `dlc: ${message}\nRun "dlc help exec" for usage.\n` })
  })
})
