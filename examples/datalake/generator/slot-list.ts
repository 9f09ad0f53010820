/**
 * The list `[0, 1, 2, …]` that grows by `add()` and shrinks by `take(index)`, which removes
 * and returns the item at `index` exactly as `list.splice(index, 1)[0]` would, but in
 * O(log capacity) instead of shifting everything after it. A Fenwick tree over the slots
 * added so far counts those still listed, and the one at an index is found by descending it.
 * @example const list = new SlotList(3); list.add(); list.add(); list.add(); list.take(1) // 1, then list.take(1) // 2
 */
export class SlotList {
  /** Fenwick tree, 1-based: `counts[i]` is how many of the slots `i - lowbit(i)` to `i - 1` are still listed. */
  private readonly counts: Int32Array
  private readonly topStep: number
  private added = 0
  private listed = 0

  /** `capacity` is how many slots will ever be added. */
  constructor(private readonly capacity: number) {
    this.counts = new Int32Array(capacity + 1)
    this.topStep = capacity === 0 ? 0 : 2 ** Math.floor(Math.log2(capacity))
  }

  /** Slots added and not yet taken. */
  get length(): number {
    return this.listed
  }

  /** Appends the next slot number and returns it. */
  add(): number {
    if (this.added === this.capacity) throw new RangeError(`a SlotList for ${this.capacity} slots is full`)
    // The new node covers itself and its children's ranges, which are all already added: O(1) amortised.
    const node = this.added + 1
    let count = 1
    for (let child = 1; child < (node & -node); child <<= 1) count += this.counts[node - child] as number
    this.counts[node] = count
    this.listed++
    return this.added++
  }

  /** Removes and returns the slot at `index` among those listed (0-based). */
  take(index: number): number {
    if (!Number.isInteger(index) || index < 0 || index >= this.listed) throw new RangeError(`no slot at ${index} among ${this.listed}`)
    const slot = this.slotAt(index)
    for (let node = slot + 1; node <= this.added; node += node & -node) this.counts[node] = (this.counts[node] as number) - 1
    this.listed--
    return slot
  }

  /** Binary lifting: the longest run of slots from 0 holding no more than `index` listed ones ends just before the answer. */
  private slotAt(index: number): number {
    let prefix = 0
    let before = index
    for (let step = this.topStep; step > 0; step >>= 1) {
      const next = prefix + step
      if (next <= this.added && (this.counts[next] as number) <= before) {
        prefix = next
        before -= this.counts[next] as number
      }
    }
    return prefix
  }
}
