import { PathSyntaxError, PathWriteError } from './errors.js'
import type { ParsedPath, PathStep } from './nodes.js'
import { parsePath } from './parse.js'
import { isObject } from './select.js'

type ReferenceStep = Extract<PathStep, { kind: 'name' | 'index' }>

/**
 * Whether a text is a Reference Path: a path that names one node, with only `.name`, `['name']`
 * and single indexes (`[0]`, `[-1]`) after its root. ResultPath and the `*Path` fields of Wait,
 * Map and Task states take Reference Paths.
 *
 * @example isReferencePath("$.detail['shipped'][0]") // true
 * @example isReferencePath('$.items[*]') // false
 */
export function isReferencePath(text: string): boolean {
  try {
    return parsePath(text).steps.every(isReferenceStep)
  } catch (error) {
    if (error instanceof PathSyntaxError) return false
    throw error
  }
}

/**
 * Places a value at a Reference Path of the state input, as ResultPath does, and returns the new
 * input; the target is not changed (untouched parts are shared with it). `$` replaces the whole
 * input; missing objects on the way are created. Going through anything but an object, or to an
 * index that is not there, throws `PathWriteError` with AWS's cause ("Unable to apply ReferencePath
 * ... to input ..."), which a state reports as `States.Runtime`. A path that is not a Reference
 * Path into `$` throws `PathSyntaxError`.
 *
 * @example writePath('$.data.lambdaresult', { data: { val1: 23 } }, 'Hello') // { data: { val1: 23, lambdaresult: 'Hello' } }
 */
export function writePath(referencePath: string, target: unknown, value: unknown): unknown {
  return place(referenceSteps(referencePath), 0, target, { referencePath, target, value })
}

interface Write {
  readonly referencePath: string
  readonly target: unknown
  readonly value: unknown
}

/** The steps of each ResultPath, checked once: writes happen on every execution. */
const checked = new WeakMap<ParsedPath, readonly ReferenceStep[]>()

function referenceSteps(referencePath: string): readonly ReferenceStep[] {
  const path = parsePath(referencePath)
  const known = checked.get(path)
  if (known !== undefined) return known
  if (path.root.kind !== 'input') throw new PathSyntaxError(referencePath, 'a ResultPath writes into the state input, so it starts with $. or $[', 0, 'Reference Path')
  const steps: ReferenceStep[] = []
  for (const step of path.steps) {
    if (!isReferenceStep(step)) throw new PathSyntaxError(referencePath, 'only field names and single indexes can follow the root: no wildcards, slices, unions, filters, .. or functions', step.at, 'Reference Path')
    steps.push(step)
  }
  checked.set(path, steps)
  return steps
}

function place(steps: readonly ReferenceStep[], at: number, node: unknown, write: Write): unknown {
  const step = steps[at]
  if (step === undefined) return write.value
  if (step.kind === 'name') {
    if (!isObject(node)) throw new PathWriteError(write.referencePath, write.target)
    const child = Object.hasOwn(node, step.name) ? node[step.name] : {}
    return withMember(node, step.name, place(steps, at + 1, child, write))
  }
  if (!Array.isArray(node)) throw new PathWriteError(write.referencePath, write.target)
  const index = step.index < 0 ? node.length + step.index : step.index
  if (index < 0 || index >= node.length) throw new PathWriteError(write.referencePath, write.target)
  const copy = node.slice()
  copy[index] = place(steps, at + 1, node[index], write)
  return copy
}

/** A copy of an object with one member set; a loop, which is several times faster than spreading. */
function withMember(node: Record<string, unknown>, name: string, value: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = {}
  for (const key of Object.keys(node)) setMember(copy, key, node[key])
  setMember(copy, name, value)
  return copy
}

/** `__proto__` is defined as an own member: assigning it would change the copy's prototype. */
function setMember(target: Record<string, unknown>, name: string, value: unknown): void {
  if (name === '__proto__') Object.defineProperty(target, name, { value, writable: true, enumerable: true, configurable: true })
  else target[name] = value
}

function isReferenceStep(step: PathStep): step is ReferenceStep {
  return step.kind === 'name' || step.kind === 'index'
}
