import { DslError } from './expr/expr.js'
import { Ended, Flow } from './flow/flow.js'
import { BuildState, emitChain, GraphBuilder, stepLabel, WorkflowContext } from './flow/graph.js'
import type { AnyFlow } from './flow/specs.js'
import { createNode } from './ir/json.js'
import type { StateMachineNode } from './ir/machine.js'
import type { QueryLanguage } from './ir/states.js'

export interface WorkflowOptions {
  /** JSONata unless you say otherwise: AWS recommends it for new state machines. */
  readonly queryLanguage?: QueryLanguage
  readonly comment?: string
  /** The execution timeout (the machine's TimeoutSeconds). */
  readonly timeoutSeconds?: number
  readonly version?: string
  /** STANDARD unless EXPRESS: `.sync` and callback integrations need STANDARD. */
  readonly type?: 'STANDARD' | 'EXPRESS'
}

/** A described state machine: `build()` turns it into IR, the same IR every time. */
export interface Workflow {
  readonly kind: 'Workflow'
  readonly name: string
  build(): StateMachineNode
}

/** Declares the execution input's type: `workflow('orders', { input: type<Order>() })`. */
export function type<T>(): { readonly __type?: T } {
  return {}
}

export interface WorkflowBuilder<In> {
  /** Describes the states. The function receives an empty flow typed by the execution input. */
  define(describe: (flow: Flow<In, {}>) => AnyFlow): Workflow
}

const STATE_MACHINE_NAME = /^[A-Za-z0-9_-]{1,80}$/

/**
 * Starts a workflow.
 * @example workflow('orders', { input: type<{ orderId: string }>() }).define((f) => f.pass('Start').succeed('Done'))
 */
export function workflow<In = any>(
  name: string,
  options: WorkflowOptions & { readonly input?: { readonly __type?: In } } = {},
): WorkflowBuilder<In> {
  if (!STATE_MACHINE_NAME.test(name)) {
    throw new DslError(
      `"${name}" is not a valid state machine name`,
      '/name',
      'use 1-80 letters, digits, "-" or "_"',
      'DLC_INVALID_NAME',
    )
  }
  const language = options.queryLanguage ?? 'JSONata'
  return {
    define(describe) {
      const context = new WorkflowContext(language)
      const flow = describe(new Flow<In, {}>(context, undefined, language)) as Flow<unknown, unknown> | Ended
      if (!(flow instanceof Flow) && !(flow instanceof Ended)) {
        throw new DslError('define() must return the flow it built', '/States', 'end the function with the last .task(...) / .succeed(...) call')
      }
      return Object.freeze({ kind: 'Workflow' as const, name, build: () => buildMachine(name, options, context, flow) })
    },
  }
}

function buildMachine(name: string, options: WorkflowOptions, context: WorkflowContext, flow: Flow<unknown, unknown> | Ended): StateMachineNode {
  const build = new BuildState()
  const out = new GraphBuilder(context, build, '/States')
  const startAt = emitChain(flow.chain, undefined, out)
  // Every described step is emitted once unless some were dropped; only then is it worth a set.
  const emitted = build.emitted.length === context.described.length ? undefined : new Set(build.emitted)
  const dropped = emitted === undefined ? [] : context.described.filter((step) => !emitted.has(step))
  if (dropped.length > 0) {
    const names = dropped.map(stepLabel).join(', ')
    throw new DslError(
      `${names} ${dropped.length === 1 ? 'was' : 'were'} described but ${dropped.length === 1 ? 'is' : 'are'} not part of the workflow`,
      `/States/${dropped[0]?.name ?? ''}`,
      'each .task()/.pass()/... returns a new flow: keep chaining from it, and return the last one',
      'DLC_FLOW_DROPPED',
    )
  }
  if (startAt === undefined) throw new DslError('the workflow has no states', '/States', 'add a state: f.pass("Start")', 'SCHEMA_VALIDATION_FAILED')
  return createNode<StateMachineNode>({
    kind: 'StateMachine',
    name,
    comment: options.comment,
    queryLanguage: context.language,
    startAt,
    states: out.states,
    timeoutSeconds: options.timeoutSeconds,
    version: options.version,
    type: options.type ?? 'STANDARD',
    resources: [...build.resources.values()].sort((a, b) => a.id.localeCompare(b.id)),
  })
}
