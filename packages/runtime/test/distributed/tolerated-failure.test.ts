import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  toleratedFailureCountFromPath,
  toleratedFailureExceeded,
  toleratedFailurePercentageFromPath,
  type ToleratedFailure,
} from '../../src/distributed/index.js'
import { runtimeFailure } from './failures.js'

describe('toleratedFailureExceeded', () => {
  it('with no threshold fails the run on any failure (the default percentage is 0)', () => {
    expect(toleratedFailureExceeded(10, 0)).toBe(false)
    expect(toleratedFailureExceeded(10, 1)).toBe(true)
    expect(toleratedFailureExceeded(0, 0)).toBe(false)
  })

  it('by count fails only when failures exceed the count', () => {
    expect(toleratedFailureExceeded(100, 10, { ToleratedFailureCount: 10 })).toBe(false)
    expect(toleratedFailureExceeded(100, 11, { ToleratedFailureCount: 10 })).toBe(true)
    expect(toleratedFailureExceeded(100, 0, { ToleratedFailureCount: 0 })).toBe(false)
    expect(toleratedFailureExceeded(100, 1, { ToleratedFailureCount: 0 })).toBe(true)
  })

  it('by percentage fails only when failed / total exceeds it; 100 tolerates every failure, 0 none', () => {
    expect(toleratedFailureExceeded(200, 2, { ToleratedFailurePercentage: 1 })).toBe(false)
    expect(toleratedFailureExceeded(200, 3, { ToleratedFailurePercentage: 1 })).toBe(true)
    expect(toleratedFailureExceeded(3, 1, { ToleratedFailurePercentage: 33.3 })).toBe(true)
    expect(toleratedFailureExceeded(3, 1, { ToleratedFailurePercentage: 33.34 })).toBe(false)
    expect(toleratedFailureExceeded(5, 5, { ToleratedFailurePercentage: 100 })).toBe(false)
    expect(toleratedFailureExceeded(5, 1, { ToleratedFailurePercentage: 0 })).toBe(true)
    expect(toleratedFailureExceeded(1000, 5, { ToleratedFailurePercentage: 0.5 })).toBe(false)
    expect(toleratedFailureExceeded(1000, 6, { ToleratedFailurePercentage: 0.5 })).toBe(true)
  })

  it('with both fails when either is exceeded', () => {
    const both = { ToleratedFailureCount: 5, ToleratedFailurePercentage: 10 }
    expect(toleratedFailureExceeded(100, 5, both)).toBe(false)
    expect(toleratedFailureExceeded(100, 6, both)).toBe(true)
    expect(toleratedFailureExceeded(20, 3, both)).toBe(true)
    expect(toleratedFailureExceeded(20, 2, { ToleratedFailureCount: 0, ToleratedFailurePercentage: 50 })).toBe(true)
  })

  it.each([
    [{ ToleratedFailureCount: -1 }, 'ToleratedFailureCount cannot be negative.'],
    [{ ToleratedFailurePercentage: -1 }, 'ToleratedFailurePercentage must be between 0 and 100.'],
    [{ ToleratedFailurePercentage: -1.1 }, 'ToleratedFailurePercentage must be between 0 and 100.'],
    [{ ToleratedFailurePercentage: 100.1 }, 'ToleratedFailurePercentage must be between 0 and 100.'],
    [{ ToleratedFailureCount: 1.5 }, 'ToleratedFailureCount must be an integer, got 1.5.'],
  ])('refuses %j as States.Runtime even when nothing failed', (tolerated, cause) => {
    const error = runtimeFailure(() => toleratedFailureExceeded(1, 0, tolerated))
    expect(error.name).toBe('States.Runtime')
    expect(error.cause).toBe(cause)
  })
})

