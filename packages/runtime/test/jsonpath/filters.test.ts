import { describe, expect, it } from 'vitest'
import { readPath } from '../../src/jsonpath/index.js'

const items = [
  { id: 1, name: 'apple', price: 5, tags: ['fruit', 'red'], stock: 0, note: '' },
  { id: 2, name: 'Banana', price: 12.5, tags: ['fruit'], stock: 3, sku: '2' },
  { id: 3, name: 'carrot', price: 2, tags: [], stock: null },
  { id: 4, name: 'dates', tags: ['fruit', 'dried'], active: true },
]

/** The ids of the items a filter keeps. */
function ids(filter: string, input: unknown = { items, limit: 5, allowed: ['apple', 'dates'] }): unknown {
  const read = readPath(`$.items[?(${filter})].id`, { input })
  return read.found ? read.value : 'not found'
}

describe('filter comparisons', () => {
  it.each([
    ['@.price == 5', [1]],
    ['@.price != 5', [2, 3, 4]],
    ['@.price < 5', [3]],
    ['@.price <= 5', [1, 3]],
    ['@.price > 5', [2]],
    ['@.price >= 5', [1, 2]],
    ['@.price<5', [3]],
    ['@.price == 12.50', [2]],
    ['@.price == -5', []],
    ["@.name == 'apple'", [1]],
    ['@.name == "apple"', [1]],
    ["@.name < 'b'", [1, 2]],
    ['@.active == true', [4]],
    ['@.active == false', []],
    ['@.stock == null', [3]],
    ['@.price <= $.limit', [1, 3]],
    ["@.tags == ['fruit']", [2]],
    ["'apple' == @.name", [1]],
  ])('%s', (filter, expected) => {
    expect(ids(filter)).toEqual(expected)
  })

  it('a missing value equals nothing, so != holds for it and ordering fails', () => {
    expect(ids('@.sku != 1')).toEqual([1, 2, 3, 4])
    expect(ids('@.missing == null')).toEqual([])
    expect(ids('@.missing < 100')).toEqual([])
  })

  it('a number equals a string that reads as the same number, as in Jayway', () => {
    expect(ids('@.sku == 2')).toEqual([2])
    expect(ids("@.id == '3'")).toEqual([3])
    expect(ids("@.id == 'three'")).toEqual([])
  })
})

describe('filter logic', () => {
  it('&& and || combine tests; parentheses group them', () => {
    expect(ids('@.price > 1 && @.price < 10')).toEqual([1, 3])
    expect(ids('@.id == 1 || @.id == 4')).toEqual([1, 4])
    expect(ids('(@.id == 1 || @.id == 2) && @.price > 10')).toEqual([2])
  })

  it("groups as Jayway does: pending operators fold from the right, so a && b || c is a && (b || c)", () => {
    expect(ids('@.id == 9 && @.id == 1 || @.id == 4')).toEqual([])
    expect(ids('@.id == 4 || @.id == 1 && @.id == 9')).toEqual([4])
    expect(ids('(@.id == 9 && @.id == 1) || @.id == 4')).toEqual([4])
  })

  it('a path alone tests that it exists; ! before it that it does not', () => {
    expect(ids('@.sku')).toEqual([2])
    expect(ids('!@.sku')).toEqual([1, 3, 4])
    expect(ids('@.stock')).toEqual([1, 2, 3])
    expect(ids('@.tags[0]')).toEqual([1, 2, 4])
    expect(ids('@.tags[*]')).toEqual([1, 2, 3, 4])
    expect(ids('$.limit')).toEqual([1, 2, 3, 4])
    expect(ids('$.nolimit')).toEqual([])
  })
})

describe('filter operators', () => {
  it('=~ matches the whole text against a /regex/, i ignoring case', () => {
    expect(ids('@.name =~ /.*an.*/')).toEqual([2])
    expect(ids('@.name =~ /b.*/')).toEqual([])
    expect(ids('@.name =~ /b.*/i')).toEqual([2])
    expect(ids('@.name =~ /an/')).toEqual([])
    expect(ids('@.tags =~ /dri.*/')).toEqual([4])
    expect(ids('@.id =~ /[12]/')).toEqual([1, 2])
  })

  it('in and nin look a value up in a list', () => {
    expect(ids("@.name in ['apple', 'dates']")).toEqual([1, 4])
    expect(ids('@.name in $.allowed')).toEqual([1, 4])
    expect(ids("@.name nin ['apple', 'dates']")).toEqual([2, 3])
    expect(ids('@.id in [2, 3]')).toEqual([2, 3])
  })

  it('subsetof, anyof and noneof compare two lists', () => {
    expect(ids("@.tags subsetof ['fruit', 'red']")).toEqual([1, 2, 3])
    expect(ids("@.tags anyof ['red', 'dried']")).toEqual([1, 4])
    expect(ids("@.tags noneof ['red', 'dried']")).toEqual([2, 3])
  })

  it('size compares the length of a text or an array; empty tests for none', () => {
    expect(ids('@.tags size 2')).toEqual([1, 4])
    expect(ids('@.name size 5')).toEqual([1, 4])
    expect(ids('@.tags empty true')).toEqual([3])
    expect(ids('@.tags empty false')).toEqual([1, 2, 4])
    expect(ids('@.note empty true')).toEqual([1])
  })

  it('word operators are read without regard to case, as Jayway reads them', () => {
    expect(ids("@.name IN ['apple']")).toEqual([1])
  })

  it('an operator given what it cannot use rejects the item, whatever the rest of the filter says', () => {
    expect(ids("@.name in 'apple'")).toEqual([])
    expect(ids("@.id == 1 || @.name in 'apple'")).toEqual([1])
    expect(ids("@.name in 'apple' || @.id == 1")).toEqual([])
    expect(ids('@.tags empty 0')).toEqual([])
  })

  it("tries the tests in Jayway's order: a later test joins an earlier group of the same operator at its front", () => {
    expect(ids("(@.id == 1 || @.id == 2) || @.name in 'apple'")).toEqual([])
    expect(ids("(@.id == 1 || @.id == 2) && @.id > 0")).toEqual([1, 2])
  })
})

describe('@ on scalar items', () => {
  it('matches nothing: AWS documents that @ only matches objects', () => {
    expect(readPath('$.n[?(@ > 1)]', { input: { n: [1, 2, 3] } })).toEqual({ found: true, value: [] })
    expect(readPath('$.n[?(@)]', { input: { n: [1, { a: 1 }] } })).toEqual({ found: true, value: [{ a: 1 }] })
  })
})
