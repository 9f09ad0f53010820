import { DslError } from '../expr/expr.js'
import type { ResourceRefNode } from '../ir/machine.js'
import type { QueryLanguage, StateNode } from '../ir/states.js'

/** Where a chain goes when it runs off its end: a state name, or `undefined` to end. */
export type Continuation = string | undefined

/** A state (or a jump) waiting to be placed into a graph once its successor is known. */
export interface Step {
  /** The state's name; a jump has none. */
  readonly name?: string
  /** For a jump: the state it goes to. */
  readonly goto?: string
  /** Succeed, Fail and jumps: nothing can follow them. */
  readonly terminal: boolean
  /** States reachable only by goto (a shared handler): placed after the chain, never transitioned to. */
  readonly detached?: boolean
  readonly emit: (next: Continuation, out: GraphBuilder) => void
}

/** A persistent list: appending never changes an earlier chain, so flows can be shared safely. */
export interface Chain {
  readonly prev: Chain | undefined
  readonly step: Step
}

/** What every flow of one workflow shares while it is being described and built. */
export class WorkflowContext {
  /** Every step ever described, to report the ones that never made it into the machine. */
  readonly described: Step[] = []

  constructor(readonly language: QueryLanguage) {}
}

/** Collects the states of one scope (the machine, a Parallel branch, a Map processor). */
export class GraphBuilder {
  readonly states: StateNode[] = []

  constructor(
    readonly context: WorkflowContext,
    readonly build: BuildState,
    readonly path: string,
  ) {}

  nested(path: string): GraphBuilder {
    return new GraphBuilder(this.context, this.build, path)
  }

  /** Adds a state; `at` (from `mark()`) keeps a state ahead of the handler states it emitted first. */
  add(state: StateNode, at = this.states.length): void {
    this.build.claim(state.name, this.path)
    this.states.splice(at, 0, state)
  }

  mark(): number {
    return this.states.length
  }
}

/** The state of one `build()`: names already placed, resources referred to, steps emitted. */
export class BuildState {
  /** Each state name and the scope (`/States`, `/States/Fan/Branches/0/States`, ...) that holds it. */
  readonly names = new Map<string, string>()
  readonly resources = new Map<string, ResourceRefNode>()
  readonly emitted: Step[] = []

  claim(name: string, scope: string): void {
    const earlier = this.names.get(name)
    if (earlier !== undefined) {
      throw new DslError(
        `state name "${name}" is used twice (also at ${earlier}/${name})`,
        `${scope}/${name}`,
        'state names must be unique in the whole machine, nested Parallel and Map states included; to run a state again, goto it',
        'DUPLICATE_STATE_NAME',
      )
    }
    this.names.set(name, scope)
  }

  use(ref: ResourceRefNode): void {
    this.resources.set(ref.id, ref)
  }
}

/** How a step is named in messages. */
export function stepLabel(step: Step): string {
  return step.name ? `"${step.name}"` : step.goto ? `goto "${step.goto}"` : 'the states of also(...)'
}

/** The name a chain starts with: its first state, the target of a leading jump, or the continuation. */
function entryOf(step: Step): string {
  return (step.name ?? step.goto) as string
}

/** Places a chain's states into `out`, each pointing at the next; returns the chain's entry. */
export function emitChain(chain: Chain | undefined, continuation: Continuation, out: GraphBuilder): Continuation {
  const all: Step[] = []
  for (let link = chain; link; link = link.prev) all.push(link.step)
  all.reverse()
  const steps = all.filter((step) => !step.detached)
  steps.forEach((step, i) => {
    const following = steps[i + 1]
    out.build.emitted.push(step)
    step.emit(following ? entryOf(following) : continuation, out)
  })
  for (const step of all.filter((s) => s.detached)) {
    out.build.emitted.push(step)
    step.emit(undefined, out)
  }
  const first = steps[0]
  return first ? entryOf(first) : continuation
}