describe('values from ToleratedFailureCountPath and ToleratedFailurePercentagePath', () => {
  it('accept numbers and strings holding numbers', () => {
    expect(toleratedFailureCountFromPath(3, '$.c')).toBe(3)
    expect(toleratedFailureCountFromPath('1', '$c')).toBe(1)
    expect(toleratedFailurePercentageFromPath(1.1, '$.p')).toBe(1.1)
    expect(toleratedFailurePercentageFromPath('1', '$p')).toBe(1)
  })

  it('refuse anything else with the causes AWS was recorded giving', () => {
    expect(runtimeFailure(() => toleratedFailureCountFromPath('NoNumber', '$.ToleratedFailureCount')).cause).toBe(
      'The ToleratedFailureCountPath field refers to value "NoNumber" which is not a valid integer: $.ToleratedFailureCount',
    )
    expect(runtimeFailure(() => toleratedFailureCountFromPath({}, '$.ToleratedFailureCount')).cause).toBe(
      'The ToleratedFailureCountPath field refers to value "{}" which is not a valid integer: $.ToleratedFailureCount',
    )
    expect(runtimeFailure(() => toleratedFailurePercentageFromPath({}, '$.ToleratedFailurePercentage')).cause).toBe(
      'The ToleratedFailurePercentagePath field refers to value "{}" which is not a valid float: $.ToleratedFailurePercentage',
    )
    expect(runtimeFailure(() => toleratedFailureCountFromPath(2.5, '$.c')).name).toBe('States.Runtime')
  })
})

/** Executions recorded against AWS sit next to the repository, in ../shared/fixtures. */
const fixtures = new URL('../../../../../shared/fixtures/conformance/', import.meta.url)
const haveFixtures = existsSync(fixtures)
if (!haveFixtures) console.info(`skipping the tolerated failure vectors: ${fixtures.pathname} is absent`)

interface Vector {
  id: string
  definition: { States: Record<string, Record<string, unknown>> }
  input: unknown
  expected: { status: string; error?: string; cause?: string }
  features: string[]
}

/** Every recorded Map with a tolerated failure setting; their Pass children never fail, so 0 items failed. */
function vectors(): Vector[] {
  if (!haveFixtures) return []
  return readdirSync(fixtures)
    .filter((file) => file.endsWith('.json') && file !== 'index.json')
    .map((file) => JSON.parse(readFileSync(new URL(file, fixtures), 'utf8')) as Vector)
    .filter((vector) => vector.features.includes('map:distributed') && vector.features.includes('map:toleratedFailure'))
}

/** Reads `$.name` from the input or `$name` from the variables a Pass state assigned. */
function reference(path: string, vector: Vector): unknown {
  if (path.startsWith('$.')) return (vector.input as Record<string, unknown>)[path.slice(2)]
  const assigned = Object.values(vector.definition.States).map((state) => (state.Assign ?? {}) as Record<string, unknown>)
  return assigned.find((variables) => path.slice(1) in variables)?.[path.slice(1)]
}

/** The state's items, its thresholds resolved as the interpreter will; what toleratedFailureExceeded sees. */
function evaluate(vector: Vector): boolean {
  const map = Object.values(vector.definition.States).find((state) => state.Type === 'Map') ?? {}
  const tolerated: { -readonly [K in keyof ToleratedFailure]: ToleratedFailure[K] } = {}
  if (typeof map.ToleratedFailureCount === 'number') tolerated.ToleratedFailureCount = map.ToleratedFailureCount
  if (typeof map.ToleratedFailurePercentage === 'number') tolerated.ToleratedFailurePercentage = map.ToleratedFailurePercentage
  if (typeof map.ToleratedFailureCountPath === 'string') {
    tolerated.ToleratedFailureCount = toleratedFailureCountFromPath(reference(map.ToleratedFailureCountPath, vector), map.ToleratedFailureCountPath)
  }
  if (typeof map.ToleratedFailurePercentagePath === 'string') {
    tolerated.ToleratedFailurePercentage = toleratedFailurePercentageFromPath(reference(map.ToleratedFailurePercentagePath, vector), map.ToleratedFailurePercentagePath)
  }
  return toleratedFailureExceeded(1, 0, tolerated)
}

describe.skipIf(!haveFixtures)('tolerated failure settings recorded against AWS', () => {
  it('covers every recorded Distributed Map with a tolerated failure setting', () => {
    expect(vectors().length).toBeGreaterThanOrEqual(12)
  })

  it.each(vectors().map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    if (vector.expected.status === 'SUCCEEDED') {
      expect(evaluate(vector)).toBe(false)
      return
    }
    const error = runtimeFailure(() => evaluate(vector))
    expect(error.name).toBe(vector.expected.error)
    expect(vector.expected.cause).toBe(`An error occurred while executing the state 'MapState' (entered at the event id #2). ${error.cause}`)
  })
})
