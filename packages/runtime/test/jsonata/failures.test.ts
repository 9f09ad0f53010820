import { describe, expect, it } from 'vitest'
import { evaluateJsonata, evaluateJsonataField, QueryEvaluationError } from '@dlc/runtime'

const scope = { states: { input: { text: 'fst' }, context: {} } }

async function failure(run: Promise<unknown>): Promise<QueryEvaluationError> {
  const error: unknown = await run.then(
    () => undefined,
    (thrown: unknown) => thrown,
  )
  expect(error).toBeInstanceOf(QueryEvaluationError)
  expect((error as QueryEvaluationError).name).toBe('States.QueryEvaluationError')
  return error as QueryEvaluationError
}

describe('JSONata failures are States.QueryEvaluationError', () => {
  it("reports JSONata's own error code, in AWS's words", async () => {
    const error = await failure(evaluateJsonataField('$randomSeeded($states.input.text)', 'Output/FunctionResult', scope))
    expect(error.cause).toBe("The JSONata expression '$randomSeeded($states.input.text)' specified for the field 'Output/FunctionResult' threw an error during evaluation. T1006: Attempted to invoke a non-function")
  })

  it('a field that gets nothing (undefined) fails; evaluateJsonata resolves to undefined instead', async () => {
    const error = await failure(evaluateJsonataField('$doesNotExist', 'Assign/result', scope))
    expect(error.cause).toBe("The JSONata expression '$doesNotExist' specified for the field 'Assign/result' returned nothing (undefined).")
    expect(await evaluateJsonata('$doesNotExist', scope)).toBeUndefined()
  })

  it('a function is no JSON value', async () => {
    const error = await failure(evaluateJsonataField('$fn := function($x){$x}', 'Items', scope))
    expect(error.cause).toBe("The JSONata expression '$fn := function($x){$x}' specified for the field 'Items' returned an unsupported result type.")
  })

  it('refuses $eval, which AWS forbids', async () => {
    const error = await failure(evaluateJsonata("$eval('1 + 1')", scope))
    expect(error.cause).toContain('$eval: Step Functions does not support $eval')
  })

  it('a syntax error names the JSONata code', async () => {
    expect((await failure(evaluateJsonata('$states.input.', scope))).cause).toMatch(/threw an error during evaluation\. S\d{4}: /)
  })

  it.each([
    ['$partition($states.input, 2)', '$partition: the first argument must be an array'],
    ['$partition([1, 2], 0)', '$partition: the chunk size must be a positive integer, got 0'],
    ['$range(0, 10, 0)', '$range: the step must not be 0'],
    ['$range(0, 1.5, 1)', '$range: the end must be an integer, got 1.5'],
    ['$range(0, 1000, 1)', '$range: the range has 1001 items; at most 1000 are allowed'],
    ["$hash('a', 'SHA-3')", '$hash: the algorithm must be one of MD5, SHA-1, SHA-256, SHA-384, SHA-512, got "SHA-3"'],
    ["$hash(1, 'MD5')", '$hash: the data must be a string'],
    ["$random('x')", '$random: the seed must be an integer, got "x"'],
    ["$parse('{nope')", '$parse: the text is not JSON'],
  ])('%s fails: %s', async (expression, problem) => {
    expect((await failure(evaluateJsonata(expression, scope))).cause).toContain(`threw an error during evaluation. ${problem}`)
  })
})
