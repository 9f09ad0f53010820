import { childFrame, linkedStop, runPool } from '../branches.js'
import { runBlock } from '../engine.js'
import { randomUUID } from 'node:crypto'
import { batchItems, mapRunArn, readItems, toleratedFailureExceeded, transformResults, writeResults } from '../../distributed/index.js'
import type { ChildExecution, ItemBatcher, ItemReader, ResultWriter } from '../../distributed/index.js'
import type { LocalS3 } from '../../s3/index.js'
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
    let results: unknown
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
  if (run.state.ItemReader !== undefined) return readItems((await resolved(run, run.state.ItemReader, 'ItemReader', rawInput, input)) as unknown as ItemReader, localS3(run))
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

async function runInline(run: StateRun, processor: StatesBlock, items: unknown[], config: MapConfig, rawInput: unknown, input: unknown): Promise<unknown> {
  const stop = linkedStop(run.frame.stop)
  return runPool(
    items.length,
    config.maxConcurrency,
    async (index) => {
      const started = run.frame.env.history.add('MapIterationStarted', run.frame.lastEventId, { name: run.name, index })
      const frame = childFrame(run.frame, stop.signal, started)
      try {
        const output = await runBlock(processor, await itemInput(run, rawInput, input, items[index], index), frame)
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
 * A Distributed Map: items come from the ItemReader (the local S3 folder) or the input, are
 * selected and batched, and each runs as a child execution with its own history and none of the
 * parent's variables. Failures count against ToleratedFailureCount/Percentage; results go to the
 * ResultWriter's bucket when there is one.
 */
async function runDistributed(run: StateRun, processor: StatesBlock, items: unknown[], config: MapConfig, rawInput: unknown, input: unknown): Promise<unknown> {
  const { env } = run.frame
  const arn = mapRunArn(String(env.stateMachine.Id), typeof run.state.Label === 'string' ? run.state.Label : run.name, (env.effects.uuid ?? randomUUID)())
  run.record('MapRunStarted', { mapRunArn: arn })
  const selected: unknown[] = []
  for (const [index, item] of items.entries()) selected.push(await itemInput(run, rawInput, input, item, index))
  const batcher = run.state.ItemBatcher === undefined ? undefined : await resolved(run, run.state.ItemBatcher, 'ItemBatcher', rawInput, input)
  const childInputs: unknown[] = batcher === undefined ? selected : batchItems(selected, batcher as ItemBatcher)
  const stop = linkedStop(run.frame.stop)
  const children: ChildExecution[] = new Array(childInputs.length)
  let failed = 0
  try {
    await runPool(
      childInputs.length,
      config.maxConcurrency,
      async (index) => {
        const child = await runChild(run, processor, childInputs[index], arn, stop.signal)
        children[index] = child
        if (child.status === 'SUCCEEDED') return
        failed += 1
        if (toleratedFailureExceeded(childInputs.length, failed, tolerance(config))) {
          throw new StatesError('States.ExceedToleratedFailureThreshold', `The specified tolerated failure threshold was exceeded (${failed} of ${childInputs.length} child executions failed) in the Map Run '${arn}'.`)
        }
      },
      stop,
    )
  } catch (error) {
    if (error instanceof StatesError) run.record('MapRunFailed', error.details())
    throw error
  }
  run.record('MapRunSucceeded')
  const writer = run.state.ResultWriter as ResultWriter | undefined
  if (writer?.Resource === undefined) return transformResults(children, writer?.WriterConfig)
  const target = await resolved(run, writer, 'ResultWriter', rawInput, input)
  return writeResults(target as ResultWriter, localS3(run), { mapRunArn: arn, succeeded: children.filter((child) => child.status === 'SUCCEEDED'), failed: children.filter((child) => child.status !== 'SUCCEEDED') })
}

/** One child execution of a Map Run, as the ResultWriter and the Map's output report it. */
async function runChild(run: StateRun, processor: StatesBlock, input: unknown, arn: string, stop: AbortSignal): Promise<ChildExecution> {
  const { env } = run.frame
  const name = (env.effects.uuid ?? randomUUID)()
  const startDate = new Date(env.clock.now())
  const frame: Frame = { ...childFrame(run.frame, stop, 0, {}), env: { ...env, history: new History(() => env.clock.now(), undefined, false) } }
  const base = { executionArn: `${arn.replace(':mapRun:', ':execution:')}:${name}`, name, stateMachineArn: String(env.stateMachine.Id), input, startDate }
  try {
    const output = await runBlock(processor, input, frame)
    return { ...base, status: 'SUCCEEDED', output, stopDate: new Date(env.clock.now()) }
  } catch (error) {
    if (!(error instanceof StatesError)) throw error
    return { ...base, status: 'FAILED', ...error.details(), stopDate: new Date(env.clock.now()) }
  }
}

function tolerance(config: MapConfig): { ToleratedFailureCount?: number; ToleratedFailurePercentage?: number } {
  return {
    ...(config.toleratedFailureCount === undefined ? {} : { ToleratedFailureCount: config.toleratedFailureCount }),
    ...(config.toleratedFailurePercentage === undefined ? {} : { ToleratedFailurePercentage: config.toleratedFailurePercentage }),
  }
}

/** An ItemReader, ItemBatcher or ResultWriter with its Parameters (JSONPath) or Arguments and expressions (JSONata) evaluated. */
async function resolved(run: StateRun, field: unknown, name: string, rawInput: unknown, input: unknown): Promise<Record<string, unknown>> {
  const { effects } = run.frame.env
  if (run.language === 'JSONata') return (await evaluateField(field, name, jsonataBindings(run, rawInput), run.at, effects)) as Record<string, unknown>
  const { Parameters, ...rest } = field as Record<string, unknown>
  const filled = Parameters === undefined ? {} : { Parameters: fillTemplate(Parameters, pathScope(run, input), run.at, effects) }
  return fillTemplate({ ...rest, ...filled }, pathScope(run, input), run.at, effects) as Record<string, unknown>
}

function localS3(run: StateRun): LocalS3 {
  const { s3 } = run.frame.env
  if (s3 === undefined) throw new StatesError('States.Runtime', `The Map state '${run.name}' reads or writes S3; give run() an s3 folder (RunOptions.s3) for the local runtime`)
  return s3
}
