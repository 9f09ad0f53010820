import { describe, expect, it } from 'vitest'
import { lambdaHandlers, run, type Execution, type RunOptions } from '@dlc/runtime'
import { KNOWN_DIFFERENCES } from './known-differences.js'
import { blankIgnored, loadVectors, type Vector } from './vectors.js'

const vectors = loadVectors('the interpreter conformance vectors').filter((vector) => vector.needs.every((need) => need === 'lambda'))

/** The two Lambda handlers the recorded vectors use. */
const BEHAVIOURS: Readonly<Record<string, (event: unknown) => unknown>> = {
  'id_function.py': (event) => event,
  'echo_function.py': () => ({ Return: 'HelloWorld' }),
}

function optionsFor(vector: Vector): RunOptions {
  const context = vector.context
  const functions = Object.fromEntries(Object.entries(vector.lambdaFunctions ?? {}).map(([arn, { handler }]) => [arn, BEHAVIOURS[handler] ?? BEHAVIOURS['id_function.py']!]))
  return {
    handlers: lambdaHandlers(functions),
    type: vector.stateMachineType === 'EXPRESS' ? 'EXPRESS' : 'STANDARD',
    ...(context === undefined
      ? {}
      : { accountId: context.accountId, region: context.region, partition: context.partition, stateMachineName: context.stateMachineName, name: context.executionName, roleArn: context.roleArn }),
  }
}

/** The part of an execution the recording holds, in the recording's shape. */
function resultOf(execution: Execution): Record<string, unknown> {
  const result: Record<string, unknown> = { status: execution.status }
  // AWS hands the output over as JSON text: -0 reads back as 0.
  if (execution.status === 'SUCCEEDED') result.output = JSON.parse(JSON.stringify(execution.output ?? null)) as unknown
  if (execution.error !== undefined) result.error = execution.error
  if (execution.cause !== undefined) result.cause = execution.cause
  return result
}

async function check(vector: Vector): Promise<{ expected: unknown; actual: unknown }> {
  const execution = await run(vector.definition, vector.input, optionsFor(vector))
  const expected = structuredClone(vector.expected) as Record<string, unknown>
  const actual = resultOf(execution)
  if (vector.expected.status !== 'SUCCEEDED' && vector.expected.cause === undefined) delete actual.cause
  blankIgnored(expected, actual, vector.ignore ?? [])
  return { expected, actual }
}

describe('conformance: executions recorded against AWS', () => {
  const passing = vectors.filter((vector) => !(vector.id in KNOWN_DIFFERENCES))
  let passed = 0

  it.each(passing.map((vector) => [vector.id, vector] as const))('%s', async (_, vector) => {
    const { expected, actual } = await check(vector)
    expect(actual).toEqual(expected)
    passed += 1
  })

  it('runs every vector that needs no AWS service, but the known differences', () => {
    if (vectors.length === 0) return
    console.info(`conformance: ${passed} of ${vectors.length} recorded executions give AWS's result; ${vectors.length - passing.length} known differences (docs/runtime.md)`)
    expect(passed).toBe(passing.length)
  })

  it.each(vectors.filter((vector) => vector.id in KNOWN_DIFFERENCES).map((vector) => [vector.id, vector] as const))('%s still differs as documented', async (_, vector) => {
    const { expected, actual } = await check(vector)
    expect(actual).not.toEqual(expected)
  })
})
