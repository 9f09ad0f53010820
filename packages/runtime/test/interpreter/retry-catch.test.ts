import { describe, expect, it } from 'vitest'
import { run, StatesError, type HistoryEvent } from '@dlc/runtime'

const task = (extra: Record<string, unknown> = {}) => ({
  StartAt: 'Load',
  States: {
    Load: { Type: 'Task', Resource: 'arn:aws:states:::glue:startJobRun.sync', End: true, ...extra },
    ...('Catch' in extra ? { Recovered: { Type: 'Pass', End: true } } : {}),
  },
})

const entered = (history: readonly HistoryEvent[], type: string): number[] => history.filter((event) => event.type === type).map((event) => Date.parse(event.timestamp))

describe('Retry', () => {
  it('retries with IntervalSeconds × BackoffRate^n on the virtual clock, then succeeds', async () => {
    const start = new Date('2026-11-24T02:00:00Z')
    const execution = await run(
      task({ Retry: [{ ErrorEquals: ['Glue.ConcurrentRunsExceededException'], IntervalSeconds: 3, BackoffRate: 1.5, MaxAttempts: 3 }] }),
      {},
      {
        startTime: start,
        mocks: [{ state: 'Load', sequence: [{ error: 'Glue.ConcurrentRunsExceededException', cause: 'busy' }, { error: 'Glue.ConcurrentRunsExceededException' }, { result: { JobRunState: 'SUCCEEDED' } }] }],
      },
    )
    expect(execution.status).toBe('SUCCEEDED')
    expect(execution.output).toEqual({ JobRunState: 'SUCCEEDED' })
    const scheduled = entered(execution.history, 'TaskScheduled')
    expect(scheduled).toHaveLength(3)
    // 3 s, then 4.5 s, on a clock that did not really wait.
    expect(Math.round((scheduled[1]! - scheduled[0]!) / 100) / 10).toBeCloseTo(3, 0)
    expect(Math.round((scheduled[2]! - scheduled[1]!) / 100) / 10).toBeCloseTo(4.5, 0)
    expect(execution.stopDate.getTime() - start.getTime()).toBeGreaterThanOrEqual(7500)
  })

  it('caps the delay at MaxDelaySeconds and gives up after MaxAttempts', async () => {
    const execution = await run(
      task({ Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 10, BackoffRate: 10, MaxAttempts: 2, MaxDelaySeconds: 15 }] }),
      {},
      { mocks: [{ state: 'Load', answer: { error: 'Boom', cause: 'always' } }] },
    )
    expect(execution).toMatchObject({ status: 'FAILED', error: 'Boom', cause: 'always' })
    const scheduled = entered(execution.history, 'TaskScheduled')
    expect(scheduled).toHaveLength(3)
    expect(scheduled[2]! - scheduled[1]!).toBeGreaterThanOrEqual(15_000)
    expect(scheduled[2]! - scheduled[1]!).toBeLessThan(16_000)
  })

  it('counts attempts per retrier, as the developer guide example describes', async () => {
    const execution = await run(
      task({
        Retry: [
          { ErrorEquals: ['ErrorA', 'ErrorB'], IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 2 },
          { ErrorEquals: ['ErrorC'], IntervalSeconds: 5 },
        ],
        Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Recovered' }],
      }),
      {},
      { mocks: [{ state: 'Load', sequence: ['ErrorA', 'ErrorB', 'ErrorC', 'ErrorB', 'ErrorB'].map((error) => ({ error })) }] },
    )
    expect(execution.status).toBe('SUCCEEDED')
    expect(execution.output).toEqual({ Error: 'ErrorB' })
    expect(entered(execution.history, 'TaskScheduled')).toHaveLength(4)
  })

  it('never retries or catches States.Runtime', async () => {
    const execution = await run(
      { StartAt: 'Bad', States: { Bad: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', InputPath: '$.missing', Retry: [{ ErrorEquals: ['States.ALL'] }], Catch: [{ ErrorEquals: ['States.ALL'], Next: 'Done' }], End: true }, Done: { Type: 'Succeed' } } },
      { present: 1 },
      { handlers: { 'arn:aws:states:::lambda:invoke': () => ({}) } },
    )
    expect(execution.status).toBe('FAILED')
    expect(execution.error).toBe('States.Runtime')
    expect(execution.cause).toContain("The JSONPath '$.missing' specified for the field 'InputPath' could not be found")
  })

  it('uses full jitter between 0 and the delay', async () => {
    const execution = await run(
      task({ Retry: [{ ErrorEquals: ['X'], IntervalSeconds: 100, MaxAttempts: 1, JitterStrategy: 'FULL' }] }),
      {},
      { random: () => 0.25, mocks: [{ state: 'Load', sequence: [{ error: 'X' }, { result: 1 }] }] },
    )
    const scheduled = entered(execution.history, 'TaskScheduled')
    expect(scheduled[1]! - scheduled[0]!).toBeGreaterThanOrEqual(25_000)
    expect(scheduled[1]! - scheduled[0]!).toBeLessThan(26_000)
  })
})

