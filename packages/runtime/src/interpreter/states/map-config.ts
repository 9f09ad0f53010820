import { stateFailure } from '../errors.js'
import { jsonataBindings, pathScope } from '../io.js'
import { evaluateField, unexpectedType } from '../jsonata-fields.js'
import { select } from '../paths.js'
import type { StateRun } from '../types.js'

/** How a Map runs: its items' concurrency and, for a Distributed Map, the failures it tolerates. */
export interface MapConfig {
  readonly maxConcurrency: number
  readonly toleratedFailureCount: number | undefined
  readonly toleratedFailurePercentage: number | undefined
}

type NumberKind = 'integer' | 'float'

/**
 * Reads MaxConcurrency, ToleratedFailureCount and ToleratedFailurePercentage from their static
 * field, their `...Path` field or a JSONata expression, with AWS's checks and words.
 */
export async function mapConfig(run: StateRun, input: unknown): Promise<MapConfig> {
  const maxConcurrency = (await numberField(run, input, 'MaxConcurrency', 'integer')) ?? 0
  const toleratedFailureCount = await numberField(run, input, 'ToleratedFailureCount', 'integer')
  if (toleratedFailureCount !== undefined && toleratedFailureCount < 0) throw stateFailure(run.at, 'States.Runtime', 'ToleratedFailureCount cannot be negative.')
  const toleratedFailurePercentage = await numberField(run, input, 'ToleratedFailurePercentage', 'float')
  if (toleratedFailurePercentage !== undefined && (toleratedFailurePercentage < 0 || toleratedFailurePercentage > 100)) {
    throw stateFailure(run.at, 'States.Runtime', 'ToleratedFailurePercentage must be between 0 and 100.')
  }
  return { maxConcurrency, toleratedFailureCount, toleratedFailurePercentage }
}

async function numberField(run: StateRun, input: unknown, field: string, kind: NumberKind): Promise<number | undefined> {
  const { state, at } = run
  if (run.language === 'JSONata') {
    if (state[field] === undefined) return undefined
    const value = await evaluateField(state[field], field, jsonataBindings(run, input), at, run.frame.env.effects)
    if (typeof value !== 'number' || (kind === 'integer' && !Number.isInteger(value))) throw unexpectedType(at, state[field], field, kind === 'integer' ? 'integer' : 'number', value)
    return value
  }
  const path = state[`${field}Path`]
  if (typeof path !== 'string') return typeof state[field] === 'number' ? (state[field] as number) : undefined
  const value = select(path, pathScope(run, input), `${field}Path`, at)
  const parsed = parseNumber(value, kind)
  if (parsed === undefined) {
    const shown = typeof value === 'string' ? value : JSON.stringify(value)
    throw stateFailure(at, 'States.Runtime', `The ${field}Path field refers to value "${shown}" which is not a valid ${kind}: ${path}`)
  }
  return parsed
}

/** A number, or text that is one, as AWS's Java parsing accepts it. */
function parseNumber(value: unknown, kind: NumberKind): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined
  if (text === undefined || !(kind === 'integer' ? /^[+-]?\d+$/ : /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/).test(text)) return undefined
  return Number(text)
}
