import fc from 'fast-check'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildContext } from '../src/checks/context.js'
import { intrinsicFunctions } from '../src/checks/intrinsic-functions.js'
import { jsonataDelimiters } from '../src/checks/jsonata-delimiters.js'
import { jsonataFunctions } from '../src/checks/jsonata-functions.js'
import { jsonataReferences } from '../src/checks/jsonata-references.js'
import { jsonataStatesVariable } from '../src/checks/jsonata-states-variable.js'
import { jsonataSyntax } from '../src/checks/jsonata-syntax.js'
import { jsonpathSyntax } from '../src/checks/jsonpath-syntax.js'
import { noDollar } from '../src/checks/no-dollar.js'
import { noPath } from '../src/checks/no-path.js'
import { passResultIsStatic } from '../src/checks/pass-result-is-static.js'
import type { CheckRule } from '../src/checks/rule.js'
import { parseIntrinsic } from '../src/checks/syntax/intrinsic.js'
import { isPlainPath, isReferencePath, parsePath } from '../src/checks/syntax/jsonpath.js'
import type { Diagnostic } from '../src/diagnostics.js'

/** The expression rules, by the name of their file and of their fixture folder. */
const RULES: Readonly<Record<string, CheckRule>> = {
  'jsonpath-syntax': jsonpathSyntax,
  'intrinsic-functions': intrinsicFunctions,
  'jsonata-delimiters': jsonataDelimiters,
  'jsonata-syntax': jsonataSyntax,
  'jsonata-references': jsonataReferences,
  'jsonata-states-variable': jsonataStatesVariable,
  'jsonata-functions': jsonataFunctions,
  'pass-result-is-static': passResultIsStatic,
  'no-dollar': noDollar,
  'no-path': noPath,
}

function run(rule: CheckRule, definition: unknown): Diagnostic[] {
  return rule.check(definition, buildContext(definition))
}

function runAll(definition: unknown): Diagnostic[] {
  const context = buildContext(definition)
  return Object.values(RULES).flatMap((rule) => rule.check(definition, context))
}

const readJson = (url: URL): unknown => JSON.parse(readFileSync(url, 'utf8'))

type Expected = Pick<Diagnostic, 'severity' | 'code' | 'location' | 'hint'>

const rulesDir = new URL('./fixtures/rules/', import.meta.url)

describe('expression rules against their fixtures', () => {
  for (const [name, rule] of Object.entries(RULES)) {
    const dir = new URL(`${name}/`, rulesDir)
    const files = readdirSync(dir).filter((file) => file.endsWith('.asl.json'))
    const expected = (readJson(new URL('expected.json', dir)) as { invalid: Record<string, Expected[]> }).invalid

    it(`${name} has a passing and a failing fixture`, () => {
      expect(files.some((file) => file.startsWith('valid-'))).toBe(true)
      expect(Object.keys(expected).sort()).toEqual(files.filter((file) => file.startsWith('invalid-')).sort())
    })

    it.each(files.filter((file) => file.startsWith('valid-')))(`${name}/%s: no diagnostic from any expression rule`, (file) => {
      expect(runAll(readJson(new URL(file, dir)))).toEqual([])
    })

    it.each(files.filter((file) => file.startsWith('invalid-')))(`${name}/%s: exactly the expected code, location and severity`, (file) => {
      const want = expected[file]
      expect(want, `expected.json lists ${file}`).toBeDefined()
      const got = run(rule, readJson(new URL(file, dir))).map(({ severity, code, location, hint }) =>
        want?.find((item) => item.location === location)?.hint === undefined ? { severity, code, location } : { severity, code, location, hint },
      )
      expect(got).toEqual(want)
    })
  }
})

describe('JSONPath reader', () => {
  it.each([
    ['$', true],
    ['$.a.b[0]', true],
    ["$['a b'][2].c", true],
    ['$.store\\.book', true],
    ['$$.Execution.Id', true],
    ['$myVar.field', true],
    ['$.[0]', true],
    ['$.items[*]', false],
    ['$..name', false],
    ['$.a[1:3]', false],
    ['$.a[0,1]', false],
    ["$.a['x','y']", false],
    ['$.a[?(@.b > 1)]', false],
    ['$.a.length()', false],
  ])('%s parses (reference path: %s)', (text, reference) => {
    const result = parsePath(text)
    expect(result.ok).toBe(true)
    if (result.ok) expect(isReferencePath(result.path)).toBe(reference)
  })

  it.each(['', 'a.b', '$.', '$.a[', '$.a[0', "$.a['x]", '$.a b', '$.a.[?(@.x > 1]', '$.f(x)'])('rejects %j', (text) => {
    expect(parsePath(text).ok).toBe(false)
  })

  it('agrees that a plain path (read without it) is a Reference Path', () => {
    const pathLike = fc.array(fc.constantFrom('$', '.', 'a', 'Z', '_', '0', '9', '[', ']', ' ', '\\', '-', '*', '(', ')', "'"), { maxLength: 12 })
    fc.assert(
      fc.property(pathLike, (characters) => {
        const text = `$${characters.join('')}`
        if (!isPlainPath(text)) return
        const result = parsePath(text)
        expect(result.ok && isReferencePath(result.path)).toBe(true)
      }),
      { numRuns: 20_000 },
    )
    expect(['$', '$$', '$.a', '$$.Execution.Id', '$.a_1.B2'].every(isPlainPath)).toBe(true)
    expect(['$.', '$..a', '$.a[0]', '$a', '$.1a', '$.a b', '$.a-b'].some(isPlainPath)).toBe(false)
  })
})

