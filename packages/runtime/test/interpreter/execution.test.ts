import { describe, expect, it } from 'vitest'
import { InvalidDefinitionError, lambdaHandlers, run } from '@dlc/runtime'

describe('run()', () => {
  it('refuses an invalid definition with the validator diagnostics, before running anything', async () => {
    const error = await run({ StartAt: 'Missing', States: { Only: { Type: 'Pass', End: true } } }, {}).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(InvalidDefinitionError)
    expect((error as InvalidDefinitionError).diagnostics.map((diagnostic) => diagnostic.code)).toContain('MISSING_TRANSITION_TARGET')
  })

  it('refuses an input over 256 KiB, as StartExecution does', async () => {
    await expect(run({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } }, { text: 'x'.repeat(262_144) })).rejects.toThrow(/at most 262144 bytes/)
  })

  it('fails a state whose output passes 256 KiB with States.DataLimitExceeded', async () => {
    const execution = await run({ StartAt: 'Grow', States: { Grow: { Type: 'Pass', Parameters: { 'copies.$': 'States.ArrayRange(1, 1000, 1)', 'text.$': '$.text' }, Next: 'Double' }, Double: { Type: 'Pass', Parameters: { 'a.$': '$', 'b.$': '$', 'c.$': '$', 'd.$': '$', 'e.$': '$' }, End: true } } }, { text: 'y'.repeat(60_000) })
    expect(execution).toMatchObject({ status: 'FAILED', error: 'States.DataLimitExceeded' })
    expect(execution.cause).toContain("'Double'")
  })

  it('records history as GetExecutionHistory shapes it, with per-state input and output', async () => {
    const execution = await run({ StartAt: 'Greet', States: { Greet: { Type: 'Pass', Parameters: { 'hello.$': '$.name' }, Assign: { greeted: true }, End: true } } }, { name: 'Ada' }, { name: 'first', stateMachineName: 'greeter' })
    expect(execution.executionArn).toBe('arn:aws:states:us-east-1:123456789012:execution:greeter:first')
    const [started, entered, exited, succeeded] = execution.history
    expect(started).toMatchObject({ id: 1, previousEventId: 0, type: 'ExecutionStarted', executionStartedEventDetails: { input: '{"name":"Ada"}', inputDetails: { truncated: false } } })
    expect(entered).toMatchObject({ id: 2, previousEventId: 1, type: 'PassStateEntered', stateEnteredEventDetails: { name: 'Greet', input: '{"name":"Ada"}' } })
    expect(exited).toMatchObject({ id: 3, previousEventId: 2, type: 'PassStateExited', stateExitedEventDetails: { name: 'Greet', output: '{"hello":"Ada"}', assignedVariables: { greeted: 'true' } } })
    expect(succeeded).toMatchObject({ id: 4, type: 'ExecutionSucceeded', executionSucceededEventDetails: { output: '{"hello":"Ada"}' } })
    expect(JSON.parse(JSON.stringify(execution.history))).toEqual(execution.history)
  })

  it('records Map iterations and task events in order', async () => {
    const execution = await run(
      { StartAt: 'Each', States: { Each: { Type: 'Map', ItemProcessor: { StartAt: 'Score', States: { Score: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { 'Payload.$': '$' , FunctionName: 'score' }, OutputPath: '$.Payload', End: true } } }, MaxConcurrency: 1, End: true } } },
      [1, 2],
      { handlers: lambdaHandlers({ score: (event) => (event as number) * 10 }) },
    )
    expect(execution.output).toEqual([10, 20])
    expect(execution.history.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'MapStateEntered',
      'MapStateStarted',
      ...['MapIterationStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited', 'MapIterationSucceeded'],
      ...['MapIterationStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskSucceeded', 'TaskStateExited', 'MapIterationSucceeded'],
      'MapStateSucceeded',
      'MapStateExited',
      'ExecutionSucceeded',
    ])
    const scheduled = execution.history.find((event) => event.type === 'TaskScheduled')
    expect(scheduled).toMatchObject({ taskScheduledEventDetails: { resourceType: 'lambda', resource: 'invoke', region: 'us-east-1', parameters: '{"Payload":1,"FunctionName":"score"}' } })
  })

  it('reports a Task with no handler and no mock as States.Runtime naming the resource', async () => {
    const execution = await run({ StartAt: 'Crawl', States: { Crawl: { Type: 'Task', Resource: 'arn:aws:states:::aws-sdk:glue:startCrawler', Parameters: { Name: 'sales' }, End: true } } }, {})
    expect(execution.error).toBe('States.Runtime')
    expect(execution.cause).toContain("'arn:aws:states:::aws-sdk:glue:startCrawler'")
    expect(execution.cause).toContain('mock')
  })

  it('matches mocks by state, resource and input, before handlers', async () => {
    const definition = {
      StartAt: 'A',
      States: {
        A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { n: 1 }, ResultPath: '$.a', Next: 'B' },
        B: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: { n: 2 }, ResultPath: '$.b', End: true },
      },
    }
    const execution = await run(definition, {}, {
      mocks: [{ resource: 'arn:aws:states:::lambda:invoke', input: { n: 2 }, answer: { result: 'mocked two' } }],
      handlers: { 'arn:aws:states:::lambda:*': (input) => `handled ${(input as { n: number }).n}` },
    })
    expect(execution.output).toEqual({ a: 'handled 1', b: 'mocked two' })
  })

  it("reports a local Lambda function's exception as Lambda does", async () => {
    const execution = await run({ StartAt: 'Call', States: { Call: { Type: 'Task', Resource: 'arn:aws:lambda:us-east-1:123456789012:function:score', End: true } } }, {}, {
      handlers: lambdaHandlers({
        'arn:aws:lambda:us-east-1:123456789012:function:score': () => {
          throw new TypeError('bad row')
        },
      }),
    })
    expect(execution.error).toBe('TypeError')
    expect(JSON.parse(execution.cause ?? '{}')).toMatchObject({ errorMessage: 'bad row', errorType: 'TypeError' })
    expect(execution.history.map((event) => event.type)).toContain('LambdaFunctionFailed')
  })
})

