import type { CatcherNode, QueryLanguage, RetrierNode, StateGraphNode, StateNode } from '@dlc/dsl'
import { emitChoiceRule } from './choice.js'
import { emitCatcher, emitRetrier } from './error-handling.js'
import { emitProcessorConfig, mapEntries } from './map.js'
import { ordered, type Entry } from './ordered.js'
import type { AslObject, AslState } from './types.js'

/**
 * Emits a graph's states in definition order. `inherited` is the query language a
 * surrounding StateGraphNode asked for: ASL has no per-graph `QueryLanguage` (a state
 * without one uses the machine's), so a graph's language is written on each of its states
 * that does not name its own, and cascades into nested graphs. A state's own
 * `QueryLanguage` does not cascade, exactly as in ASL.
 */
export function emitStates(states: readonly StateNode[], inherited?: QueryLanguage): { [name: string]: AslState } {
  const out: { [name: string]: AslState } = {}
  for (const state of states) out[state.name] = emitState(state, inherited)
  return out
}

/** A Parallel branch or a Map's ItemProcessor: `Comment, <head>, StartAt, States`. */
export function emitGraph(graph: StateGraphNode, inherited: QueryLanguage | undefined, head: readonly Entry[] = []): AslObject {
  const language = graph.queryLanguage ?? inherited
  return ordered([['Comment', graph.comment], ...head, ['StartAt', graph.startAt], ['States', emitStates(graph.states, language)]])
}

/** `Type, Comment, QueryLanguage`, the fields of the state's type in data-flow order, then `Retry, Catch, Next, End`. */
export function emitState(state: StateNode, inherited?: QueryLanguage): AslState {
  return ordered([['Type', state.kind], ['Comment', state.comment], ['QueryLanguage', state.queryLanguage ?? inherited], ...fieldsOf(state, inherited)])
}

function fieldsOf(state: StateNode, inherited: QueryLanguage | undefined): Entry[] {
  switch (state.kind) {
    case 'Task':
      return [
        ['Resource', state.resource],
        ['Credentials', state.credentials],
        ['TimeoutSeconds', state.timeoutSeconds],
        ['TimeoutSecondsPath', state.timeoutSecondsPath],
        ['HeartbeatSeconds', state.heartbeatSeconds],
        ['HeartbeatSecondsPath', state.heartbeatSecondsPath],
        ['InputPath', state.inputPath],
        ['Parameters', state.parameters],
        ['Arguments', state.arguments],
        ['ResultSelector', state.resultSelector],
        ['ResultPath', state.resultPath],
        ['OutputPath', state.outputPath],
        ['Output', state.output],
        ['Assign', state.assign],
        ...errorHandling(state),
        ...transition(state),
      ]
    case 'Pass':
      return [
        ['InputPath', state.inputPath],
        ['Parameters', state.parameters],
        ['Result', state.result],
        ['ResultPath', state.resultPath],
        ['OutputPath', state.outputPath],
        ['Output', state.output],
        ['Assign', state.assign],
        ...transition(state),
      ]
    case 'Choice':
      return [
        ['InputPath', state.inputPath],
        ['Choices', state.choices.map(emitChoiceRule)],
        ['Default', state.default],
        ['OutputPath', state.outputPath],
        ['Output', state.output],
        ['Assign', state.assign],
      ]
    case 'Wait':
      return [
        ['InputPath', state.inputPath],
        ['Seconds', state.seconds],
        ['SecondsPath', state.secondsPath],
        ['Timestamp', state.timestamp],
        ['TimestampPath', state.timestampPath],
        ['OutputPath', state.outputPath],
        ['Output', state.output],
        ['Assign', state.assign],
        ...transition(state),
      ]
    case 'Succeed':
      return [
        ['InputPath', state.inputPath],
        ['OutputPath', state.outputPath],
        ['Output', state.output],
      ]
    case 'Fail':
      return [
        ['Error', state.error],
        ['ErrorPath', state.errorPath],
        ['Cause', state.cause],
        ['CausePath', state.causePath],
      ]
    case 'Parallel':
      return [
        ['InputPath', state.inputPath],
        ['Parameters', state.parameters],
        ['Arguments', state.arguments],
        ['Branches', state.branches.map((branch) => emitGraph(branch, inherited))],
        ['ResultSelector', state.resultSelector],
        ['ResultPath', state.resultPath],
        ['OutputPath', state.outputPath],
        ['Output', state.output],
        ['Assign', state.assign],
        ...errorHandling(state),
        ...transition(state),
      ]
    case 'Map': {
      const config: Entry[] = [['ProcessorConfig', state.processorConfig && emitProcessorConfig(state.processorConfig)]]
      return [
        ['InputPath', state.inputPath],
        ...mapEntries(state, emitGraph(state.processor, inherited, config)),
        ['ResultSelector', state.resultSelector],
        ['ResultPath', state.resultPath],
        ['OutputPath', state.outputPath],
        ['Output', state.output],
        ['Assign', state.assign],
        ...errorHandling(state),
        ...transition(state),
      ]
    }
  }
}

function errorHandling(state: { readonly retry?: readonly RetrierNode[]; readonly catch?: readonly CatcherNode[] }): Entry[] {
  return [
    ['Retry', state.retry?.map(emitRetrier)],
    ['Catch', state.catch?.map(emitCatcher)],
  ]
}

function transition(state: { readonly next?: string; readonly end?: true }): Entry[] {
  return [
    ['Next', state.next],
    ['End', state.end],
  ]
}
