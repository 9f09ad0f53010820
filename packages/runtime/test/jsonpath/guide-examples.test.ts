import { describe, expect, it } from 'vitest'
import { PathWriteError, readPath, writePath } from '../../src/jsonpath/index.js'

/** InputPath, then the task, then ResultPath into the raw input, then OutputPath, as the guide runs them. */
function runState(input: unknown, fields: { InputPath?: string; ResultPath?: string; OutputPath?: string }, task: (effectiveInput: unknown) => unknown): unknown {
  const select = (path: string, document: unknown) => {
    const read = readPath(path, { input: document })
    if (!read.found) throw new Error(`${path} not found`)
    return read.value
  }
  const result = task(select(fields.InputPath ?? '$', input))
  return select(fields.OutputPath ?? '$', writePath(fields.ResultPath ?? '$', input, result))
}

describe('the Step Functions developer guide: paths and reference paths', () => {
  const input = { foo: 123, bar: ['a', 'b', 'c'], car: { cdr: true }, jar: [{ a: 1 }, { a: 5 }, { a: 2 }, { a: 7 }, { a: 3 }] }

  it.each([
    ['$.foo', 123],
    ['$.bar', ['a', 'b', 'c']],
    ['$.car.cdr', true],
    ['$.jar[?(@.a >= 5)]', [{ a: 5 }, { a: 7 }]],
  ])('%s', (path, expected) => {
    expect(readPath(path, { input })).toEqual({ found: true, value: expected })
  })

  it('a path can yield a selection: $.a[0:2] of { "a": [1, 2, 3, 4] } is [1, 2]', () => {
    expect(readPath('$.a[0:2]', { input: { a: [1, 2, 3, 4] } })).toEqual({ found: true, value: [1, 2] })
  })

  it('names with special characters take bracket notation, also after a dot: $.abc.[\'def ghi\']', () => {
    expect(readPath("$.abc.['def ghi']", { input: { abc: { 'def ghi': 1 } } })).toEqual({ found: true, value: 1 })
  })
})

describe('the Step Functions developer guide: InputPath and Parameters', () => {
  it('InputPath $.dataset2 passes only that node', () => {
    const input = { comment: 'Example for InputPath.', dataset1: { val1: 1, val2: 2, val3: 3 }, dataset2: { val1: 'a', val2: 'b', val3: 'c' } }
    expect(readPath('$.dataset2', { input })).toEqual({ found: true, value: { val1: 'a', val2: 'b', val3: 'c' } })
  })

  it('Parameters select $.product.details.size and $.product.availability', () => {
    const input = { comment: 'Example for Parameters.', product: { details: { color: 'blue', size: 'small', material: 'cotton' }, availability: 'in stock', sku: '2317', cost: '$23' } }
    expect(readPath('$.product.details.size', { input })).toEqual({ found: true, value: 'small' })
    expect(readPath('$.product.availability', { input })).toEqual({ found: true, value: 'in stock' })
  })
})

describe('the Step Functions developer guide: ResultPath', () => {
  const input = { comment: 'This is a test of the input and output of a Task state.', details: 'Default example', who: 'AWS Step Functions' }
  const result = 'Hello, AWS Step Functions!'

  it('$ replaces the input with the result', () => {
    expect(writePath('$', input, result)).toBe(result)
  })

  it('$.taskresult includes the result with the input', () => {
    expect(writePath('$.taskresult', input, result)).toEqual({ ...input, taskresult: result })
  })

  it('$.strings.lambdaresult inserts the result as a child of an existing node', () => {
    const strings = { comment: 'An input comment.', strings: { string1: 'foo', string2: 'bar', string3: 'baz' }, who: 'AWS Step Functions' }
    expect(writePath('$.strings.lambdaresult', strings, result)).toEqual({ ...strings, strings: { ...strings.strings, lambdaresult: result } })
  })

  it('$.comment updates a node that exists', () => {
    expect(writePath('$.comment', input, result)).toEqual({ ...input, comment: result })
  })

  it("a Catch's ResultPath $.error keeps the input next to the error", () => {
    expect(writePath('$.error', { foo: 'bar' }, { Error: 'Error here' })).toEqual({ foo: 'bar', error: { Error: 'Error here' } })
  })
})

describe('the Step Functions developer guide: InputPath, ResultPath and OutputPath together', () => {
  it('InputPath $.lambda, ResultPath $.data.lambdaresult, OutputPath $.data', () => {
    const input = { comment: 'An input comment.', data: { val1: 23, val2: 17 }, extra: 'foo', lambda: { who: 'AWS Step Functions' } }
    let taskInput: unknown
    const output = runState(input, { InputPath: '$.lambda', ResultPath: '$.data.lambdaresult', OutputPath: '$.data' }, (effective) => {
      taskInput = effective
      return 'Hello, AWS Step Functions!'
    })
    expect(taskInput).toEqual({ who: 'AWS Step Functions' })
    expect(output).toEqual({ val1: 23, val2: 17, lambdaresult: 'Hello, AWS Step Functions!' })
  })

  it('InputPath $.numbers, ResultPath $.sum, OutputPath $ and then $.sum', () => {
    const input = { title: 'Numbers to add', numbers: { val1: 3, val2: 4 } }
    const add = (numbers: unknown) => {
      const { val1, val2 } = numbers as { val1: number; val2: number }
      return val1 + val2
    }
    expect(runState(input, { InputPath: '$.numbers', ResultPath: '$.sum', OutputPath: '$' }, add)).toEqual({ ...input, sum: 7 })
    expect(runState({ numbers: { val1: 3, val2: 4 } }, { InputPath: '$.numbers', ResultPath: '$.sum', OutputPath: '$.sum' }, add)).toBe(7)
  })
})

describe('what AWS reports (recorded in public issues)', () => {
  it('a ResultPath through a value that is not an object: "Unable to apply ReferencePath ... to input ..." (aws/aws-cdk#29473)', () => {
    const input = '{"min_size":10000,"max_partitions":100,"batch_size":100}'
    const write = () => writePath('$.partitioned', input, { Payload: {} })
    expect(write).toThrow(PathWriteError)
    expect(write).toThrow('Unable to apply ReferencePath $.partitioned to input "{\\"min_size\\":10000,\\"max_partitions\\":100,\\"batch_size\\":100}"')
  })

  it('the context object and variables are read from their own roots', () => {
    const roots = { input: {}, context: { Execution: { Id: 'arn:aws:states:us-east-1:123456789012:execution:m:e' }, Map: { Item: { Index: 2, Value: { id: 7 } } } }, variables: { productName: 'Widget', order: { lines: [1, 2] } } }
    expect(readPath('$$.Execution.Id', roots)).toEqual({ found: true, value: 'arn:aws:states:us-east-1:123456789012:execution:m:e' })
    expect(readPath('$$.Map.Item.Value.id', roots)).toEqual({ found: true, value: 7 })
    expect(readPath('$productName', roots)).toEqual({ found: true, value: 'Widget' })
    expect(readPath('$order.lines[-1]', roots)).toEqual({ found: true, value: 2 })
    expect(readPath('$noSuchVariable', roots)).toEqual({ found: false })
  })
})