describe('variables', () => {
  it('evaluates all of a state’s Assign with the values from before the state, then assigns them together', async () => {
    const execution = await run(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'One',
        States: {
          One: { Type: 'Pass', Assign: { x: 1, y: 2 }, Next: 'Swap' },
          Swap: { Type: 'Pass', Assign: { x: '{% $y %}', y: '{% $x %}' }, Output: { x: '{% $x %}', y: '{% $y %}' }, Next: 'After' },
          After: { Type: 'Pass', Output: { x: '{% $x %}', y: '{% $y %}', before: '{% $states.input %}' }, End: true },
        },
      },
      {},
    )
    expect(execution.output).toEqual({ x: 2, y: 1, before: { x: 1, y: 2 } })
  })

  it('lets a Map iteration read outer variables but keeps its own assignments inside', async () => {
    const execution = await run(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'Set',
        States: {
          Set: { Type: 'Pass', Assign: { rate: 2 }, Output: [1, 2, 3], Next: 'Each' },
          Each: { Type: 'Map', ItemProcessor: { StartAt: 'Scale', States: { Scale: { Type: 'Pass', Assign: { inner: '{% $states.input %}' }, Output: '{% $states.input * $rate %}', End: true } } }, Next: 'Outside' },
          Outside: { Type: 'Pass', Output: { results: '{% $states.input %}', inner: '{% $exists($inner) %}' }, End: true },
        },
      },
      {},
    )
    expect(execution.output).toEqual({ results: [2, 4, 6], inner: false })
  })
})

describe('ResultPath that cannot be applied', () => {
  it('fails with States.ResultPathMatchFailure, which a Catch can take', async () => {
    const definition = {
      StartAt: 'Put',
      States: {
        Put: { Type: 'Pass', Result: 1, ResultPath: '$.a.deep', Next: 'Done' },
        Done: { Type: 'Succeed' },
      },
    }
    const execution = await run(definition, { a: 'text' })
    expect(execution.error).toBe('States.ResultPathMatchFailure')
    expect(execution.cause).toContain("Unable to apply ReferencePath $.a.deep to input")
  })
})

describe('evaluation errors in a Task', () => {
  it('are caught by the Task\'s Catch under their own names, with the state in the cause', async () => {
    const definition = {
      StartAt: 'Call',
      States: {
        Call: {
          Type: 'Task',
          Resource: 'arn:aws:states:::lambda:invoke',
          Parameters: { 'item.$': 'States.ArrayGetItem($.items, 5)' },
          Catch: [{ ErrorEquals: ['States.IntrinsicFailure'], ResultPath: '$.error', Next: 'Handled' }],
          End: true,
        },
        Handled: { Type: 'Pass', End: true },
      },
    }
    const execution = await run(definition, { items: [1] }, { handlers: { 'arn:aws:states:::lambda:invoke': () => 'never called' } })
    expect(execution.status).toBe('SUCCEEDED')
    const error = (execution.output as { error: { Error: string; Cause: string } }).error
    expect(error.Error).toBe('States.IntrinsicFailure')
    expect(error.Cause).toMatch(/^An error occurred while executing the state 'Call' \(entered at the event id #2\)\. States\.ArrayGetItem: /)
  })
})
