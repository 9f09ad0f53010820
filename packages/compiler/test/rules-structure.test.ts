import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkDefinition, type Diagnostic } from '../src/index.js'

/**
 * One folder per rule file under fixtures/rules: `valid-*.asl.json` definitions that must yield no
 * diagnostic at all, `invalid-*.asl.json` ones whose diagnostics `expected.json` lists exactly.
 */
const root = new URL('./fixtures/rules/', import.meta.url)

interface Expected {
  /** The machine type the folder's definitions are checked as; STANDARD unless given. */
  type?: 'STANDARD' | 'EXPRESS'
  invalid: Record<string, Pick<Diagnostic, 'code' | 'location' | 'severity'>[]>
}

const read = (rule: string, file: string): unknown => JSON.parse(readFileSync(new URL(`${rule}/${file}`, root), 'utf8'))
const shape = ({ code, location, severity }: Diagnostic) => ({ code, location, severity })

/** The structure rules' folders; other rules keep fixtures of their own alongside. */
const rules = [
  'choice-rules', 'credentials', 'error-wildcard', 'express-integrations', 'map-config',
  'resource-arns', 'state-names', 'timeouts', 'wait-duration',
]

describe.each(rules)('%s', (rule) => {
  const files = readdirSync(new URL(`${rule}/`, root))
  const expected = read(rule, 'expected.json') as Expected
  const type = expected.type ?? 'STANDARD'
  const valid = files.filter((file) => file.startsWith('valid-'))
  const invalid = files.filter((file) => file.startsWith('invalid-'))

  it('has a passing and a failing fixture, and expectations for exactly the failing ones', () => {
    expect(valid.length).toBeGreaterThan(0)
    expect(invalid.length).toBeGreaterThan(0)
    expect(Object.keys(expected.invalid).sort()).toEqual([...invalid].sort())
  })

  it.each(valid)('accepts %s', (file) => {
    expect(checkDefinition(read(rule, file), type).map(shape)).toEqual([])
  })

  it.each(invalid)('reports %s exactly', (file) => {
    expect(checkDefinition(read(rule, file), type).map(shape)).toEqual(expected.invalid[file])
  })
})

/** A rule wrapped in `depth` Nots: nesting has no documented limit, and parsed JSON can be this deep. */
function deeplyNegated(depth: number): unknown {
  let rule: unknown = { Variable: '$.x', IsNull: true }
  for (let i = 0; i < depth; i++) rule = { Not: rule }
  return { Not: rule, Next: 'A' }
}

describe('the rules never throw and never mutate', () => {
  const odd: unknown[] = [
    null, 42, 'text', [], { States: [] }, { StartAt: 'A', States: { A: null } },
    { StartAt: 'A', States: { A: { Type: 'Choice', Choices: [null, 1, { And: 'x' }, { Not: [] }, { Variable: 5 }] } } },
    { StartAt: 'A', States: { A: { Type: 'Map', ItemProcessor: { ProcessorConfig: 'x' }, ItemBatcher: null, Label: 7, ItemReader: [] } } },
    { StartAt: 'A', States: { A: { Type: 'Task', Resource: {}, Retry: [null, { ErrorEquals: 'States.ALL' }], Catch: 'x', Credentials: 'x', TimeoutSeconds: 'x' } } },
    { StartAt: 'A', States: { A: { Type: 'Wait', Seconds: null, Timestamp: 5 } } },
  ]
  it.each(odd.map((definition) => [JSON.stringify(definition).slice(0, 120), definition] as const))('%s', (_text, definition) => {
    const before = JSON.stringify(definition)
    for (const type of ['STANDARD', 'EXPRESS'] as const) expect(() => checkDefinition(definition, type)).not.toThrow()
    expect(JSON.stringify(definition)).toBe(before)
  })

  it('walks deeply nested Choice Rules without running out of stack', () => {
    const definition = { StartAt: 'A', States: { A: { Type: 'Choice', Choices: [deeplyNegated(5_000)] } } }
    expect(checkDefinition(definition).filter(({ location }) => location.includes('/Not/'))).toEqual([])
  })
})
