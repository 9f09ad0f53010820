import { describe, expect, it } from 'vitest'
import { readPath } from '../../src/jsonpath/index.js'

const read = (path: string, input: unknown) => readPath(path, { input })

describe('definite paths give the value or nothing', () => {
  const input = { a: { b: [10, 20, 30] }, n: null, 'odd key': 1, 'delivery-partner': 'UQS' }

  it.each([
    ['$', input],
    ['$.a.b', [10, 20, 30]],
    ['$.a.b[0]', 10],
    ['$.a.b[-1]', 30],
    ['$.a.b[-3]', 10],
    ['$.n', null],
    ["$['odd key']", 1],
    ['$["odd key"]', 1],
    ['$.delivery-partner', 'UQS'],
    ['$.[\'a\'].b[1]', 20],
  ])('%s', (path, value) => {
    expect(read(path, input)).toEqual({ found: true, value })
  })

  it.each(['$.missing', '$.a.missing', '$.a.b[3]', '$.a.b[-4]', '$.n.x', '$.a.b.x', '$.a[0]', '$.a.b[0].x'])('%s is not found', (path) => {
    expect(read(path, input)).toEqual({ found: false })
  })

  it('reads members of objects only, indexes of arrays only', () => {
    expect(read('$.length', 'text')).toEqual({ found: false })
    expect(read('$.length', [1, 2])).toEqual({ found: false })
    expect(read('$[0]', { 0: 'zero' })).toEqual({ found: false })
    expect(read("$['0']", { 0: 'zero' })).toEqual({ found: true, value: 'zero' })
  })

  it('own members only: nothing comes from the prototype', () => {
    expect(read('$.constructor', {})).toEqual({ found: false })
    expect(read('$.__proto__', {})).toEqual({ found: false })
    expect(read('$.toString', { a: 1 })).toEqual({ found: false })
  })
})

describe('indefinite paths give every match, in an array', () => {
  it('an empty array when nothing matches, as AWS records for $[*] and $.items[*] on {}', () => {
    expect(read('$[*]', {})).toEqual({ found: true, value: [] })
    expect(read('$.items[*]', {})).toEqual({ found: true, value: [] })
    expect(read('$.item.items[1:5]', {})).toEqual({ found: true, value: [] })
    expect(read('$.items[*].itemValue', {})).toEqual({ found: true, value: [] })
  })

  it('wildcards take the members of objects and the items of arrays', () => {
    expect(read('$.*', { a: 1, b: [2] })).toEqual({ found: true, value: [1, [2]] })
    expect(read('$[*]', [1, 2])).toEqual({ found: true, value: [1, 2] })
    expect(read('$.a.*', { a: 'text' })).toEqual({ found: true, value: [] })
  })

  it('skip branches that lack a member once the path is indefinite', () => {
    expect(read('$.a[*].b', { a: [{ b: 1 }, {}, 'x', { b: null }] })).toEqual({ found: true, value: [1, null] })
    expect(read("$.a[*]['b','c'].d", { a: [{ b: { d: 1 }, c: { d: 2 } }, { c: { d: 3 } }] })).toEqual({ found: true, value: [1, 2, 3] })
  })

  it('give up wholly, as Jayway does, where it throws: a wildcard on a scalar with steps after it', () => {
    expect(read('$.a.*.b', { a: 'text' })).toEqual({ found: true, value: [] })
    expect(read('$.o.*.*.b', { o: { x: 1, y: { z: { b: 2 } } } })).toEqual({ found: true, value: [] })
    expect(read('$[*][*].b', [1, [{ b: 2 }]])).toEqual({ found: true, value: [2] })
  })

  it('unions of indexes keep their order and skip what is not there', () => {
    expect(read('$[2,0,9,-1]', ['a', 'b', 'c'])).toEqual({ found: true, value: ['c', 'a', 'c'] })
  })

  it("slices follow Jayway's bounds, not Python's", () => {
    const items = [0, 1, 2, 3, 4]
    expect(read('$[1:3]', items)).toEqual({ found: true, value: [1, 2] })
    expect(read('$[:2]', items)).toEqual({ found: true, value: [0, 1] })
    expect(read('$[-2:]', items)).toEqual({ found: true, value: [3, 4] })
    expect(read('$[:-2]', items)).toEqual({ found: true, value: [0, 1, 2] })
    expect(read('$[-3:-1]', items)).toEqual({ found: true, value: [2, 3] })
    expect(read('$[3:99]', items)).toEqual({ found: true, value: [3, 4] })
    expect(read('$[1:-1]', items)).toEqual({ found: true, value: [] })
    expect(read('$[9:]', items)).toEqual({ found: true, value: [] })
  })

  it('..name finds the name at every depth, depth first', () => {
    const input = { id: 1, children: [{ id: 2, children: [{ id: 3 }] }, { id: 4 }], meta: { id: 5 } }
    expect(read('$..id', input)).toEqual({ found: true, value: [1, 2, 3, 4, 5] })
    expect(read('$..[0].id', [[{ id: 'a' }, { id: 'b' }]])).toEqual({ found: true, value: ['a', 'b'] })
    expect(read('$..[1]', [[1, 2], [3, 4]])).toEqual({ found: true, value: [[3, 4], 2, 4] })
  })

  it('a filter applies to the items of an array, or to an object itself', () => {
    expect(read('$.a[?(@.ok)]', { a: [{ ok: 1 }, { no: 1 }] })).toEqual({ found: true, value: [{ ok: 1 }] })
    expect(read('$.a[?(@.ok)]', { a: { ok: 1 } })).toEqual({ found: true, value: [{ ok: 1 }] })
    expect(read('$.a[?(@.ok)]', { a: 'scalar' })).toEqual({ found: true, value: [] })
  })
})

describe('roots', () => {
  it('$$ reads the context object and $name a variable; without them nothing is found', () => {
    expect(readPath('$$', { input: 1, context: { a: 2 } })).toEqual({ found: true, value: { a: 2 } })
    expect(readPath('$$.a', { input: 1 })).toEqual({ found: false })
    expect(readPath('$v[0]', { input: 1, variables: { v: ['x'] } })).toEqual({ found: true, value: 'x' })
    expect(readPath('$v', { input: 1 })).toEqual({ found: false })
    expect(readPath('$v[*]', { input: 1, variables: {} })).toEqual({ found: false })
  })

  it('a variable holding null is found', () => {
    expect(readPath('$v', { input: 1, variables: { v: null } })).toEqual({ found: true, value: null })
  })
})

describe('reading shares, never changes, the input', () => {
  it('returns the very nodes of the input and leaves a frozen input alone', () => {
    const inner = { x: 1 }
    const input = Object.freeze({ a: Object.freeze([Object.freeze(inner)]) })
    expect((read('$.a[0]', input) as { value: unknown }).value).toBe(inner)
    expect(read('$..x', input)).toEqual({ found: true, value: [1] })
    expect(read("$.a[0]['x','y']", input)).toEqual({ found: true, value: { x: 1 } })
  })
})
