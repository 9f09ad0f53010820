import { DslError } from '../expr/expr.js'
import type { QueryLanguage } from '../ir/states.js'
import type { Resolve } from '../expr/payload.js'
import { emitChain, stepLabel, type Chain, type Step, type WorkflowContext } from './graph.js'
import type {
  AnyFlow,
  Branch,
  BranchOutputs,
  ChoiceSpec,
  FailSpec,
  FlowLike,
  FlowOutput,
  MapMode,
  MapSpec,
  ParallelSpec,
  PassOutput,
  PassSpec,
  StateOutput,
  SucceedSpec,
  TaskSpec,
  Unset,
  WaitSpec,
  WithVars,
} from './specs.js'
import { describeBranch } from './states/common.js'
import { choiceStep, failStep, gotoStep, mapStep, parallelStep, passStep, succeedStep, taskStep, waitStep } from './states/index.js'

/** A chain that has ended in Succeed, Fail or a jump: nothing can follow it. */
export class Ended implements FlowLike<never, never> {
  declare readonly __types?: { readonly output: never; readonly vars: never }
  constructor(readonly chain: Chain) {}
}

/**
 * A chain of states. Every call returns a new flow whose type is the output of the state just
 * added, so the next state's fields are checked against the data they will really receive.
 */
export class Flow<Cur, Vars> implements FlowLike<Cur, Vars> {
  declare readonly __types?: { readonly output: Cur; readonly vars: Vars }
  /** The state that already follows this flow's last one: a second would be a silent fork. */
  private followedBy: string | undefined

  constructor(
    readonly context: WorkflowContext,
    readonly chain: Chain | undefined,
    /** The language of the states this flow adds unless a state says otherwise. */
    readonly language: QueryLanguage,
  ) {}

  /** A Task: calls a service integration (or any Resource) and continues with its result. */
  task<R, O = Unset, A = Unset, Sel = Unset, RP extends string | null | Unset = Unset>(
    name: string,
    spec: TaskSpec<Cur, Vars, R, O, A, Sel, RP>,
  ): Flow<StateOutput<Cur, R, O, Sel, RP>, WithVars<Vars, A>> {
    return this.append(taskStep(name, spec as TaskSpec<any, any, any, any, any, any, any>, this.untyped))
  }

  /** A Pass: reshapes data or assigns variables without calling anything. */
  pass<O = Unset, A = Unset, P = Unset, RP extends string | null | Unset = Unset>(
    name: string,
    spec: PassSpec<Cur, Vars, O, A, P, RP> = {},
  ): Flow<PassOutput<Cur, O, P, RP>, WithVars<Vars, A>> {
    return this.append(passStep(name, spec as PassSpec<any, any, any, any, any, any>, this.untyped))
  }

  /** A Wait: a fixed or dynamic number of seconds, or until a timestamp. */
  wait<O = Unset, A = Unset>(name: string, spec: WaitSpec<Cur, Vars, O, A>): Flow<[O] extends [Unset] ? Cur : Resolve<O>, WithVars<Vars, A>> {
    return this.append(waitStep(name, spec as WaitSpec<any, any, any, any>, this.untyped))
  }

  /**
   * A Choice. A branch given as `then` runs its own chain and, if that chain does not end,
   * continues with whatever follows the Choice in this flow; `goto` jumps to an existing state.
   */
  choice<A = Unset>(name: string, spec: ChoiceSpec<Cur, Vars, A>): Flow<Cur, WithVars<Vars, A>> {
    return this.append(choiceStep(name, spec as ChoiceSpec<any, any, any>, this.untyped))
  }

  /** A Parallel: runs every branch on this input; the output is the array of branch outputs. */
  parallel<const B extends readonly Branch<Cur, Vars>[], O = Unset, A = Unset, Sel = Unset, RP extends string | null | Unset = Unset>(
    name: string,
    spec: ParallelSpec<Cur, Vars, B, O, A, Sel, RP>,
  ): Flow<StateOutput<Cur, BranchOutputs<B>, O, Sel, RP>, WithVars<Vars, A>> {
    return this.append(parallelStep(name, spec as ParallelSpec<any, any, any, any, any, any, any>, this.untyped))
  }

  /** A Map (inline or Distributed): runs the processor once per item. */
  map<Item, P extends AnyFlow, Sel = Unset, O = Unset, A = Unset, RSel = Unset, RP extends string | null | Unset = Unset, M extends MapMode = 'INLINE'>(
    name: string,
    spec: MapSpec<Cur, Vars, Item, Sel, P, O, A, RSel, RP, M>,
  ): Flow<StateOutput<Cur, FlowOutput<P>[], O, RSel, RP>, WithVars<Vars, A>> {
    return this.append(mapStep(name, spec as MapSpec<any, any, any, any, any, any, any, any, any>, this.untyped))
  }

  succeed(name: string, spec: SucceedSpec<Cur, Vars> = {}): Ended {
    return this.end(succeedStep(name, spec as SucceedSpec<any, any>, this.untyped))
  }

  fail(name: string, spec: FailSpec<Cur, Vars> = {}): Ended {
    return this.end(failStep(name, spec as FailSpec<any, any>, this.untyped))
  }

  /** Continues at a state defined elsewhere in the same scope: a loop, or a shared handler. */
  goto(name: string): Ended {
    return this.end(gotoStep(name))
  }

  /** An empty flow in the same workflow, where a branch, handler or processor starts. */
  branch(): Flow<Cur, Vars> {
    return new Flow(this.context, undefined, this.language)
  }

  /** This flow with its types erased, for the step builders that only read its context. */
  private get untyped(): Flow<any, any> {
    return this as unknown as Flow<any, any>
  }

  /**
   * Describes states that no state flows into, only jumps to: a shared error handler that
   * several Catches `goto`. They join this flow's scope; the flow itself continues unchanged.
   * @example f.also<ErrorOutput>((h) => h.task('Notify failure', {...}).fail('Failed')).task('Load', {... catch: [{ errorEquals: ['States.ALL'], goto: 'Notify failure' }] })
   */
  also<In = unknown>(describe: (flow: Flow<In, Vars>) => AnyFlow): Flow<Cur, Vars> {
    const chain = describeBranch(this.untyped, describe as (flow: Flow<any, any>) => AnyFlow)
    const step: Step = { detached: true, terminal: false, emit: (_next, out) => void emitChain(chain, undefined, out) }
    return this.append(step)
  }

  private append(step: Step): any {
    return new Flow(this.context, this.link(step), this.language)
  }

  private end(step: Step): Ended {
    return new Ended(this.link(step))
  }

  private link(step: Step): Chain {
    const label = stepLabel(step)
    if (this.followedBy !== undefined) {
      const last = this.chain?.step.name
      throw new DslError(
        last ? `state "${last}" already has a next state (${this.followedBy})` : `this flow already starts with ${this.followedBy}`,
        `/States/${step.name ?? last ?? ''}`,
        `a state has one next state: add ${label} after ${this.followedBy}, or branch with .choice() / .parallel()`,
        'DLC_FLOW_FORK',
      )
    }
    this.followedBy = label
    this.context.described.push(step)
    return { prev: this.chain, step }
  }
}

