import { childFrame, linkedStop, runBranch, runPool } from '../branches.js'
import { StatesError, stateFailure } from '../errors.js'
import { History } from '../history.js'
import { conclude, effectiveInput, jsonataBindings, nextOf, pathScope } from '../io.js'
import { evaluateField, unexpectedType } from '../jsonata-fields.js'
import { fillTemplate, select } from '../paths.js'
import { withRetryAndCatch } from '../retry.js'
import type { Frame, Outcome, StateRun, StatesBlock } from '../types.js'
import { mapConfig, type MapConfig } from './map-config.js'

/**
 * Map: runs its ItemProcessor (or legacy Iterator) once per item, MaxConcurrency at a time. Inline,
 * the first failing iteration fails the state; Distributed, each item is a child execution and
 * the Map fails only past its tolerated failures.
 */
export async function runMap(run: StateRun, rawInput: unknown): Promise<Outcome> {
  return withRetryAndCatch(run, rawInput, async () => {
    const input = effectiveInput(run, rawInput)
    const items = await mapItems(run, rawInput, input)
    const config = await mapConfig(run, run.language === 'JSONata' ? rawInput : input)
    const processor = (run.state.ItemProcessor ?? run.state.Iterator) as StatesBlock & { ProcessorConfig?: { Mode?: string } }
    const distributed = processor.ProcessorConfig?.Mode === 'DISTRIBUTED'
    run.record('MapStateStarted', { length: items.length })
    let results: unknown[]
    try {
      results = distributed ? await runDistributed(run, processor, items, config, rawInput, input) : await runInline(run, processor, items, config, rawInput, input)
    } catch (error) {
      if (error instanceof StatesError) run.record('MapStateFailed', error.details())
      throw error
    }
    run.record('MapStateSucceeded')
    return { ...(await conclude(run, rawInput, input, results)), next: nextOf(run) }
  })
}

/** The items: JSONata's Items (default: the input), JSONPath's ItemsPath (default `$`). */
async function mapItems(run: StateRun, rawInput: unknown, input: unknown): Promise<unknown[]> {
  if (run.language === 'JSONata') {
    if (run.state.Items === undefined) return requireArray(run, rawInput)
    const items = await evaluateField(run.state.Items, 'Items', jsonataBindings(run, rawInput), run.at, run.frame.env.effects)
    if (!Array.isArray(items)) throw unexpectedType(run.at, run.state.Items, 'Items', 'array', items)
    return items
  }
  const items = typeof run.state.ItemsPath === 'string' ? select(run.state.ItemsPath, pathScope(run, input), 'ItemsPath', run.at) : input
  return requireArray(run, items)
}

function requireArray(run: StateRun, items: unknown): unknown[] {
  if (Array.isArray(items)) return items
  const error = run.language === 'JSONata' ? 'States.QueryEvaluationError' : 'States.Runtime'
  throw stateFailure(run.at, error, `Map state input must be an array but was: ${JSON.stringify(items)}`)
}

/** One item's input: ItemSelector (or legacy Parameters) with `$$.Map.Item` set, else the item. */
async function itemInput(run: StateRun, rawInput: unknown, input: unknown, item: unknown, index: number): Promise<unknown> {
  const selector = run.state.ItemSelector ?? run.state.Parameters
  if (selector === undefined) return item
  const context = { ...run.context(), Map: { Item: { Index: index, Value: item } } }
  if (run.language === 'JSONata') {
    return evaluateField(selector, 'ItemSelector', { states: { input: rawInput, context }, variables: run.frame.variables }, run.at, run.frame.env.effects)
  }
  return fillTemplate(selector, { input, context, variables: run.frame.variables }, run.at, run.frame.env.effects)
}

async function runInline(run: StateRun, processor: StatesBlock, items: unknown[], config: MapConfig, rawInput: unknown, input: unknown): Promise<unknown[]> {
  const stop = linkedStop(run.frame.stop)
  return runPool(
    items.length,
    config.maxConcurrency,
    async (index) => {
      const started = run.frame.env.history.add('MapIterationStarted', run.frame.lastEventId, { name: run.name, index })
      const frame = childFrame(run.frame, stop.signal, started)
      try {
        const output = await runBranch(processor, await itemInput(run, rawInput, input, items[index], index), frame)
        frame.lastEventId = run.frame.env.history.add('MapIterationSucceeded', frame.lastEventId, { name: run.name, index })
        return output
      } catch (error) {
        if (error instanceof StatesError) run.frame.env.history.add('MapIterationFailed', frame.lastEventId, { name: run.name, index })
        throw error
      }
    },
    stop,
  )
}

/**
 * A Distributed Map: each item runs as a child execution with its own history and no access to
 * the parent's variables; failures are counted against ToleratedFailureCount/Percentage.
 */
async function runDistributed(run: StateRun, processor: StatesBlock, items: unknown[], config: MapConfig, rawInput: unknown, input: unknown): Promise<unknown[]> {
  const { env } = run.frame
  const mapRunArn = `${String(env.stateMachine.Id).replace(':stateMachine:', ':mapRun:')}/${run.name}:${env.effects.uuid?.() ?? crypto.randomUUID()}`
  run.record('MapRunStarted', { mapRunArn })
  const stop = linkedStop(run.frame.stop)
  let failed = 0
  const results = await runPool(
    items.length,
    config.maxConcurrency,
    async (index) => {
      const childInput = await itemInput(run, rawInput, input, items[index], index)
      const child: Frame = { ...childFrame(run.frame, stop.signal, 0, {}), env: { ...env, history: new History(env.clock.now.bind(env.clock), undefined, false) } }
      try {
        return await runBranch(processor, childInput, child)
      } catch (error) {
        if (!(error instanceof StatesError)) throw error
        failed += 1
        if (exceedsTolerance(failed, items.length, config)) throw new StatesError('States.ExceedToleratedFailureThreshold', `The number of failed items exceeded the tolerated failure threshold for the Map Run '${mapRunArn}'.`)
        return error.output()
      }
    },
    stop,
  ).catch((error: unknown) => {
    if (error instanceof StatesError) run.record('MapRunFailed', error.details())
    throw error
  })
  run.record('MapRunSucceeded')
  return results
}

/** Whether `failed` of `total` items is past what the Map tolerates (none, by default). */
export function exceedsTolerance(failed: number, total: number, config: MapConfig): boolean {
  const { toleratedFailureCount: count, toleratedFailurePercentage: percentage } = config
  if (count === undefined && percentage === undefined) return failed > 0
  const overCount = count !== undefined && failed > count
  const overPercentage = percentage !== undefined && (failed / Math.max(total, 1)) * 100 > percentage
  return overCount || overPercentage
}
