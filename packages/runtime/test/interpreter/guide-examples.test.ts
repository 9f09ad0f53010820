import { describe, expect, it } from 'vitest'
import { lambdaHandlers, run, StatesError } from '@dlc/runtime'

/** The developer guide's tutorial function: "Hello, <who>!". */
const HELLO = 'arn:aws:lambda:us-east-1:123456789012:function:HelloFunction'
const handlers = lambdaHandlers({ [HELLO]: (event) => `Hello, ${(event as { who: string }).who}!` })

const hello = (fields: Record<string, unknown>) => ({ StartAt: 'HelloWorld', States: { HelloWorld: { Type: 'Task', Resource: HELLO, End: true, ...fields } } })

describe('the developer guide: input and output processing', () => {
  it('InputPath, ResultPath and OutputPath example', async () => {
    const input = { comment: 'An input comment.', data: { val1: 23, val2: 17 }, extra: 'foo', lambda: { who: 'AWS Step Functions' } }
    const execution = await run(hello({ InputPath: '$.lambda', ResultPath: '$.data.lambdaresult', OutputPath: '$.data' }), input, { handlers })
    expect(execution.output).toEqual({ val1: 23, val2: 17, lambdaresult: 'Hello, AWS Step Functions!' })
  })

  it('InputPath selects a portion of the input', async () => {
    const input = { comment: 'Example for InputPath.', dataset1: { val1: 1, val2: 2, val3: 3 }, dataset2: { val1: 'a', val2: 'b', val3: 'c' } }
    const execution = await run({ StartAt: 'P', States: { P: { Type: 'Pass', InputPath: '$.dataset2', End: true } } }, input)
    expect(execution.output).toEqual({ val1: 'a', val2: 'b', val3: 'c' })
  })

  it('Parameters builds key-value pairs from static values and paths', async () => {
    const input = { comment: 'Example for Parameters.', product: { details: { color: 'blue', size: 'small', material: 'cotton' }, availability: 'in stock', sku: '2317', cost: '$23' } }
    const parameters = { comment: 'Selecting what I care about.', MyDetails: { 'size.$': '$.product.details.size', 'exists.$': '$.product.availability', StaticValue: 'foo' } }
    const execution = await run({ StartAt: 'P', States: { P: { Type: 'Pass', Parameters: parameters, End: true } } }, input)
    expect(execution.output).toEqual({ comment: 'Selecting what I care about.', MyDetails: { size: 'small', exists: 'in stock', StaticValue: 'foo' } })
  })

  it('ResultSelector picks from the result before ResultPath places it', async () => {
    const result = { resourceType: 'elasticmapreduce', resource: 'createCluster.sync', output: { SdkHttpMetadata: { HttpStatusCode: 200 }, ClusterId: 'AKIAIOSFODNN7EXAMPLE' } }
    const execution = await run(
      { StartAt: 'Step', States: { Step: { Type: 'Task', Resource: 'arn:aws:states:::elasticmapreduce:createCluster.sync', ResultSelector: { 'ClusterId.$': '$.output.ClusterId', 'ResourceType.$': '$.resourceType' }, ResultPath: '$.EMROutput', End: true } } },
      { cluster: 'nightly' },
      { mocks: [{ state: 'Step', answer: { result } }] },
    )
    expect(execution.output).toEqual({ cluster: 'nightly', EMROutput: { ClusterId: 'AKIAIOSFODNN7EXAMPLE', ResourceType: 'elasticmapreduce' } })
  })

  const taskInput = { comment: 'This is a test of the input and output of a Task state.', details: 'Default example', who: 'AWS Step Functions' }

  it('ResultPath: by default the result replaces the input', async () => {
    expect((await run(hello({}), taskInput, { handlers })).output).toBe('Hello, AWS Step Functions!')
    expect((await run(hello({ ResultPath: '$' }), taskInput, { handlers })).output).toBe('Hello, AWS Step Functions!')
  })

  it('ResultPath: includes the result with the input', async () => {
    expect((await run(hello({ ResultPath: '$.taskresult' }), taskInput, { handlers })).output).toEqual({ ...taskInput, taskresult: 'Hello, AWS Step Functions!' })
    const strings = { comment: 'An input comment.', strings: { string1: 'foo', string2: 'bar', string3: 'baz' }, who: 'AWS Step Functions' }
    expect((await run(hello({ ResultPath: '$.strings.lambdaresult' }), strings, { handlers })).output).toEqual({
      ...strings,
      strings: { ...strings.strings, lambdaresult: 'Hello, AWS Step Functions!' },
    })
  })

  it('ResultPath: updates a node of the input with the result', async () => {
    expect((await run(hello({ ResultPath: '$.comment' }), taskInput, { handlers })).output).toEqual({ ...taskInput, comment: 'Hello, AWS Step Functions!' })
  })

  it('ResultPath: null discards the result and keeps the input', async () => {
    expect((await run(hello({ ResultPath: null }), taskInput, { handlers })).output).toEqual(taskInput)
  })

  it('ResultPath in a Catch includes the error with the input', async () => {
    const definition = {
      StartAt: 'Task',
      States: {
        Task: { Type: 'Task', Resource: HELLO, Catch: [{ ErrorEquals: ['States.ALL'], Next: 'NextTask', ResultPath: '$.error' }], End: true },
        NextTask: { Type: 'Pass', End: true },
      },
    }
    const failing = {
      [HELLO]: () => {
        throw new StatesError('Error here')
      },
    }
    expect((await run(definition, { foo: 'bar' }, { handlers: failing })).output).toEqual({ foo: 'bar', error: { Error: 'Error here' } })
  })

  it('InputPath and OutputPath null give an empty object', async () => {
    const execution = await run({ StartAt: 'P', States: { P: { Type: 'Pass', InputPath: null, Next: 'Q' }, Q: { Type: 'Pass', Result: { a: 1 }, OutputPath: null, End: true } } }, { dropped: true })
    expect(execution.output).toEqual({})
    expect(execution.history.find((event) => event.type === 'PassStateExited')).toMatchObject({ stateExitedEventDetails: { output: '{}' } })
  })
})

describe('the developer guide: JSONata', () => {
  it('Arguments and Output transform a task call, with $states.result', async () => {
    const execution = await run(
      {
        QueryLanguage: 'JSONata',
        StartAt: 'Hello',
        States: {
          Hello: {
            Type: 'Task',
            Resource: 'arn:aws:states:::lambda:invoke',
            Arguments: { FunctionName: HELLO, Payload: { who: '{% $states.input.name %}' } },
            Output: { greeting: '{% $states.result.Payload %}', at: '{% $states.context.State.Name %}' },
            End: true,
          },
        },
      },
      { name: 'AWS Step Functions' },
      { handlers },
    )
    expect(execution.output).toEqual({ greeting: 'Hello, AWS Step Functions!', at: 'Hello' })
  })
})
