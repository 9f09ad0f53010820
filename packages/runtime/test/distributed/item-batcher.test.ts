import { describe, expect, it } from 'vitest'
import { batchItems, bytesOf, MAX_BATCH_BYTES } from '../../src/distributed/index.js'
import { runtimeFailure } from './failures.js'

const facts = [
  { verdict: 'true', statement_date: '6/11/2008', statement_source: 'speech' },
  { verdict: 'false', statement_date: '6/7/2022', statement_source: 'television' },
  { verdict: 'true', statement_date: '5/18/2016', statement_source: 'news' },
]

describe('batchItems by count', () => {
  it("wraps items in { Items } as in the guide's two-item batch", () => {
    expect(batchItems(facts, { MaxItemsPerBatch: 2 })).toEqual([{ Items: [facts[0], facts[1]] }, { Items: [facts[2]] }])
  })

  it("makes 12 batches of 1130 items at 100 per batch, the last with 30, as the guide's example says", () => {
    const items = Array.from({ length: 1130 }, (_, i) => i)
    const batches = batchItems(items, { MaxItemsPerBatch: 100 })
    expect(batches).toHaveLength(12)
    expect(batches.slice(0, 11).every((batch) => batch.Items.length === 100)).toBe(true)
    expect(batches[11]?.Items).toEqual(items.slice(1100))
    expect(batches.flatMap((batch) => batch.Items)).toEqual(items)
  })

  it("merges BatchInput into every batch as { BatchInput, Items }, as in the guide's fact check example", () => {
    const batches = batchItems(facts, { MaxItemsPerBatch: 2, BatchInput: { factCheck: 'December 2022' } })
    expect(batches).toEqual([
      { BatchInput: { factCheck: 'December 2022' }, Items: [facts[0], facts[1]] },
      { BatchInput: { factCheck: 'December 2022' }, Items: [facts[2]] },
    ])
    expect(Object.keys(batches[0] ?? {})).toEqual(['BatchInput', 'Items'])
  })

  it('gives no batch for no items', () => {
    expect(batchItems([], { MaxItemsPerBatch: 10 })).toEqual([])
  })

  it('still holds a count-only batch to 256 KiB', () => {
    const item = 'x'.repeat(100 * 1024)
    const batches = batchItems([item, item, item], { MaxItemsPerBatch: 10 })
    expect(batches.map((batch) => batch.Items.length)).toEqual([2, 1])
    expect(batches.every((batch) => bytesOf(batch) <= MAX_BATCH_BYTES)).toBe(true)
  })
})

describe('batchItems by bytes', () => {
  it('fills each batch up to MaxInputBytesPerBatch bytes of the serialised child input, exactly', () => {
    expect(bytesOf({ Items: [1] })).toBe(13)
    expect(bytesOf({ Items: [1, 2] })).toBe(15)
    expect(batchItems([1, 2, 3, 4, 5], { MaxInputBytesPerBatch: 15 })).toEqual([{ Items: [1, 2] }, { Items: [3, 4] }, { Items: [5] }])
    expect(batchItems([1, 2, 3, 4, 5], { MaxInputBytesPerBatch: 14 })).toEqual([{ Items: [1] }, { Items: [2] }, { Items: [3] }, { Items: [4] }, { Items: [5] }])
  })

  it('counts UTF-8 bytes, not characters', () => {
    expect(bytesOf({ Items: ['é'] })).toBe(16)
    expect(batchItems(['é', 'é'], { MaxInputBytesPerBatch: 20 })).toEqual([{ Items: ['é'] }, { Items: ['é'] }])
    expect(batchItems(['é', 'é'], { MaxInputBytesPerBatch: 21 })).toEqual([{ Items: ['é', 'é'] }])
  })

  it('counts the BatchInput in the bytes of every batch', () => {
    const BatchInput = { day: '2026-11-25' }
    const two = bytesOf({ BatchInput, Items: [1, 2] })
    expect(batchItems([1, 2, 3], { MaxInputBytesPerBatch: two, BatchInput })).toEqual([
      { BatchInput, Items: [1, 2] },
      { BatchInput, Items: [3] },
    ])
  })

  it('keeps each batch within both limits when both are given, whichever binds first', () => {
    const items = Array.from({ length: 7 }, () => 'aaaa')
    expect(bytesOf({ Items: ['aaaa', 'aaaa'] })).toBe(25)
    expect(batchItems(items, { MaxItemsPerBatch: 3, MaxInputBytesPerBatch: 30 }).map((batch) => batch.Items.length)).toEqual([2, 2, 2, 1])
    expect(batchItems(items, { MaxItemsPerBatch: 3, MaxInputBytesPerBatch: 100 }).map((batch) => batch.Items.length)).toEqual([3, 3, 1])
  })
})

describe('batchItems refuses', () => {
  it.each([
    [{ MaxItemsPerBatch: 0 }, 'MaxItemsPerBatch must be a positive integer, got 0.'],
    [{ MaxItemsPerBatch: 2.5 }, 'MaxItemsPerBatch must be a positive integer, got 2.5.'],
    [{ MaxInputBytesPerBatch: -1 }, 'MaxInputBytesPerBatch must be a positive integer, got -1.'],
    [{ MaxInputBytesPerBatch: MAX_BATCH_BYTES + 1 }, 'MaxInputBytesPerBatch is 262145; it can be at most 256 KiB (262144 bytes).'],
    [{ BatchInput: {} }, 'An ItemBatcher needs MaxItemsPerBatch, MaxInputBytesPerBatch or both.'],
  ])('%j as States.Runtime', (itemBatcher, cause) => {
    const error = runtimeFailure(() => batchItems([1], itemBatcher))
    expect(error.name).toBe('States.Runtime')
    expect(error.cause).toBe(cause)
  })

  it('an item that cannot fit a batch of its own', () => {
    expect(runtimeFailure(() => batchItems(['small', 'x'.repeat(100)], { MaxInputBytesPerBatch: 50 })).cause).toBe(
      'Item 1 needs 114 bytes in a batch of its own, more than MaxInputBytesPerBatch (50).',
    )
  })
})
