import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readPath, writePath } from '../../src/jsonpath/index.js'

/** Executions recorded against AWS sit next to the repository, in ../shared/fixtures. */
const fixtures = new URL('../../../../../shared/fixtures/conformance/', import.meta.url)
const haveFixtures = existsSync(fixtures)
if (!haveFixtures) console.info(`skipping the JSONPath vectors: ${fixtures.pathname} is absent`)

type State = Record<string, unknown>
interface Vector {
  id: string
  definition: { States: Record<string, State>; StartAt: string; QueryLanguage?: string }
  input: unknown
  expected: { status: string; output?: unknown; error?: string; cause?: string }
}

const PASS_FIELDS = new Set(['Type', 'Comment', 'Next', 'End', 'InputPath', 'Parameters', 'Result', 'ResultPath', 'OutputPath'])

/**
 * A vector applies when it is only JSONPath Pass states whose paths this folder evaluates: no
 * intrinsic functions, and no context object beyond `$$.Execution.Input` (the rest is the interpreter's).
 */
function applies(vector: Vector): boolean {
  const text = JSON.stringify(vector.definition)
  const states = Object.values(vector.definition.States)
  return (
    vector.definition.QueryLanguage !== 'JSONata' &&
    states.every((state) => state.Type === 'Pass' && state.QueryLanguage === undefined && Object.keys(state).every((key) => PASS_FIELDS.has(key))) &&
    !text.includes('States.') &&
    !/"\$\$(?!\.Execution\.Input)/.test(text) &&
    (vector.expected.status === 'SUCCEEDED' || vector.expected.error === 'States.Runtime')
  )
}

class NotFound extends Error {}

/** InputPath, Parameters, Result, ResultPath and OutputPath of Pass states, as AWS applies them. */
function execute(vector: Vector): unknown {
  const context = { Execution: { Input: vector.input } }
  const select = (path: string, input: unknown): unknown => {
    const read = readPath(path, { input, context })
    if (!read.found) throw new NotFound(path)
    return read.value
  }
  const fill = (template: unknown, input: unknown): unknown => {
    if (Array.isArray(template)) return template.map((item) => fill(item, input))
    if (template === null || typeof template !== 'object') return template
    return Object.fromEntries(Object.entries(template).map(([key, value]) => (key.endsWith('.$') && typeof value === 'string' ? [key.slice(0, -2), select(value, input)] : [key, fill(value, input)])))
  }
  let data = vector.input
  for (let state = vector.definition.States[vector.definition.StartAt]; state !== undefined; state = typeof state.Next === 'string' ? vector.definition.States[state.Next] : undefined) {
    const effective = state.InputPath === null ? {} : select(String(state.InputPath ?? '$'), data)
    const parameters = 'Parameters' in state ? fill(state.Parameters, effective) : effective
    const result = 'Result' in state ? state.Result : parameters
    data = state.ResultPath === null ? data : writePath(String(state.ResultPath ?? '$'), data, result)
    data = state.OutputPath === null ? {} : select(String(state.OutputPath ?? '$'), data)
  }
  return data
}

const vectors: Vector[] = !haveFixtures
  ? []
  : readdirSync(fixtures)
      .filter((file) => file.endsWith('.json') && file !== 'index.json')
      .map((file) => JSON.parse(readFileSync(new URL(file, fixtures), 'utf8')) as Vector)
      .filter(applies)

describe.skipIf(!haveFixtures)('Pass-state paths against executions recorded from AWS (../shared/fixtures/conformance)', () => {
  it('finds the vectors that exercise JSONPath', () => {
    expect(vectors.length).toBeGreaterThanOrEqual(15)
    expect(vectors.some((vector) => JSON.stringify(vector.definition).includes('[*]'))).toBe(true)
  })

  it.each(vectors.map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    if (vector.expected.status === 'SUCCEEDED') {
      expect(execute(vector)).toEqual(vector.expected.output)
    } else {
      expect(() => execute(vector)).toThrow(NotFound)
    }
  })
})
