import { MapRunRuntimeError } from './failure.js'
import type { Batch, ItemBatcher } from './types.js'

/** A child execution's input may not exceed 256 KiB; it is also the byte limit when none is given. */
export const MAX_BATCH_BYTES = 256 * 1024

/**
 * Groups items into the inputs of child workflow executions as AWS's ItemBatcher does
 * (developer guide, "ItemBatcher (Map)"): each batch is `{ BatchInput, Items }` (`BatchInput`
 * only when given), items stay in order, a batch holds at most `MaxItemsPerBatch` items and at
 * most `MaxInputBytesPerBatch` bytes, and when only a count is given the byte limit is 256 KiB.
 *
 * A batch's bytes are the UTF-8 length of the child's whole input as compact JSON, BatchInput
 * included, so no batch within the limit can make a child input over it. AWS does not say
 * whether it counts BatchInput or how it serialises; an item too large to fit a batch on its own
 * is refused here (`States.Runtime`), which AWS's behaviour for it is not confirmed to be.
 *
 * @example batchItems([1, 2, 3], { MaxItemsPerBatch: 2, BatchInput: { day: '2026-11-25' } })
 * // [{ BatchInput: { day: '2026-11-25' }, Items: [1, 2] }, { BatchInput: { day: '2026-11-25' }, Items: [3] }]
 */
export function batchItems(items: readonly unknown[], itemBatcher: ItemBatcher): Batch[] {
  const maxItems = limitOf('MaxItemsPerBatch', itemBatcher.MaxItemsPerBatch) ?? Infinity
  const maxBytes = limitOf('MaxInputBytesPerBatch', itemBatcher.MaxInputBytesPerBatch) ?? MAX_BATCH_BYTES
  if (maxBytes > MAX_BATCH_BYTES) throw new MapRunRuntimeError(`MaxInputBytesPerBatch is ${maxBytes}; it can be at most 256 KiB (${MAX_BATCH_BYTES} bytes).`)
  if (itemBatcher.MaxItemsPerBatch === undefined && itemBatcher.MaxInputBytesPerBatch === undefined) {
    throw new MapRunRuntimeError('An ItemBatcher needs MaxItemsPerBatch, MaxInputBytesPerBatch or both.')
  }
  const hasBatchInput = itemBatcher.BatchInput !== undefined
  const emptyBytes = bytesOf(hasBatchInput ? { BatchInput: itemBatcher.BatchInput, Items: [] } : { Items: [] })
  const batches: Batch[] = []
  let current: unknown[] = []
  let currentBytes = emptyBytes
  const close = (): void => {
    batches.push(hasBatchInput ? { BatchInput: itemBatcher.BatchInput, Items: current } : { Items: current })
    current = []
    currentBytes = emptyBytes
  }
  items.forEach((item, index) => {
    const itemBytes = bytesOf(item)
    if (current.length > 0 && (current.length >= maxItems || currentBytes + 1 + itemBytes > maxBytes)) close()
    const added = current.length === 0 ? itemBytes : 1 + itemBytes
    if (current.length === 0 && currentBytes + added > maxBytes) {
      throw new MapRunRuntimeError(`Item ${index} needs ${currentBytes + added} bytes in a batch of its own, more than MaxInputBytesPerBatch (${maxBytes}).`)
    }
    current.push(item)
    currentBytes += added
  })
  if (current.length > 0) close()
  return batches
}

/**
 * The bytes a JSON value takes in a child execution's input: its compact JSON in UTF-8.
 *
 * @example bytesOf({ Items: ['é'] }) // 16
 */
export function bytesOf(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value) ?? 'null', 'utf8')
}

function limitOf(field: string, value: number | undefined): number | undefined {
  if (value === undefined) return undefined
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) throw new MapRunRuntimeError(`${field} must be a positive integer, got ${JSON.stringify(value)}.`)
  return value
}
