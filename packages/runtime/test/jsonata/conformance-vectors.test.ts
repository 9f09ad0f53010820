import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { isDeepStrictEqual } from 'node:util'
import { describe, expect, it } from 'vitest'
import { evaluateJsonataField, QueryEvaluationError } from '@dlc/runtime'

/** Executions recorded against AWS sit next to the repository, in ../shared/fixtures. */
const fixtures = new URL('../../../../../shared/fixtures/conformance/', import.meta.url)
const haveFixtures = existsSync(fixtures)
if (!haveFixtures) console.info(`skipping the JSONata evaluation vectors: ${fixtures.pathname} is absent`)

interface Vector {
  id: string
  definition: { StartAt: string; States: Record<string, Record<string, unknown>>; QueryLanguage?: string }
  input: unknown
  expected: { status: string; output?: unknown; error?: string; cause?: string }
}

/** Fields a Pass state may carry for this suite: Output and Assign are where its JSONata runs. */
const PASS_FIELDS = new Set(['Type', 'Output', 'Assign', 'Next', 'End', 'Comment', 'QueryLanguage'])

/** A vector applies when every state is a JSONata Pass state using nothing but Output and Assign. */
function applies(vector: Vector): boolean {
  const states = Object.values(vector.definition.States)
  const jsonata = (state: Record<string, unknown>): boolean => (state.QueryLanguage ?? vector.definition.QueryLanguage) === 'JSONata'
  return states.every((state) => state.Type === 'Pass' && jsonata(state) && Object.keys(state).every((key) => PASS_FIELDS.has(key)))
}

/** Fills a template: `{% %}` strings are evaluated for their field, arrays and objects recursively. */
async function fill(template: unknown, field: string, input: unknown, variables: Record<string, unknown>): Promise<unknown> {
  if (typeof template === 'string') {
    const match = /^\{%(.*)%\}$/s.exec(template)
    return match === null ? template : evaluateJsonataField((match[1] ?? '').trim(), field, { states: { input, context: {} }, variables })
  }
  if (Array.isArray(template)) return Promise.all(template.map((item, index) => fill(item, `${field}[${index}]`, input, variables)))
  if (template === null || typeof template !== 'object') return template
  const out: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(template)) out[key] = await fill(value, `${field}/${key}`, input, variables)
  return out
}

async function execute(vector: Vector): Promise<unknown> {
  let name: string | undefined = vector.definition.StartAt
  let data = vector.input
  let variables: Record<string, unknown> = {}
  while (name !== undefined) {
    const state: Record<string, unknown> = vector.definition.States[name] ?? {}
    // Assign and Output both read the variables as they were when the state was entered.
    const assigned = 'Assign' in state ? ((await fill(state.Assign, 'Assign', data, variables)) as Record<string, unknown>) : {}
    data = 'Output' in state ? await fill(state.Output, 'Output', data, variables) : data
    variables = { ...variables, ...assigned }
    name = typeof state.Next === 'string' ? state.Next : undefined
  }
  return data
}

/** AWS's result as this suite can reproduce it: the output, or the error and the end of its cause (the state prefix is the interpreter's). */
async function outcome(vector: Vector): Promise<{ output?: unknown; error?: string; cause?: string }> {
  try {
    return { output: await execute(vector) }
  } catch (error) {
    if (!(error instanceof QueryEvaluationError)) throw error
    return { error: error.name, cause: error.cause }
  }
}

function matches(vector: Vector, actual: { output?: unknown; error?: string; cause?: string }): boolean {
  if (vector.expected.status === 'SUCCEEDED') return 'output' in actual && isDeepStrictEqual(actual.output, vector.expected.output)
  return actual.error === vector.expected.error && actual.cause !== undefined && (vector.expected.cause ?? '').endsWith(actual.cause)
}

const vectors: Vector[] = !haveFixtures
  ? []
  : readdirSync(fixtures)
      .filter((file) => file.startsWith('evaluate_jsonata.') && file.endsWith('.json'))
      .map((file) => JSON.parse(readFileSync(new URL(file, fixtures), 'utf8')) as Vector)
const applicable = vectors.filter(applies)

describe.skipIf(!haveFixtures)('JSONata evaluation against executions recorded from AWS (../shared/fixtures/conformance)', () => {
  it.each(applicable.map((vector) => [vector.id, vector] as const))('%s', async (_id, vector) => {
    const actual = await outcome(vector)
    if (vector.expected.status === 'SUCCEEDED') expect(actual).toEqual({ output: vector.expected.output })
    else expect(matches(vector, actual)).toBe(true)
  })

  it('matches every applicable vector', async () => {
    let matched = 0
    for (const vector of applicable) if (matches(vector, await outcome(vector))) matched += 1
    console.info(`JSONata evaluation vectors: ${matched} of ${applicable.length} applicable matched (${vectors.length - applicable.length} of ${vectors.length} need Map, Task or other states)`)
    expect(applicable.length).toBeGreaterThan(0)
    expect(matched).toBe(applicable.length)
  })
})
