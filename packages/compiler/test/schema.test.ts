import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { describe, expect, test } from 'vitest'
import { AJV_OPTIONS, GENERATED_VALIDATOR, validatorModule } from '../src/schema/codegen.js'
import { schemaFindings, validateAsl } from '../src/schema/index.js'
import { validate } from '../src/validate/index.js'

const repoRoot = join(import.meta.dirname, '../../..')
const corpusDir = join(repoRoot, '../shared/fixtures/asl-corpus')
const vectorsDir = join(repoRoot, '../shared/fixtures/validation')
const goldenDir = join(repoRoot, 'packages/dsl/test/golden')
const schemaFile = join(repoRoot, 'packages/compiler/schemas/asl.schema.json')

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'))
const jsonFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'index.json').sort()
const schemaAccepts = (definition: unknown): boolean => validateAsl(definition)

describe('the schema file', () => {
  test('compiles with ajv in strict mode', () => {
    expect(() => new Ajv({ ...AJV_OPTIONS, strict: true }).compile(readJson(schemaFile) as object)).not.toThrow()
  })

  test('is what the committed validator module was generated from', () => {
    const stale = 'src/schema/asl-validator.generated.ts is stale: run `pnpm --filter @dlc/compiler generate:schema`'
    expect(readFileSync(GENERATED_VALIDATOR, 'utf8') === validatorModule(), stale).toBe(true)
  })

  test('is published by the package', () => {
    const pkg = readJson(join(repoRoot, 'packages/compiler/package.json')) as { exports: Record<string, unknown>; files: string[] }
    expect(pkg.exports['./schemas/asl.schema.json']).toBe('./schemas/asl.schema.json')
    expect(pkg.files).toContain('schemas')
  })
})

describe.skipIf(!existsSync(corpusDir))('real-world corpus (../shared/fixtures/asl-corpus)', () => {
  // The README's known problems: the JSONata one fails the schema ("QueryLanguage" inside States is a
  // state that is a string); the ${ReminderTimeout} Wait.Seconds one passes, as placeholders must.
  test('every definition passes the schema except the known invalid one', () => {
    const failing = jsonFiles(corpusDir).filter((file) => !schemaAccepts(readJson(join(corpusDir, file))))
    expect(failing).toEqual(['step-functions-workflows-collection__shared-fallback-state-jsonata__statemachine__statemachine.asl.json'])
  })
})

describe('golden ASL files of the DSL', () => {
  test.each(jsonFiles(goldenDir))('%s passes the schema', (file) => {
    expect(schemaFindings(readJson(join(goldenDir, file)))).toEqual([])
  })
})

interface Vector {
  readonly id: string
  readonly request: { readonly type: 'STANDARD' | 'EXPRESS' }
  readonly definition: unknown
  readonly definitionIsJson: boolean
  readonly expected: { readonly result: 'OK' | 'FAIL'; readonly diagnostics: readonly { readonly code: string; readonly message: string; readonly location: string }[] }
}

// What the rules own: machine-type restrictions (EXPRESS), the JSONata-machine downgrade, text that is not JSON.
const RULES_OWN = /Express state machine|can not be 'JSONPath'/

describe.skipIf(!existsSync(vectorsDir))('validation vectors recorded against AWS (../shared/fixtures/validation)', () => {
  const vectors = existsSync(vectorsDir) ? jsonFiles(vectorsDir).map((file) => readJson(join(vectorsDir, file)) as Vector) : []
  const schemaOwned = vectors.filter((v) => v.definitionIsJson && !v.expected.diagnostics.some((d) => RULES_OWN.test(d.message)))

  test.each(schemaOwned.map((v) => [v.id, v] as const))('%s: the schema agrees with AWS', (_id, vector) => {
    const locations = schemaFindings(vector.definition).map((f) => f.diagnostic.location)
    if (vector.expected.result === 'OK') expect(locations).toEqual([])
    for (const expected of vector.expected.diagnostics) expect(locations).toContain(expected.location)
  })

  test.each(vectors.filter((v) => v.definitionIsJson).map((v) => [v.id, v] as const))('%s: validate() gives AWS\'s verdict', (_id, vector) => {
    const schemaOnly = schemaFindings(vector.definition).length === 0 ? 'OK' : 'FAIL'
    if (schemaOwned.includes(vector)) expect(validate(vector.definition, { type: vector.request.type }).ok ? 'OK' : 'FAIL').toBe(vector.expected.result)
    else expect(schemaOnly).toBe('OK')
  })
})

const machine = (states: Record<string, unknown>, top: Record<string, unknown> = {}): unknown => ({ StartAt: Object.keys(states)[0], States: states, ...top })

