import { describe, expect, it } from 'vitest'
import { readPath } from '../../src/jsonpath/index.js'
import { book0, book1, book2, book3, store } from './store.js'

const read = (path: string) => readPath(path, { input: store })

describe("the Jayway JsonPath README's path examples", () => {
  it.each([
    ['$.store.book[*].author', ['Nigel Rees', 'Evelyn Waugh', 'Herman Melville', 'J. R. R. Tolkien']],
    ['$..author', ['Nigel Rees', 'Evelyn Waugh', 'Herman Melville', 'J. R. R. Tolkien']],
    ['$.store.*', [store.store.book, store.store.bicycle]],
    ['$.store..price', [8.95, 12.99, 8.99, 22.99, 19.95]],
    ['$..book[2]', [book2]],
    ['$..book[-2]', [book2]],
    ['$..book[0,1]', [book0, book1]],
    ['$..book[:2]', [book0, book1]],
    ['$..book[1:2]', [book1]],
    ['$..book[-2:]', [book2, book3]],
    ['$..book[2:]', [book2, book3]],
    ['$..book[?(@.isbn)]', [book2, book3]],
    ['$.store.book[?(@.price < 10)]', [book0, book2]],
    ["$..book[?(@.price <= $['expensive'])]", [book0, book2]],
    ['$..book[?(@.author =~ /.*REES/i)]', [book0]],
    ['$.store.book[?(@.isbn)].author', ['Herman Melville', 'J. R. R. Tolkien']],
    ['$.store.book[?(@.price > 10)].title', ['Sword of Honour', 'The Lord of the Rings']],
  ])('%s', (path, expected) => {
    expect(read(path)).toEqual({ found: true, value: expected })
  })

  it('$..* gives every member and item, each node before its children', () => {
    const { book, bicycle } = store.store
    const members = (node: object) => Object.values(node)
    expect(read('$..*')).toEqual({
      found: true,
      value: [store.store, 10, book, bicycle, ...book, ...book.flatMap(members), ...members(bicycle)],
    })
  })

  it('a definite path gives the value itself', () => {
    expect(read('$.store.book[0].title')).toEqual({ found: true, value: 'Sayings of the Century' })
    expect(read("$['store']['book'][0]['title']")).toEqual({ found: true, value: 'Sayings of the Century' })
    expect(read('$.expensive')).toEqual({ found: true, value: 10 })
  })

  it('names in one bracket as the last step give one object of them, as Jayway merges them', () => {
    expect(read("$.store.book[0]['author','title']")).toEqual({ found: true, value: { author: 'Nigel Rees', title: 'Sayings of the Century' } })
    expect(read("$.store.book[*]['author','isbn']")).toEqual({
      found: true,
      value: [{ author: 'Nigel Rees' }, { author: 'Evelyn Waugh' }, { author: 'Herman Melville', isbn: '0-553-21311-3' }, { author: 'J. R. R. Tolkien', isbn: '0-395-19395-8' }],
    })
  })

  it('.. takes a filter, a union of names or a name, each tried at every depth', () => {
    expect(read('$..[?(@.isbn)].title')).toEqual({ found: true, value: ['Moby Dick', 'The Lord of the Rings'] })
    expect(read('$..[?(@.price > 19)]')).toEqual({ found: true, value: [book3, store.store.bicycle] })
    expect(read("$..['color','price']")).toEqual({ found: true, value: [{ color: 'red', price: 19.95 }] })
  })

  it("Jayway's functions select nothing, as they do on AWS", () => {
    // AWS: "Invalid path '$.list.length()' : Property ['length()'] not found" (awsdocs/aws-step-functions-developer-guide#5)
    // and "The JSONPath '$.Jobs.sum()' ... could not be found in the input" (repost.aws, "sum() function returns error about not finding path").
    for (const name of ['length', 'min', 'max', 'avg', 'sum', 'stddev', 'keys', 'first', 'last']) {
      expect(read(`$.store.book.${name}()`)).toEqual({ found: false })
    }
    expect(read('$..book.length()')).toEqual({ found: true, value: [] })
  })
})
