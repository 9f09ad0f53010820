import { accepts } from './filter.js'
import type { PathStep, Selector } from './nodes.js'

/** What reading a path gives: its value, or nothing. */
export type PathRead = { readonly found: true; readonly value: unknown } | { readonly found: false }

export const NOT_FOUND: PathRead = Object.freeze({ found: false })

/** Where Jayway throws (PathNotFoundException): the whole read fails rather than skipping a branch. */
const ABORT = Symbol('the read fails')

interface Evaluation {
  readonly selector: Selector
  /** The document `$` stands for inside filters. */
  readonly document: unknown
  /** Jayway's REQUIRE_PROPERTIES, which its filters use to test that a path exists. */
  readonly requireProperties: boolean
  readonly matches: unknown[]
}

/**
 * Why a path is read: for a field (`read`: a failed indefinite path gives `[]`), for a value a
 * filter compares (`value`: a failed path is missing) or to test that it exists in a filter
 * (`exists`: every name on the way must be there).
 */
export type Purpose = 'read' | 'value' | 'exists'

/**
 * Applies a path's steps to a document as Jayway does. A definite path gives its value or nothing;
 * an indefinite one gives the list of every match, empty when nothing matches (or when the part
 * before its first wildcard, slice, union, filter or `..` is missing).
 *
 * @example select(parsePath('$.a[*].b'), { a: [{ b: 1 }, {}, { b: 2 }] }) // { found: true, value: [1, 2] }
 */
export function select(selector: Selector, document: unknown, purpose: Purpose = 'read'): PathRead {
  const requireProperties = purpose === 'exists'
  if (selector.definite && !requireProperties) return selectOne(selector.steps, document)
  const evaluation: Evaluation = { selector, document, requireProperties, matches: [] }
  try {
    run(evaluation, 0, document)
  } catch (error) {
    if (error !== ABORT) throw error
    return purpose === 'read' ? { found: true, value: [] } : NOT_FOUND
  }
  if (!selector.definite) return { found: true, value: evaluation.matches }
  const [value] = evaluation.matches
  return evaluation.matches.length > 0 ? { found: true, value } : NOT_FOUND
}

/** The hot path: names and indexes, one node at a time. */
function selectOne(steps: readonly PathStep[], document: unknown): PathRead {
  let value = document
  for (const step of steps) {
    if (step.kind === 'name') {
      if (!isObject(value) || !Object.hasOwn(value, step.name)) return NOT_FOUND
      value = value[step.name]
    } else if (step.kind === 'index') {
      if (!Array.isArray(value)) return NOT_FOUND
      const index = step.index < 0 ? value.length + step.index : step.index
      if (index < 0 || index >= value.length) return NOT_FOUND
      value = value[index]
    } else if (step.kind === 'names' && isObject(value)) {
      value = merge(value, step.names)
    } else {
      return NOT_FOUND
    }
  }
  return { found: true, value }
}

function run(evaluation: Evaluation, at: number, model: unknown): void {
  const { steps, definitePrefix } = evaluation.selector
  const step = steps[at]
  if (step === undefined) {
    evaluation.matches.push(model)
    return
  }
  const leaf = at === steps.length - 1
  const upstreamDefinite = at <= definitePrefix
  switch (step.kind) {
    case 'name':
      if (isObject(model)) return child(evaluation, at, model, step.name, upstreamDefinite)
      if (upstreamDefinite) throw ABORT
      return
    case 'names':
      if (!isObject(model)) {
        if (upstreamDefinite) throw ABORT
      } else if (leaf) {
        if (evaluation.requireProperties && !step.names.every((name) => Object.hasOwn(model, name))) throw ABORT
        evaluation.matches.push(merge(model, step.names))
      } else {
        for (const name of step.names) child(evaluation, at, model, name, false)
      }
      return
    case 'index':
    case 'indexes':
    case 'slice':
      if (Array.isArray(model)) return items(evaluation, at, model, step)
      if (upstreamDefinite) throw ABORT
      return
    case 'wildcard':
      return wildcard(evaluation, at, model, leaf)
    case 'filter':
      if (isObject(model)) {
        if (accepts(step.filter, model, evaluation.document)) run(evaluation, at + 1, model)
      } else if (Array.isArray(model)) {
        for (const item of model) if (accepts(step.filter, item, evaluation.document)) run(evaluation, at + 1, item)
      } else if (upstreamDefinite) {
        throw ABORT
      }
      return
    case 'descendants':
      return walk(evaluation, at + 1, model)
    case 'function':
      // AWS answers `$.list.length()` with "Property ['length()'] not found" (awsdocs/aws-step-functions-developer-guide#5).
      return
  }
}

