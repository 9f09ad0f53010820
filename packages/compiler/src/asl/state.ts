import type {
  CatcherNode,
  ChoiceStateNode,
  FailStateNode,
  MapStateNode,
  ParallelStateNode,
  PassStateNode,
  QueryLanguage,
  RetrierNode,
  StateGraphNode,
  StateNode,
  SucceedStateNode,
  TaskStateNode,
  WaitStateNode,
} from '@dlc/dsl'
import { emitChoiceRule } from './choice.js'
import { emitCatcher, emitRetrier } from './error-handling.js'
import { emitLayout, type Layout } from './layout.js'
import { emitProcessorConfig, mapLayout } from './map.js'
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

const GRAPH: Layout<StateGraphNode> = [
  ['Comment', 'comment'],
  ['StartAt', 'startAt'],
  ['States', (graph, inherited) => emitStates(graph.states, graph.queryLanguage ?? inherited)],
]

/** A Parallel branch: `Comment, StartAt, States`. */
function emitBranch(graph: StateGraphNode, inherited: QueryLanguage | undefined): AslObject {
  return emitLayout(graph, GRAPH, inherited)
}

/** A Map's ItemProcessor: `Comment, ProcessorConfig, StartAt, States`. */
function emitItemProcessor(state: MapStateNode, inherited: QueryLanguage | undefined): AslObject {
  const graph = emitBranch(state.processor, inherited)
  if (state.processorConfig === undefined) return graph
  const { Comment, ...rest } = graph
  return { ...(Comment === undefined ? {} : { Comment }), ProcessorConfig: emitProcessorConfig(state.processorConfig), ...rest }
}

/** `Type, Comment, QueryLanguage` open every state. */
function head<T extends StateNode>(): Layout<T> {
  return [
    ['Type', 'kind'],
    ['Comment', 'comment'],
    ['QueryLanguage', (state, inherited) => state.queryLanguage ?? inherited],
  ]
}

/** `Retry, Catch` close the states that can fail, just before the transition. */
function errorHandling<T extends { readonly retry?: readonly RetrierNode[]; readonly catch?: readonly CatcherNode[] }>(): Layout<T> {
  return [
    ['Retry', (state) => state.retry?.map(emitRetrier)],
    ['Catch', (state) => state.catch?.map(emitCatcher)],
  ]
}

function transition<T extends { readonly next?: string; readonly end?: true }>(): Layout<T> {
  return [
    ['Next', 'next'],
    ['End', 'end'],
  ]
}

/** What shapes a result, in data-flow order; shared by Task, Parallel and Map. */
function resultFields<T extends TaskStateNode | ParallelStateNode | MapStateNode>(): Layout<T> {
  return [
    ['ResultSelector', 'resultSelector'],
    ['ResultPath', 'resultPath'],
    ['OutputPath', 'outputPath'],
    ['Output', 'output'],
    ['Assign', 'assign'],
  ]
}

/** Each state type's keys: `Type, Comment, QueryLanguage`, its fields in data-flow order, then `Retry, Catch, Next, End`. */
const LAYOUTS: { readonly [K in StateNode['kind']]: Layout<Extract<StateNode, { kind: K }>> } = {
  Task: [
    ...head<TaskStateNode>(),
    ['Resource', 'resource'],
    ['Credentials', 'credentials'],
    ['TimeoutSeconds', 'timeoutSeconds'],
    ['TimeoutSecondsPath', 'timeoutSecondsPath'],
    ['HeartbeatSeconds', 'heartbeatSeconds'],
    ['HeartbeatSecondsPath', 'heartbeatSecondsPath'],
    ['InputPath', 'inputPath'],
    ['Parameters', 'parameters'],
    ['Arguments', 'arguments'],
    ...resultFields<TaskStateNode>(),
    ...errorHandling<TaskStateNode>(),
    ...transition<TaskStateNode>(),
  ],
  Pass: [
    ...head<PassStateNode>(),
    ['InputPath', 'inputPath'],
    ['Parameters', 'parameters'],
    ['Result', 'result'],
    ['ResultPath', 'resultPath'],
    ['OutputPath', 'outputPath'],
    ['Output', 'output'],
    ['Assign', 'assign'],
    ...transition<PassStateNode>(),
  ],
  Choice: [
    ...head<ChoiceStateNode>(),
    ['InputPath', 'inputPath'],
    ['Choices', (state) => state.choices.map(emitChoiceRule)],
    ['Default', 'default'],
    ['OutputPath', 'outputPath'],
    ['Output', 'output'],
    ['Assign', 'assign'],
  ],
  Wait: [
    ...head<WaitStateNode>(),
    ['InputPath', 'inputPath'],
    ['Seconds', 'seconds'],
    ['SecondsPath', 'secondsPath'],
    ['Timestamp', 'timestamp'],
    ['TimestampPath', 'timestampPath'],
    ['OutputPath', 'outputPath'],
    ['Output', 'output'],
    ['Assign', 'assign'],
    ...transition<WaitStateNode>(),
  ],
  Succeed: [...head<SucceedStateNode>(), ['InputPath', 'inputPath'], ['OutputPath', 'outputPath'], ['Output', 'output']],
  Fail: [...head<FailStateNode>(), ['Error', 'error'], ['ErrorPath', 'errorPath'], ['Cause', 'cause'], ['CausePath', 'causePath']],
  Parallel: [
    ...head<ParallelStateNode>(),
    ['InputPath', 'inputPath'],
    ['Parameters', 'parameters'],
    ['Arguments', 'arguments'],
    ['Branches', (state, inherited) => state.branches.map((branch) => emitBranch(branch, inherited))],
    ...resultFields<ParallelStateNode>(),
    ...errorHandling<ParallelStateNode>(),
    ...transition<ParallelStateNode>(),
  ],
  Map: [
    ...head<MapStateNode>(),
    ['InputPath', 'inputPath'],
    ...mapLayout(emitItemProcessor),
    ...resultFields<MapStateNode>(),
    ...errorHandling<MapStateNode>(),
    ...transition<MapStateNode>(),
  ],
}

/** `Type, Comment, QueryLanguage`, the fields of the state's type in data-flow order, then `Retry, Catch, Next, End`. */
export function emitState(state: StateNode, inherited?: QueryLanguage): AslState {
  return emitLayout(state, LAYOUTS[state.kind] as Layout<StateNode>, inherited)
}
