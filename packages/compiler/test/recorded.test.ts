import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkDefinition } from '../src/index.js'

/** The shared fixtures sit next to the repository (../shared/fixtures); without them there is nothing to compare to. */
const fixtures = new URL('../../../../shared/fixtures/', import.meta.url)
const haveFixtures = existsSync(fixtures)

interface Vector {
  id: string
  definition: unknown
  definitionIsJson: boolean
  expected: { result: 'OK' | 'FAIL'; diagnostics: { code: string; message: string; location?: string }[] }
}

/** Verdicts recorded against AWS that these checks cover: not-JSON input and the Express-only rules are someone else's. */
const vectors: Vector[] = !haveFixtures ? [] : readdirSync(new URL('validation/', fixtures))
  .filter((file) => file.endsWith('.json') && file !== 'index.json')
  .map((file) => JSON.parse(readFileSync(new URL(`validation/${file}`, fixtures), 'utf8')) as Vector)
  .filter((vector) => vector.definitionIsJson)
const covered = (vector: Vector): boolean =>
  vector.expected.diagnostics.every(({ message }) => message.startsWith('These fields are required') || message.startsWith("'QueryLanguage'"))

describe.skipIf(!haveFixtures)('checkDefinition against verdicts recorded from AWS', () => {
  it.each(vectors.filter(covered).map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    const actual = checkDefinition(vector.definition).map(({ code, message, location }) => ({ code, message, location }))
    expect(actual).toEqual(vector.expected.diagnostics.map(({ code, message, location }) => ({ code, message, location })))
  })

  it.each(vectors.filter((vector) => !covered(vector)).map((vector) => [vector.id, vector] as const))(
    'reports nothing AWS did not for %s',
    (_id, vector) => {
      const expectedCodes = new Set(vector.expected.diagnostics.map(({ code }) => code))
      for (const { code } of checkDefinition(vector.definition)) expect(expectedCodes).toContain(code)
    },
  )
})

interface CorpusEntry {
  file: string
  parsed: boolean
  believedValid?: boolean
}

describe.skipIf(!haveFixtures)('checkDefinition on real-world definitions people deployed', () => {
  const index = (haveFixtures ? JSON.parse(readFileSync(new URL('asl-corpus/index.json', fixtures), 'utf8')) : { files: [] }) as { files: CorpusEntry[] }
  const load = (entry: CorpusEntry): unknown => JSON.parse(readFileSync(new URL(`asl-corpus/${entry.file}`, fixtures), 'utf8'))

  it('finds no error in any definition believed valid', () => {
    const deployed = index.files.filter((entry) => entry.parsed && entry.believedValid !== false)
    expect(deployed.length).toBeGreaterThan(100)
    const flagged = deployed.flatMap((entry) =>
      checkDefinition(load(entry))
        .filter((d) => d.severity === 'ERROR')
        .map((d) => `${entry.file} ${d.code} ${d.location}`),
    )
    expect(flagged).toEqual([])
  })

  it('rejects the one believed invalid: JSONata fields in what is really a JSONPath machine', () => {
    const invalid = index.files.filter((entry) => entry.parsed && entry.believedValid === false)
    expect(invalid.map((entry) => [...new Set(checkDefinition(load(entry)).map(({ code }) => code))])).toEqual([['SCHEMA_VALIDATION_FAILED']])
  })
})
