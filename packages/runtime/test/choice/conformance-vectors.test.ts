import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ChoiceRuleError, evaluateChoiceRule } from '../../src/choice/index.js'
import { readInput } from './reader.js'

/** Executions recorded against AWS sit next to the repository, in ../shared/fixtures. */
const fixtures = new URL('../../../../../shared/fixtures/conformance/', import.meta.url)
const haveFixtures = existsSync(fixtures)
if (!haveFixtures) console.info(`skipping the Choice operator vectors: ${fixtures.pathname} is absent`)

type State = Readonly<Record<string, unknown>>

interface Vector {
  id: string
  definition: { StartAt: string; States: Record<string, State>; QueryLanguage?: string }
  input: unknown
  expected: { status: string; output?: unknown; error?: string; cause?: string }
}

/**
 * A vector applies when it starts with a JSONPath Choice state and every other state is a Pass
 * state that ends the execution with its Result, so the branch taken is the whole outcome.
 */
function applies(vector: Vector): boolean {
  const { StartAt, States, QueryLanguage } = vector.definition
  const choice = States[StartAt]
  if (QueryLanguage === 'JSONata' || choice?.Type !== 'Choice' || choice.QueryLanguage === 'JSONata') return false
  return Object.entries(States).every(([name, state]) => name === StartAt || (state.Type === 'Pass' && state.End === true && 'Result' in state))
}

/** The execution result: the Result of the Pass state the Choice leads to, or the failure AWS reports. */
function execute(vector: Vector): Vector['expected'] {
  const { StartAt, States } = vector.definition
  const choice = States[StartAt] ?? {}
  const read = readInput(vector.input)
  try {
    const rules = (choice.Choices ?? []) as readonly State[]
    const next = rules.find((rule) => evaluateChoiceRule(rule, read))?.Next ?? choice.Default
    if (typeof next !== 'string') return { status: 'FAILED', error: 'States.NoChoiceMatched' }
    return { status: 'SUCCEEDED', output: States[next]?.Result }
  } catch (error) {
    if (!(error instanceof ChoiceRuleError)) throw error
    // The first state is entered by event #2, after ExecutionStarted.
    return { status: 'FAILED', error: error.error, cause: `An error occurred while executing the state '${StartAt}' (entered at the event id #2). ${error.cause}` }
  }
}

const vectors: Vector[] = !haveFixtures
  ? []
  : readdirSync(fixtures)
      .filter((file) => file.startsWith('choice_operators.') && file.endsWith('.json'))
      .map((file) => JSON.parse(readFileSync(new URL(file, fixtures), 'utf8')) as Vector)
const applicable = vectors.filter(applies)

/** What a vector's expectation says that this suite can check: status, then output or error and cause. */
function comparable(result: Vector['expected']): unknown {
  return result.status === 'SUCCEEDED' ? { status: result.status, output: result.output } : { status: result.status, error: result.error, cause: result.cause }
}

describe.skipIf(!haveFixtures)('Choice rules against executions recorded from AWS (../shared/fixtures/conformance)', () => {
  it.each(applicable.map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    expect(comparable(execute(vector))).toEqual(comparable(vector.expected))
  })

  it('matches every applicable vector', () => {
    const failing = applicable.filter((vector) => {
      try {
        return JSON.stringify(comparable(execute(vector))) !== JSON.stringify(comparable(vector.expected))
      } catch {
        return true
      }
    })
    console.info(
      `Choice operator vectors: ${applicable.length - failing.length} of ${applicable.length} applicable matched (${vectors.length - applicable.length} of ${vectors.length} are not a Choice leading to Pass states)`,
    )
    expect(applicable.length).toBeGreaterThan(0)
    expect(failing.map((vector) => vector.id)).toEqual([])
  })
})
