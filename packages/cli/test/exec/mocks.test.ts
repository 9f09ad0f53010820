import { describe, expect, it } from 'vitest'
import { dlc, project } from '../helpers.js'
import { ORDERS } from './fixtures.js'

const INPUT = ['--input', '{"date":"2026-05-01"}']

interface Report {
  status: string
  output?: unknown
  error?: string
  cause?: string
  stateMachineArn: string
  history: { type: string; timestamp: string; taskFailedEventDetails?: { error: string; cause?: string } }[]
  diagnostics?: { severity: string; code: string; message: string; location: string; line?: number }[]
}

async function execJson(files: Record<string, string>, ...args: string[]): Promise<{ code: number; report: Report; stderr: string }> {
  const dir = await project({ 'orders.asl.json': ORDERS, ...files })
  const run = await dlc(['exec', 'orders.asl.json', ...INPUT, '--format', 'json', '--history', ...args], dir)
  return { code: run.code, report: JSON.parse(run.stdout) as Report, stderr: run.stderr }
}

const scheduled = (report: Report) => report.history.filter((event) => event.type === 'TaskScheduled').map((event) => Date.parse(event.timestamp))

describe('dlc exec --mock (dlc mock files)', () => {
  it('answers a Task by state name with a result', async () => {
    const { code, report } = await execJson({ 'mocks.json': JSON.stringify({ mocks: [{ state: 'Load', result: { JobRunState: 'SUCCEEDED' } }] }) }, '--mock', 'mocks.json')
    expect(code).toBe(0)
    expect(report.output).toEqual({ date: '2026-05-01', load: { state: 'SUCCEEDED' } })
  })

  it('fails a Task by resource with an error and cause; the execution fails with them, exit 1', async () => {
    const mocks = { mocks: [{ resource: 'arn:aws:states:::glue:startJobRun.sync', error: 'Glue.EntityNotFoundException', cause: 'Job nightly-etl not found' }] }
    const { code, report } = await execJson({ 'mocks.json': JSON.stringify(mocks) }, '--mock', 'mocks.json')
    expect(code).toBe(1)
    expect(report).toMatchObject({ status: 'FAILED', error: 'Glue.EntityNotFoundException', cause: 'Job nightly-etl not found' })
    // Not an error the Retry names: one attempt only.
    expect(scheduled(report)).toHaveLength(1)
  })

  it('retries with a sequence: the first attempt fails, the retry 30 virtual seconds later succeeds', async () => {
    const mocks = `mocks:
  - state: Load
    sequence:
      - error: Glue.ConcurrentRunsExceededException
        cause: too many runs
      - result: { JobRunState: SUCCEEDED }
`
    const { code, report } = await execJson({ 'mocks.yaml': mocks }, '--mock', 'mocks.yaml')
    expect(code).toBe(0)
    expect(report.output).toEqual({ date: '2026-05-01', load: { state: 'SUCCEEDED' } })
    const failed = report.history.filter((event) => event.type === 'TaskFailed')
    expect(failed.map((event) => event.taskFailedEventDetails)).toEqual([{ resourceType: 'glue', resource: 'startJobRun.sync', error: 'Glue.ConcurrentRunsExceededException', cause: 'too many runs' }])
    const [first = 0, second = 0] = scheduled(report)
    expect(second - first).toBeGreaterThanOrEqual(30_000)
  })

  it('repeats the last answer of a sequence: MaxAttempts 2 gives three attempts, then the error', async () => {
    const mocks = { mocks: [{ state: 'Load', sequence: [{ error: 'Glue.ConcurrentRunsExceededException' }] }] }
    const { code, report } = await execJson({ 'mocks.json': JSON.stringify(mocks) }, '--mock', 'mocks.json')
    expect(code).toBe(1)
    expect(report.error).toBe('Glue.ConcurrentRunsExceededException')
    const times = scheduled(report)
    expect(times).toHaveLength(3)
    // IntervalSeconds 30, BackoffRate 2: 30 s, then 60 s.
    expect((times[1] ?? 0) - (times[0] ?? 0)).toBeGreaterThanOrEqual(30_000)
    expect((times[2] ?? 0) - (times[1] ?? 0)).toBeGreaterThanOrEqual(60_000)
  })

  it('matches on the task input when a mock gives one; the first mock that matches answers', async () => {
    const mocks = {
      mocks: [
        { state: 'Load', input: { JobName: 'nightly-etl', Arguments: { '--date': '2026-04-30' } }, result: { JobRunState: 'FAILED' } },
        { state: 'Load', input: { JobName: 'nightly-etl', Arguments: { '--date': '2026-05-01' } }, result: { JobRunState: 'SUCCEEDED' } },
        { state: 'Load', result: { JobRunState: 'STOPPED' } },
      ],
    }
    const { report } = await execJson({ 'mocks.json': JSON.stringify(mocks) }, '--mock', 'mocks.json')
    expect(report.output).toEqual({ date: '2026-05-01', load: { state: 'SUCCEEDED' } })
  })

  it('exits 2 on a broken mock file, each problem with its entry, line and column, and what to write', async () => {
    const text = `{
  "mocks": [
    { "state": "Load", "reslt": {} },
    { "state": "Load", "input": {} },
    { "result": 1 },
    { "state": "Load", "result": 1, "error": "X" },
    { "state": "Load", "sequence": [] },
    { "state": "Load", "sequence": [{ "error": 42 }] },
    "Load"
  ]
}
`
    const dir = await project({ 'orders.asl.json': ORDERS, 'mocks.json': text })
    const run = await dlc(['exec', 'orders.asl.json', ...INPUT, '--mock', 'mocks.json'], dir)
    expect(run.code).toBe(2)
    expect(run.stdout).toBe('')
    const errors = run.stderr.split('\n').filter((line) => line.includes(': error '))
    expect(errors).toEqual([
      'mocks.json:3:24 /mocks/0/reslt: error DLC_MOCK_INVALID: unknown field "reslt"; did you mean "result"?',
      'mocks.json:4:5 /mocks/1: error DLC_MOCK_INVALID: mock 1 gives no answer: it needs "result", "error" or "sequence"',
      'mocks.json:5:5 /mocks/2: error DLC_MOCK_INVALID: mock 2 names no task: it needs "state", "resource" or both',
      'mocks.json:6:37 /mocks/3/error: error DLC_MOCK_INVALID: mock 3 has both "result" and "error"; a mock answers with one',
      'mocks.json:7:24 /mocks/4/sequence: error DLC_MOCK_INVALID: "sequence" must be a non-empty list of answers, not an empty list',
      'mocks.json:8:39 /mocks/5/sequence/0/error: error DLC_MOCK_INVALID: "error" must be the error\'s name, a non-empty string, not a number (42)',
      'mocks.json:9:5 /mocks/6: error DLC_MOCK_INVALID: mock 6 is a string ("Load"), not an object',
    ])
    expect(run.stderr).toMatch(/7 errors, 0 warnings; the execution did not start\n$/)
  })

  it('warns of a mock for a state the definition does not have, with the name it may mean', async () => {
    const dir = await project({ 'orders.asl.json': ORDERS, 'mocks.json': JSON.stringify({ mocks: [{ state: 'Lod', result: {} }] }, null, 2) })
    const run = await dlc(['exec', 'orders.asl.json', ...INPUT, '--mock', 'mocks.json'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('mocks.json:4:7 /mocks/0/state: warning DLC_MOCK_UNKNOWN_STATE: the definition has no state "Lod"; this mock never answers\n  hint: did you mean "Load"?\n')
    expect(run.stderr).toContain('  hint: add a mock for it to mocks.json: { "state": "Load", "result": {} }\n')
  })

  it('refuses a file that is neither kind of mock file', async () => {
    const dir = await project({ 'orders.asl.json': ORDERS, 'mocks.json': '[{ "state": "Load", "result": {} }]' })
    const run = await dlc(['exec', 'orders.asl.json', '--mock', 'mocks.json'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('mocks.json:1:1 /: error DLC_MOCK_INVALID: a mock file holds "mocks", a list of mocks, or AWS Step Functions Local\'s "StateMachines" and "MockedResponses"')
  })
})

const MOCK_CONFIG = {
  StateMachines: {
    Orders: {
      TestCases: {
        HappyPath: { Load: 'LoadSucceeds' },
        RetryPath: { Load: 'LoadBusyThenSucceeds' },
      },
    },
    Refunds: { TestCases: { HappyPath: { Refund: 'LoadSucceeds' } } },
  },
  MockedResponses: {
    LoadSucceeds: { '0': { Return: { JobRunState: 'SUCCEEDED' } } },
    LoadBusyThenSucceeds: {
      '0-1': { Throw: { Error: 'Glue.ConcurrentRunsExceededException', Cause: 'too many runs' } },
      '2': { Return: { JobRunState: 'SUCCEEDED' } },
    },
  },
}

describe('dlc exec --mock (AWS Step Functions Local MockConfigFile)', () => {
  it('runs a test case: invocations 0-1 throw, 2 returns, after two retries', async () => {
    const { code, report } = await execJson({ 'MockConfigFile.json': JSON.stringify(MOCK_CONFIG) }, '--mock', 'MockConfigFile.json', '--test-case', 'Orders#RetryPath')
    expect(code).toBe(0)
    expect(report.output).toEqual({ date: '2026-05-01', load: { state: 'SUCCEEDED' } })
    expect(scheduled(report)).toHaveLength(3)
    expect(report.stateMachineArn).toBe('arn:aws:states:us-east-1:123456789012:stateMachine:Orders')
  })

  it('finds a test case by its name alone when one state machine has it', async () => {
    const { code, report } = await execJson({ 'MockConfigFile.json': JSON.stringify(MOCK_CONFIG) }, '--mock', 'MockConfigFile.json', '--test-case', 'RetryPath')
    expect(code).toBe(0)
    expect(scheduled(report)).toHaveLength(3)
  })

  it.each([
    [[], 'the MockConfigFile has 3 test cases; choose one with --test-case: Orders#HappyPath, Orders#RetryPath, Refunds#HappyPath'],
    [['--test-case', 'HappyPath'], 'the test case "HappyPath" is in 2 state machines; choose one: --test-case Orders#HappyPath, --test-case Refunds#HappyPath'],
    [['--test-case', 'RetryPth'], 'the MockConfigFile has no test case "RetryPth"; did you mean "RetryPath"?'],
  ])('exits 2 when the test case is not clear: %j', async (args, message) => {
    const dir = await project({ 'orders.asl.json': ORDERS, 'MockConfigFile.json': JSON.stringify(MOCK_CONFIG) })
    const run = await dlc(['exec', 'orders.asl.json', '--mock', 'MockConfigFile.json', ...args], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(`MockConfigFile.json:1:2 /StateMachines: error DLC_MOCK_TEST_CASE: ${message}`)
  })

  it('exits 2 on mocked responses with gaps, bad keys, both Return and Throw, or a missing name', async () => {
    const config = {
      StateMachines: { Orders: { TestCases: { HappyPath: { Load: 'LoadSucceds' } } } },
      MockedResponses: {
        LoadSucceeds: { '0': { Return: {} } },
        Gap: { '0': { Return: {} }, '2': { Return: {} } },
        BadKey: { first: { Return: {} } },
        Both: { '0': { Return: {}, Throw: { Error: 'X' } } },
      },
    }
    const dir = await project({ 'orders.asl.json': ORDERS, 'MockConfigFile.json': JSON.stringify(config, null, 2) })
    const run = await dlc(['exec', 'orders.asl.json', '--mock', 'MockConfigFile.json'], dir)
    expect(run.code).toBe(2)
    const errors = run.stderr.split('\n').filter((line) => line.includes(': error '))
    expect(errors).toEqual([
      'MockConfigFile.json:21:7 /MockedResponses/Gap/2: error DLC_MOCK_INVALID: in mocked response "Gap", invocation 1 has no answer',
      'MockConfigFile.json:26:7 /MockedResponses/BadKey/first: error DLC_MOCK_INVALID: "first" is not an invocation number or range',
      'MockConfigFile.json:31:7 /MockedResponses/Both/0: error DLC_MOCK_INVALID: an invocation\'s answer has both "Return" and "Throw"',
    ])
    const fixed = { ...config, MockedResponses: { LoadSucceeds: config.MockedResponses.LoadSucceeds } }
    const dir2 = await project({ 'orders.asl.json': ORDERS, 'MockConfigFile.json': JSON.stringify(fixed, null, 2) })
    const missing = await dlc(['exec', 'orders.asl.json', '--mock', 'MockConfigFile.json'], dir2)
    expect(missing.code).toBe(2)
    expect(missing.stderr).toContain('MockConfigFile.json:6:11 /StateMachines/Orders/TestCases/HappyPath/Load: error DLC_MOCK_UNKNOWN_RESPONSE: MockedResponses has no "LoadSucceds"; did you mean "LoadSucceeds"?')
  })

  it('refuses --test-case with a dlc mock file', async () => {
    const dir = await project({ 'orders.asl.json': ORDERS, 'mocks.json': JSON.stringify({ mocks: [] }) })
    const run = await dlc(['exec', 'orders.asl.json', '--mock', 'mocks.json', '--test-case', 'HappyPath'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('error DLC_MOCK_TEST_CASE: --test-case is for MockConfigFile mock files')
  })
})

