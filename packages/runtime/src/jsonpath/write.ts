import { PathSyntaxError, PathWriteError } from './errors.js'
import type { PathStep } from './nodes.js'
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
  const path = parsePath(referencePath)
  if (path.root.kind !== 'input') throw new PathSyntaxError(referencePath, 'a ResultPath writes into the state input, so it starts with $. or $[', 0, 'Reference Path')
  const steps: ReferenceStep[] = []
  for (const step of path.steps) {
    if (!isReferenceStep(step)) throw new PathSyntaxError(referencePath, 'only field names and single indexes can follow the root: no wildcards, slices, unions, filters, .. or functions', step.at, 'Reference Path')
    steps.push(step)
  }
  const place = (node: unknown, at: number): unknown => {
    const step = steps[at]
    if (step === undefined) return value
    if (step.kind === 'name') {
      if (!isObject(node)) throw new PathWriteError(referencePath, target)
      const child = Object.hasOwn(node, step.name) ? node[step.name] : {}
      return { ...node, [step.name]: place(child, at + 1) }
    }
    if (!Array.isArray(node)) throw new PathWriteError(referencePath, target)
    const index = step.index < 0 ? node.length + step.index : step.index
    if (index < 0 || index >= node.length) throw new PathWriteError(referencePath, target)
    const copy = node.slice()
    copy[index] = place(node[index], at + 1)
    return copy
  }
  return place(target, 0)
}

function isReferenceStep(step: PathStep): step is ReferenceStep {
  return step.kind === 'name' || step.kind === 'index'
}