/** A name's value. Missing is skipped, except where Jayway requires it (a definite step before the end). */
function child(evaluation: Evaluation, at: number, model: Record<string, unknown>, name: string, tokenDefinite: boolean): void {
  if (Object.hasOwn(model, name)) return run(evaluation, at + 1, model[name])
  const leaf = at === evaluation.selector.steps.length - 1
  const upstreamDefinite = at <= evaluation.selector.definitePrefix
  if (evaluation.requireProperties || (!leaf && upstreamDefinite && tokenDefinite)) throw ABORT
}

/** Indexes and slices by Jayway's rules: a negative index counts from the end; `[a:b]` does not shift a negative `b`. */
function items(evaluation: Evaluation, at: number, array: readonly unknown[], step: Extract<PathStep, { kind: 'index' | 'indexes' | 'slice' }>): void {
  const { length } = array
  const visit = (index: number): void => {
    const effective = index < 0 ? length + index : index
    if (effective >= 0 && effective < length) run(evaluation, at + 1, array[effective])
  }
  if (step.kind === 'index') return visit(step.index)
  if (step.kind === 'indexes') return step.indexes.forEach(visit)
  const { from, to } = step
  if (length === 0) return
  if (to === undefined) {
    for (let index = Math.max(0, from === undefined ? 0 : from < 0 ? length + from : from); index < length; index++) visit(index)
  } else if (from === undefined) {
    for (let index = 0, end = Math.min(length, to < 0 ? length + to : to); index < end; index++) visit(index)
  } else {
    for (let index = from, end = Math.min(length, to); index < end; index++) visit(index)
  }
}

/** `*`: every member or item. Under an array, a branch that fails is dropped (Jayway catches it there). */
function wildcard(evaluation: Evaluation, at: number, model: unknown, leaf: boolean): void {
  if (isObject(model)) {
    for (const key of Object.keys(model)) run(evaluation, at + 1, model[key])
  } else if (Array.isArray(model)) {
    for (const item of model) {
      try {
        run(evaluation, at + 1, item)
      } catch (error) {
        if (error !== ABORT || evaluation.requireProperties) throw error
      }
    }
  } else if (!leaf) {
    throw ABORT
  }
}

/**
 * `..`: tries the step at `target` on this node when it could apply, then on every descendant,
 * depth first. On an array that matches, Jayway applies the steps after `target` to each item.
 */
function walk(evaluation: Evaluation, target: number, model: unknown): void {
  if (isObject(model)) {
    if (appliesTo(evaluation, target, model)) run(evaluation, target, model)
    for (const key of Object.keys(model)) walk(evaluation, target, model[key])
  } else if (Array.isArray(model)) {
    if (appliesTo(evaluation, target, model)) {
      if (target === evaluation.selector.steps.length - 1) run(evaluation, target, model)
      else for (const item of model) run(evaluation, target + 1, item)
    }
    for (const item of model) walk(evaluation, target, item)
  }
}

function appliesTo(evaluation: Evaluation, target: number, model: unknown): boolean {
  const step = evaluation.selector.steps[target]
  switch (step?.kind) {
    case 'name':
      return isObject(model) && Object.hasOwn(model, step.name)
    case 'names':
      return isObject(model) && (target < evaluation.selector.steps.length - 1 || step.names.every((name) => Object.hasOwn(model, name)))
    case 'index':
    case 'indexes':
    case 'slice':
      return Array.isArray(model)
    case 'wildcard':
      return true
    case 'filter':
      return accepts(step.filter, model, evaluation.document)
    default:
      return false
  }
}

/** `['a','b']` as the last step: one object of the names that are there. */
function merge(model: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(names.filter((name) => Object.hasOwn(model, name)).map((name) => [name, model[name]]))
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