describe('Catch', () => {
  it('puts the error output at ResultPath and goes to Next (JSONPath)', async () => {
    const execution = await run(task({ Catch: [{ ErrorEquals: ['States.TaskFailed'], ResultPath: '$.error', Next: 'Recovered' }] }), { batch: '2026-11-24' }, {
      handlers: {
        'arn:aws:states:::glue:startJobRun.sync': () => {
          throw new StatesError('Glue.EntityNotFoundException', 'no such job')
        },
      },
    })
    expect(execution.output).toEqual({ batch: '2026-11-24', error: { Error: 'Glue.EntityNotFoundException', Cause: 'no such job' } })
    expect(execution.history.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskFailed',
      'TaskStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ])
  })

  it('shapes the error with Output and Assign in JSONata, and does not catch States.Timeout with States.TaskFailed', async () => {
    const definition = {
      QueryLanguage: 'JSONata',
      StartAt: 'Slow',
      States: {
        Slow: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          TimeoutSeconds: 5,
          Catch: [
            { ErrorEquals: ['States.TaskFailed'], Next: 'Wrong' },
            { ErrorEquals: ['States.Timeout'], Output: { failed: '{% $states.errorOutput.Error %}' }, Assign: { why: '{% $states.errorOutput.Error %}' }, Next: 'Report' },
          ],
          End: true,
        },
        Wrong: { Type: 'Fail', Error: 'Wrong' },
        Report: { Type: 'Pass', Output: { failed: '{% $states.input.failed %}', why: '{% $why %}' }, End: true },
      },
    }
    const virtual = await run(definition, {}, { mocks: [{ state: 'Slow', answer: { error: 'States.Timeout' } }] })
    expect(virtual.output).toEqual({ failed: 'States.Timeout', why: 'States.Timeout' })
  })
})

describe('TimeoutSeconds and HeartbeatSeconds', () => {
  const slow = (fields: Record<string, unknown>) => ({ StartAt: 'Slow', States: { Slow: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true, ...fields } } })

  it('fails a task that runs past TimeoutSeconds with States.Timeout and tells its handler to stop', async () => {
    let stopped = false
    const execution = await run(slow({ TimeoutSeconds: 1 }), {}, {
      handlers: {
        'arn:aws:states:::lambda:invoke': (_input, call) =>
          new Promise((resolve) =>
            call.signal.addEventListener('abort', () => {
              stopped = true
              resolve(null)
            }),
          ),
      },
    })
    expect(execution).toMatchObject({ status: 'FAILED', error: 'States.Timeout' })
    expect(execution.history.map((event) => event.type)).toContain('TaskTimedOut')
    expect(stopped).toBe(true)
  })

  it('fails a task whose handler stops sending heartbeats with States.HeartbeatTimeout', async () => {
    const execution = await run(slow({ HeartbeatSeconds: 1, TimeoutSeconds: 30 }), {}, {
      handlers: { 'arn:aws:states:::lambda:invoke': (_input, call) => new Promise((resolve) => call.signal.addEventListener('abort', () => resolve(null))) },
    })
    expect(execution).toMatchObject({ status: 'FAILED', error: 'States.HeartbeatTimeout' })
  })

  it('keeps a task alive while its handler sends heartbeats', async () => {
    const execution = await run(slow({ HeartbeatSeconds: 1 }), {}, {
      handlers: {
        'arn:aws:states:::lambda:invoke': async (_input, call) => {
          for (let beat = 0; beat < 3; beat += 1) {
            await new Promise((resolve) => setTimeout(resolve, 500))
            call.heartbeat()
          }
          return 'done'
        },
      },
    })
    expect(execution).toMatchObject({ status: 'SUCCEEDED', output: 'done' })
  })
})
