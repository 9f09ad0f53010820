import { describe, expect, it } from 'vitest'
import { PathSyntaxError, PathWriteError, readPath, writePath } from '../../src/jsonpath/index.js'

function writeError(path: string, target: unknown): PathWriteError {
  try {
    writePath(path, target, 'result')
  } catch (error) {
    if (error instanceof PathWriteError) return error
    throw error
  }
  throw new Error(`${path} was written`)
}

describe('writePath places a value at a reference path', () => {
  it('$ replaces the whole input, whatever it is', () => {
    expect(writePath('$', { a: 1 }, [1, 2])).toEqual([1, 2])
    expect(writePath('$', 'text', null)).toBeNull()
  })

  it('adds or replaces a member, by dot or bracket', () => {
    expect(writePath('$.b', { a: 1 }, 2)).toEqual({ a: 1, b: 2 })
    expect(writePath('$.a', { a: 1 }, { x: true })).toEqual({ a: { x: true } })
    expect(writePath("$['odd key']", {}, 1)).toEqual({ 'odd key': 1 })
    expect(writePath('$.delivery-partner', {}, 'UQS')).toEqual({ 'delivery-partner': 'UQS' })
  })

  it('creates the missing objects on the way', () => {
    expect(writePath('$.a.b.c', {}, 1)).toEqual({ a: { b: { c: 1 } } })
    expect(writePath('$.a.b.c', { a: { keep: true } }, 1)).toEqual({ a: { keep: true, b: { c: 1 } } })
  })

  it('replaces an item of an array that is there, counting a negative index from the end', () => {
    expect(writePath('$.list[1]', { list: ['a', 'b', 'c'] }, 'B')).toEqual({ list: ['a', 'B', 'c'] })
    expect(writePath('$.list[-1].x', { list: [{}, { x: 0, y: 1 }] }, 9)).toEqual({ list: [{}, { x: 9, y: 1 }] })
    expect(writePath('$[0]', [1], 'one')).toEqual(['one'])
  })

  it('puts null and other falsy values as they are', () => {
    expect(writePath('$.a', {}, null)).toEqual({ a: null })
    expect(writePath('$.a', {}, 0)).toEqual({ a: 0 })
    expect(writePath('$.a', {}, '')).toEqual({ a: '' })
  })

  it('writes an own member named __proto__ without touching the prototype', () => {
    const written = writePath('$.__proto__', {}, { polluted: true }) as Record<string, unknown>
    expect(Object.getPrototypeOf(written)).toBe(Object.prototype)
    expect(Object.hasOwn(written, '__proto__')).toBe(true)
    expect(readPath('$.__proto__.polluted', { input: written })).toEqual({ found: true, value: true })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})

describe('writePath never changes the target', () => {
  it('returns a new value and shares the parts it did not write', () => {
    const untouched = { deep: [1, 2] }
    const target = Object.freeze({ a: Object.freeze({ b: 1 }), untouched: Object.freeze(untouched) })
    const written = writePath('$.a.c', target, 2) as typeof target & { a: { c: number } }
    expect(written).toEqual({ a: { b: 1, c: 2 }, untouched: { deep: [1, 2] } })
    expect(target).toEqual({ a: { b: 1 }, untouched: { deep: [1, 2] } })
    expect(written.untouched).toBe(untouched)
    expect(written).not.toBe(target)
  })

  it('leaves a frozen array alone when replacing one of its items', () => {
    const target = Object.freeze({ list: Object.freeze([1, 2, 3]) })
    expect(writePath('$.list[0]', target, 0)).toEqual({ list: [0, 2, 3] })
    expect(target.list).toEqual([1, 2, 3])
  })
})

describe("writePath fails with AWS's States.Runtime cause where the path cannot be applied", () => {
  it.each([
    ['$.a', 'text', '"text"'],
    ['$.a', [1, 2], '[1,2]'],
    ['$.a', null, 'null'],
    ['$.a.b', { a: 'text' }, '{"a":"text"}'],
    ['$.a.b', { a: [] }, '{"a":[]}'],
    ['$.a.b', { a: null }, '{"a":null}'],
    ['$.a.b', { a: 1 }, '{"a":1}'],
    ['$.a[0]', { a: {} }, '{"a":{}}'],
    ['$.a[0]', {}, '{}'],
    ['$.a[2]', { a: [1, 2] }, '{"a":[1,2]}'],
    ['$.a[-3]', { a: [1, 2] }, '{"a":[1,2]}'],
  ])('%s into %j', (path, target, printed) => {
    const error = writeError(path, target)
    expect(error.name).toBe('States.Runtime')
    expect(error.message).toBe(`Unable to apply ReferencePath ${path} to input ${printed}`)
    expect(error.cause).toBe(error.message)
    expect(error.path).toBe(path)
  })
})

describe('writePath takes only reference paths into the input', () => {
  it.each([
    ['$.a[*]', 3],
    ['$.a[0,1]', 3],
    ['$.a[0:1]', 3],
    ["$['a','b']", 1],
    ['$..a', 1],
    ['$.a[?(@.b)]', 3],
    ['$.*', 2],
    ['$.a.length()', 4],
  ])('%s is refused at character %i', (path, position) => {
    const write = () => writePath(path, {}, 1)
    expect(write).toThrow(PathSyntaxError)
    expect(write).toThrow(`'${path}' is not a valid Reference Path: only field names and single indexes can follow the root: no wildcards, slices, unions, filters, .. or functions (at character ${position + 1})`)
  })

  it('refuses the context object and variables, which a ResultPath cannot write', () => {
    expect(() => writePath('$$.Execution', {}, 1)).toThrow('a ResultPath writes into the state input, so it starts with $. or $[')
    expect(() => writePath('$total', {}, 1)).toThrow('a ResultPath writes into the state input, so it starts with $. or $[')
  })

  it('reports a path that does not parse', () => {
    expect(() => writePath('$.a.', {}, 1)).toThrow(PathSyntaxError)
  })
})
