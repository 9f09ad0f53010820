import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parsePath, PathWriteError, readPath, writePath } from '../../src/jsonpath/index.js'

const NAME = /^[A-Za-z_][A-Za-z0-9_-]{0,5}$/
const name = fc.stringMatching(NAME)
const key = fc.string({ maxLength: 5 })
const index = fc.integer({ min: -4, max: 4 })
const bracket = (text: string) => `['${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`

/** A step of every kind the evaluator reads. */
const step = fc.oneof(
  name.map((n) => `.${n}`),
  key.map(bracket),
  index.map((i) => `[${i}]`),
  fc.constantFrom('[*]', '.*', '..*'),
  fc
    .tuple(fc.option(index, { nil: undefined }), fc.option(index, { nil: undefined }))
    .filter(([from, to]) => from !== undefined || to !== undefined)
    .map(([from, to]) => `[${from ?? ''}:${to ?? ''}]`),
  fc.array(index, { minLength: 2, maxLength: 3 }).map((indexes) => `[${indexes.join(', ')}]`),
  fc.array(key, { minLength: 2, maxLength: 3 }).map((keys) => `[${keys.map((k) => bracket(k).slice(1, -1)).join(',')}]`),
  name.map((n) => `..${n}`),
  index.map((i) => `..[${i}]`),
  fc.constantFrom(
    '[?(@.a)]',
    '[?(!@.a)]',
    '[?(@.a > 1)]',
    "[?(@.b == 'x' || @.a <= $.a)]",
    '[?(@.a in [1, "x", null])]',
    '[?(@ =~ /x.*/i)]',
    '[?(@.a size 2)]',
    '[?(@.a empty false)]',
    '[?(@.a anyof [1] && (@.b subsetof $.c || @.d noneof [true]))]',
  ),
)
const path = fc.array(step, { maxLength: 6 }).map((steps) => `$${steps.join('')}`)

/** JSON whose objects often have the names the paths use. */
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 1 }), tie('object'), fc.array(tie('value'), { maxLength: 4 })),
  object: fc.dictionary(fc.oneof(fc.constantFrom('a', 'b', 'c', 'd', 'x'), key), tie('value'), { maxKeys: 4 }),
})).value

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const member of Object.values(value)) deepFreeze(member)
    Object.freeze(value)
  }
  return value
}

describe('readPath on any JSON', () => {
  it('never throws for a valid path, never changes the input, and gives a list for an indefinite path', () => {
    fc.assert(
      fc.property(path, json, (text, input) => {
        const before = structuredClone(input)
        const read = readPath(text, { input: deepFreeze(input) })
        expect(input).toEqual(before)
        if (!parsePath(text).definite) expect(read).toEqual({ found: true, value: expect.any(Array) })
      }),
      { numRuns: 3000 },
    )
  })

  it('reads the same with dot and bracket notation, and with .* and [*]', () => {
    const member = fc.oneof(
      name.map((n) => ({ dot: `.${n}`, bracket: bracket(n) })),
      fc.constant({ dot: '.*', bracket: '[*]' }),
      index.map((i) => ({ dot: `[${i}]`, bracket: `[${i}]` })),
    )
    fc.assert(
      fc.property(fc.array(member, { maxLength: 5 }), json, (members, input) => {
        const dotted = `$${members.map((m) => m.dot).join('')}`
        const bracketed = `$${members.map((m) => m.bracket).join('')}`
        expect(readPath(dotted, { input })).toEqual(readPath(bracketed, { input }))
      }),
      { numRuns: 1000 },
    )
  })
})

describe('writePath on any JSON', () => {
  const referencePath = fc.array(fc.oneof(name.map((n) => `.${n}`), key.map(bracket), index.map((i) => `[${i}]`)), { maxLength: 4 }).map((steps) => `$${steps.join('')}`)

  it('either places the value where readPath finds it, or fails with PathWriteError; the target is never changed', () => {
    fc.assert(
      fc.property(referencePath, json, fc.jsonValue({ maxDepth: 1 }), (text, target, value) => {
        const before = structuredClone(target)
        let written: unknown
        try {
          written = writePath(text, deepFreeze(target), value)
        } catch (error) {
          expect(error).toBeInstanceOf(PathWriteError)
          return
        }
        expect(target).toEqual(before)
        expect(readPath(text, { input: written })).toEqual({ found: true, value })
      }),
      { numRuns: 3000 },
    )
  })

  it('succeeds on an object whenever the path is names only', () => {
    const names = fc.array(name, { minLength: 1, maxLength: 4 }).map((ns) => `$.${ns.join('.')}`)
    fc.assert(
      fc.property(names, fc.constant({}), fc.jsonValue({ maxDepth: 1 }), (text, target, value) => {
        expect(readPath(text, { input: writePath(text, target, value) })).toEqual({ found: true, value })
      }),
    )
  })
})
