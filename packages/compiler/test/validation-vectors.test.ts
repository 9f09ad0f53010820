import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { validate } from '../src/index.js'

/** Recorded AWS verdicts and deployed definitions sit next to the repository, in ../shared/fixtures. */
const fixtures = new URL('../../../../shared/fixtures/', import.meta.url)
const haveFixtures = existsSync(fixtures)
if (!haveFixtures) console.info(`skipping the validation vectors and corpus: ${fixtures.pathname} is absent`)

interface Vector {
  id: string
  request: { type: 'STANDARD' | 'EXPRESS' }
  definition: unknown
  definitionIsJson: boolean
  definitionString?: string
  expected: { result: 'OK' | 'FAIL'; diagnostics: { code: string; location: string }[] }
}

/**
 * LocalStack records some definitions as templates it fills in at run time; the activity vector's
 * `<<dummy:create_activity()[activityArn]>>` became the ARN of an activity it had just created.
 */
function resolveTemplates(definition: unknown): unknown {
  const text = JSON.stringify(definition).replace(/<<dummy:create_activity\(\)\[activityArn\]>>/g, 'arn:aws:states:us-east-1:111122223333:activity:dummy')
  return JSON.parse(text) as unknown
}

const vectors: Vector[] = !haveFixtures
  ? []
  : readdirSync(new URL('validation/', fixtures))
      .filter((file) => file.endsWith('.json') && file !== 'index.json')
      .map((file) => JSON.parse(readFileSync(new URL(`validation/${file}`, fixtures), 'utf8')) as Vector)

const pairs = (list: readonly { code: string; location: string }[]): string[] => list.map(({ code, location }) => `${code} ${location}`).sort()

/** Whether validate() agrees with AWS: the verdict, and the code and location of each error AWS gave. */
function agreesWithAws(vector: Vector): boolean {
  if (!vector.definitionIsJson) {
    // Given the raw text, validate() parses it as AWS does and reports AWS's code; AWS's location
    // is its JSON parser's position text, so only the verdict and the code are compared.
    const { ok, diagnostics } = validate(vector.definitionString ?? vector.definition, { type: vector.request.type })
    return !ok && JSON.stringify(diagnostics.map(({ code }) => code)) === JSON.stringify(vector.expected.diagnostics.map(({ code }) => code))
  }
  const { ok, diagnostics } = validate(resolveTemplates(vector.definition), { type: vector.request.type })
  const errors = pairs(diagnostics.filter((d) => d.severity === 'ERROR'))
  return (ok ? 'OK' : 'FAIL') === vector.expected.result && JSON.stringify(errors) === JSON.stringify(pairs(vector.expected.diagnostics))
}

describe.skipIf(!haveFixtures)('validate() against verdicts recorded from AWS (../shared/fixtures/validation)', () => {
  it.each(vectors.filter((vector) => vector.definitionIsJson).map((vector) => [vector.id, vector] as const))('%s', (_id, vector) => {
    const { ok, diagnostics } = validate(resolveTemplates(vector.definition), { type: vector.request.type })
    expect(ok ? 'OK' : 'FAIL').toBe(vector.expected.result)
    expect(pairs(diagnostics.filter((d) => d.severity === 'ERROR'))).toEqual(pairs(vector.expected.diagnostics))
  })

  it.each(vectors.filter((vector) => !vector.definitionIsJson).map((vector) => [vector.id, vector] as const))('%s (not JSON: verdict and code)', (_id, vector) => {
    expect(agreesWithAws(vector)).toBe(true)
  })

  it('matches every recorded verdict', () => {
    const matched = vectors.filter(agreesWithAws).length
    const notJson = vectors.filter((vector) => !vector.definitionIsJson).length
    console.log(`validation vectors: ${matched}/${vectors.length} match AWS (${notJson} not-JSON vector(s) by verdict and code)`)
    expect(matched).toBe(vectors.length)
  })
})

interface CorpusEntry {
  file: string
  parsed: boolean
  believedValid?: boolean
}

describe.skipIf(!haveFixtures)('validate() on the real-world ASL corpus (../shared/fixtures/asl-corpus)', () => {
  const index = (haveFixtures ? JSON.parse(readFileSync(new URL('asl-corpus/index.json', fixtures), 'utf8')) : { files: [] }) as { files: CorpusEntry[] }
  it('reports no error on any deployed definition believed valid', () => {
    const deployed = index.files.filter((entry) => entry.parsed && entry.believedValid !== false)
    expect(deployed.length).toBeGreaterThan(100)
    const flagged = deployed.flatMap((entry) => {
      const definition = JSON.parse(readFileSync(new URL(`asl-corpus/${entry.file}`, fixtures), 'utf8')) as unknown
      return validate(definition).diagnostics.filter((d) => d.severity === 'ERROR').map((d) => `${entry.file} ${d.code} ${d.location}: ${d.message}`)
    })
    expect(flagged).toEqual([])
  })
})