describe('intrinsic function reader', () => {
  it('reads nested calls, escapes and literal kinds', () => {
    const result = parseIntrinsic("States.Format('a \\' \\{ \\} \\\\ {}', States.Array(1, -2e3, true, null, $.x[0]))")
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.call.args.map((arg) => arg.kind)).toEqual(['string', 'call'])
    expect(result.call.args[0]).toMatchObject({ placeholders: 1 })
  })

  it.each(["States.Format('{}'", "States.Format('\\n')", 'States.Array(1 2)', 'States.Array(1)x', "States.Format('x"])('rejects %j', (text) => {
    expect(parseIntrinsic(text).ok).toBe(false)
  })
})

/** Choice rules nest without a documented limit: the walks must not recurse on the stack. */
function deeplyNegated(depth: number): unknown {
  let rule: unknown = { Variable: '$.x', StringEquals: '$.y' }
  for (let i = 0; i < depth; i++) rule = { Not: rule }
  return { Not: rule, Next: 'A' }
}

describe('expression rules never throw', () => {
  const odd: unknown[] = [
    null,
    42,
    'text',
    [],
    { States: null },
    { StartAt: 'A', States: { A: null } },
    { QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', Output: ['{%', '{% %}', '{%%}', 7, null, { '{% x %}': '{% (%}' }] } } },
    { StartAt: 'A', States: { A: { Type: 'Choice', Choices: [null, { And: 'x', Not: [], Variable: 7 }, { Or: [null, { Not: null }] }] } } },
    { StartAt: 'A', States: { A: { Type: 'Pass', Parameters: { 'a.$': 7, 'b.$': null, 'c.$': [], 'd.$': '' }, Result: null, ResultPath: 5, Catch: 'x' } } },
    { StartAt: 'A', States: { A: { Type: 'Map', ItemReader: { ReaderConfig: null, Parameters: 'x' }, ItemBatcher: [], ItemSelector: { 'x.$': 'States.(' } } } },
    { StartAt: 'A', States: { A: { Type: 'Choice', Choices: [deeplyNegated(50_000)] } } },
  ]
  it.each(odd.map((definition, index) => [index, definition] as const))('odd definition #%i', (_index, definition) => {
    expect(() => runAll(definition)).not.toThrow()
  })
})

/** The shared fixtures sit next to the repository (../shared/fixtures). */
const fixtures = new URL('../../../../shared/fixtures/', import.meta.url)
const haveFixtures = existsSync(fixtures)

/** The corpus README lists these as genuinely invalid: they may have errors. */
const KNOWN_INVALID = new Set(['step-functions-workflows-collection__shared-fallback-state-jsonata__statemachine__statemachine.asl.json'])

describe.skipIf(!haveFixtures)('expression rules over definitions AWS accepted (../shared/fixtures)', () => {
  const errors = (definition: unknown): string[] =>
    runAll(definition)
      .filter(({ severity }) => severity === 'ERROR')
      .map(({ code, location, message }) => `${code} ${location}: ${message}`)

  it('report no ERROR on any deployed corpus definition', () => {
    const dir = new URL('asl-corpus/', fixtures)
    const files = readdirSync(dir).filter((file) => file.endsWith('.json') && file !== 'index.json' && !KNOWN_INVALID.has(file))
    expect(files.length).toBeGreaterThan(100)
    const found = files.flatMap((file) => errors(readJson(new URL(file, dir))).map((line) => `${file}: ${line}`))
    expect(found).toEqual([])
  })

  it('report no ERROR on any definition AWS executed (conformance vectors)', () => {
    const dir = new URL('conformance/', fixtures)
    const files = readdirSync(dir).filter((file) => file.endsWith('.json') && file !== 'index.json')
    const found = files.flatMap((file) => {
      const vector = readJson(new URL(file, dir)) as { definition: unknown }
      return errors(vector.definition).map((line) => `${file}: ${line}`)
    })
    expect(found).toEqual([])
  })
})

describe('golden files', () => {
  const dir = new URL('../../dsl/test/golden/', import.meta.url)
  const files = readdirSync(dir).filter((file) => file.endsWith('.asl.json'))
  it.each(files)('%s has no diagnostic from the expression rules', (file) => {
    expect(runAll(readJson(new URL(file, dir)))).toEqual([])
  })
})
