import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import { evaluateIntrinsic } from '@dlc/runtime'
import { resolvePath } from '../../src/intrinsics/path.js'

/** Executions recorded against AWS sit next to the repository, in ../shared/fixtures. */
const fixtures = new URL('../../../../../shared/fixtures/conformance/', import.meta.url)
const haveFixtures = existsSync(fixtures)
if (!haveFixtures) console.info(`skipping the intrinsic function vectors: ${fixtures.pathname} is absent`)

interface Vector {
  id: string
  definition: { StartAt: string; States: Record<string, Record<string, unknown>>; QueryLanguage?: string }
  input: unknown
  expected: { status: string; output?: unknown; error?: string; cause?: string }
  ignore?: string[]
  context?: { accountId: string; region: string; partition: string; stateMachineName: string; executionName: string; roleArn: string }
}

/** Fields a Pass state may carry for this suite: Parameters is the only place its intrinsics run. */
const PASS_FIELDS = new Set(['Type', 'Parameters', 'Result', 'Next', 'End', 'Comment'])

/** A vector applies when every state is a JSONPath Pass state using nothing but Parameters and Result. */
function applies(vector: Vector): boolean {
  if (vector.definition.QueryLanguage === 'JSONata') return false
  const states = Object.values(vector.definition.States)
  return states.every((state) => state.Type === 'Pass' && Object.keys(state).every((key) => PASS_FIELDS.has(key))) && states.some((state) => 'Parameters' in state)
}

/** The context object's fields these vectors read, built from the vector's recorded environment. */
function contextOf(vector: Vector): unknown {
  const env = vector.context
  if (env === undefined) return {}
  const machineArn = `arn:${env.partition}:states:${env.region}:${env.accountId}:stateMachine:${env.stateMachineName}`
  return {
    Execution: { Id: `arn:${env.partition}:states:${env.region}:${env.accountId}:execution:${env.stateMachineName}:${env.executionName}`, Name: env.executionName, RoleArn: env.roleArn },
    StateMachine: { Id: machineArn, Name: env.stateMachineName },
  }
}

/** Builds a Parameters payload: `key.$` fields take an intrinsic's value or a path's, others are copied. */
function parameters(template: unknown, input: unknown, context: unknown): unknown {
  if (Array.isArray(template)) return template.map((item) => parameters(item, input, context))
  if (template === null || typeof template !== 'object') return template
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(template)) {
    if (!key.endsWith('.$') || typeof value !== 'string') out[key] = parameters(value, input, context)
    else out[key.slice(0, -2)] = value.startsWith('$') ? resolvePath(value, { input, context }, 'Parameters') : evaluateIntrinsic(value, { input, context })
  }
  return out
}

function execute(vector: Vector): unknown {
  const context = contextOf(vector)
  let name: string | undefined = vector.definition.StartAt
  let data = vector.input
  while (name !== undefined) {
    const state: Record<string, unknown> = vector.definition.States[name] ?? {}
    data = 'Result' in state ? state.Result : 'Parameters' in state ? parameters(state.Parameters, data, context) : data
    name = typeof state.Next === 'string' ? state.Next : undefined
  }
  return data
}

/** Blanks the values at the vector's `ignore` paths (`$.output.a.b`), which must still exist. */
function withoutIgnored(result: { output?: unknown }, ignore: readonly string[]): unknown {
  const copy = structuredClone(result) as Record<string, unknown>
  for (const path of ignore) {
    const keys = path.replace(/^\$\./, '').split('.')
    const last = keys.pop() ?? ''
    const parent = keys.reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], copy) as Record<string, unknown> | undefined
    if (parent !== undefined && last in parent) parent[last] = '<ignored>'
  }
  return copy
}

const vectors: Vector[] = !haveFixtures
  ? []
  : readdirSync(fixtures)
      .filter((file) => file.startsWith('intrinsic_functions.') && file.endsWith('.json'))
      .map((file) => JSON.parse(readFileSync(new URL(file, fixtures), 'utf8')) as Vector)
const applicable = vectors.filter(applies)

function matches(vector: Vector): boolean {
  try {
    const actual = withoutIgnored({ output: execute(vector) }, vector.ignore ?? [])
    return vector.expected.status === 'SUCCEEDED' && isDeepStrictEqual(actual, withoutIgnored({ output: vector.expected.output }, vector.ignore ?? []))
  } catch {
    return false
  }
}

describe.skipIf(!haveFixtures)('intrinsic functions against executions recorded from AWS (../shared/fixtures/conformance)', () => {
  it.each(applicable.map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    expect(vector.expected.status).toBe('SUCCEEDED')
    expect(withoutIgnored({ output: execute(vector) }, vector.ignore ?? [])).toEqual(withoutIgnored({ output: vector.expected.output }, vector.ignore ?? []))
  })

  it('matches every applicable vector', () => {
    const matched = applicable.filter(matches).length
    console.info(`intrinsic function vectors: ${matched} of ${applicable.length} applicable matched (${vectors.length - applicable.length} of ${vectors.length} are JSONata or not Pass-only)`)
    expect(applicable.length).toBeGreaterThan(0)
    expect(matched).toBe(applicable.length)
  })
})