describe('one invalid definition per schema area', () => {
  const cases: [string, unknown, string, RegExp][] = [
    ['unknown state type', machine({ A: { Type: 'Pas', End: true } }), '/States/A/Type', /Unknown state type "Pas"/],
    ['Next and End together', machine({ A: { Type: 'Pass', Next: 'A', End: true } }), '/States/A', /'Next' and 'End' cannot be used together/],
    ['neither Next nor End', machine({ A: { Type: 'Pass' }, B: { Type: 'Succeed' } }), '/States/A', /Missing required field 'Next' or 'End'/],
    ['a Wait with two durations', machine({ A: { Type: 'Wait', Seconds: 1, Timestamp: '2026-01-01T00:00:00Z', End: true } }), '/States/A', /'Seconds' and 'Timestamp'/],
    ['JSONata field in a declared JSONPath state', machine({ A: { Type: 'Pass', QueryLanguage: 'JSONPath', Output: {}, End: true } }), '/States/A/Output', /not supported in a JSONPath state/],
    ['JSONPath field in a declared JSONata state', machine({ A: { Type: 'Pass', QueryLanguage: 'JSONata', InputPath: '$', End: true } }), '/States/A/InputPath', /not supported in a JSONata state/],
    ['JSONata seconds in a declared JSONPath state', machine({ A: { Type: 'Wait', QueryLanguage: 'JSONPath', Seconds: '{% 3 %}', End: true } }), '/States/A/Seconds', /JSONata expression in a JSONPath state/],
    ['Retry without ErrorEquals', machine({ A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retry: [{ MaxAttempts: 2 }], End: true } }), '/States/A/Retry/0', /'ErrorEquals' is required/],
    ['Catch without Next', machine({ A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Catch: [{ ErrorEquals: ['States.ALL'] }], End: true } }), '/States/A/Catch/0', /'Next' is required/],
    ['Distributed-only field on an INLINE Map', machine({ A: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'INLINE' }, StartAt: 'B', States: { B: { Type: 'Succeed' } } }, Label: 'x', End: true } }), '/States/A/Label', /only supported in a Distributed Map/],
    ['DISTRIBUTED without ExecutionType', machine({ A: { Type: 'Map', ItemProcessor: { ProcessorConfig: { Mode: 'DISTRIBUTED' }, StartAt: 'B', States: { B: { Type: 'Succeed' } } }, End: true } }), '/States/A/ItemProcessor/ProcessorConfig', /'ExecutionType' is required/],
    ['unknown top-level field', machine({ A: { Type: 'Succeed' } }, { Foo: 1 }), '/Foo', /Field 'Foo' is not supported in the state machine definition/],
    ['unknown state field, with a suggestion', machine({ A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Retyr: [], End: true } }), '/States/A/Retyr', /not supported in a Task state/],
    ['Task without Resource', machine({ A: { Type: 'Task', End: true } }), '/States/A', /'Resource' is required/],
    ['Choice without Choices', machine({ A: { Type: 'Choice', Default: 'B' }, B: { Type: 'Succeed' } }), '/States/A', /'Choices' is required/],
    ['Parallel with no branches', machine({ A: { Type: 'Parallel', Branches: [], End: true } }), '/States/A/Branches', /at least 1 item/],
    ['Fail with Error and ErrorPath', machine({ A: { Type: 'Fail', Error: 'E', ErrorPath: '$.e' } }), '/States/A', /'Error' and 'ErrorPath' cannot be used together/],
    ['negative MaxConcurrency', machine({ A: { Type: 'Map', ItemProcessor: { StartAt: 'B', States: { B: { Type: 'Succeed' } } }, MaxConcurrency: -1, End: true } }), '/States/A/MaxConcurrency', /at least 0/],
    ['Credentials without RoleArn', machine({ A: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Credentials: {}, End: true } }), '/States/A/Credentials', /RoleArn/],
  ]
  test.each(cases)('%s', (_name, definition, location, message) => {
    const findings = schemaFindings(definition).map((f) => f.diagnostic)
    expect(findings).toContainEqual(expect.objectContaining({ code: 'SCHEMA_VALIDATION_FAILED', location, message: expect.stringMatching(message) }))
    expect(validate(definition).ok).toBe(false)
  })

  test('a ${Placeholder} is accepted in Resource and in numeric fields', () => {
    const definition = machine({ A: { Type: 'Wait', Seconds: '${ReminderTimeout}', Next: 'B' }, B: { Type: 'Task', Resource: '${FnArn}', TimeoutSeconds: '${Timeout}', End: true } })
    expect(schemaFindings(definition)).toEqual([])
  })

  test('ajv noise collapses into one message per problem', () => {
    const messages = schemaFindings(machine({ A: { Type: 'Pass' }, B: { Type: 'Succeed' } })).map((f) => f.diagnostic.message)
    expect(messages).toEqual(["Missing required field 'Next' or 'End'"])
  })
})

describe('validate() with the schema', () => {
  test('keeps the rule and drops the schema when both flag a JSONata-only field', () => {
    const definition = machine({ A: { Type: 'Pass', QueryLanguage: 'JSONata', Parameters: {}, End: true } })
    const at = validate(definition).diagnostics.filter((d) => d.location === '/States/A/Parameters')
    expect(at).toHaveLength(1)
    expect(schemaFindings(definition).map((f) => f.diagnostic.location)).toContain('/States/A/Parameters')
  })

  test('reports a missing StartAt once', () => {
    const at = validate({ States: { A: { Type: 'Succeed' } } }).diagnostics.filter((d) => d.location === '/')
    expect(at).toEqual([expect.objectContaining({ message: 'These fields are required: [StartAt]' })])
  })

  test('never mutates its input, and gives the same answer twice', () => {
    const definition = machine({ A: { Type: 'Map', ItemProcessor: { StartAt: 'B', States: { B: { Type: 'Pass', End: true } } }, End: true } })
    const before = JSON.stringify(definition)
    const first = validate(definition)
    expect(JSON.stringify(definition)).toBe(before)
    expect(validate(definition)).toEqual(first)
  })

  test.each([null, 42, 'text', [], { States: 'x', StartAt: 1 }, { StartAt: 'A', States: { A: null } }])('never throws on %j', (input) => {
    expect(() => validate(input)).not.toThrow()
    expect(validate(input).ok).toBe(false)
  })
})
