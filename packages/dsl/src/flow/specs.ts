import type { Condition } from '../expr/conditions.js'
import type { Expr } from '../expr/expr.js'
import type { Payload, Resolve } from '../expr/payload.js'
import type { ErrorName } from '../ir/errors.js'
import type { Json, JsonObject } from '../ir/json.js'
import type { QueryLanguage } from '../ir/states.js'
import type { Integration } from '../integrations/integration.js'
import type { Flow } from './flow.js'
import type { ErrorOutput, ErrorScope, Field, ItemScope, ResultScope, Scope } from './scope.js'

declare const UNSET: unique symbol
/** The type of a generic whose field was not given. */
export type Unset = typeof UNSET

export type Template = { readonly [key: string]: Payload | undefined }

/** A number, or what yields one at run time (a path in JSONPath, an expression in JSONata). */
export type Dynamic<T> = T | Expr<T>

export interface CommonSpec {
  readonly comment?: string
  /** Per-state language: a JSONata state may sit in a JSONPath machine, never the reverse. */
  readonly queryLanguage?: QueryLanguage
}

export interface RetrySpec {
  readonly errorEquals: readonly ErrorName[]
  readonly intervalSeconds?: number
  readonly maxAttempts?: number
  readonly backoffRate?: number
  readonly maxDelaySeconds?: number
  readonly jitterStrategy?: 'FULL' | 'NONE'
  readonly comment?: string
}

/** Where a Catch goes: `goto` an existing state, or `then` a new chain of states. */
export interface CatchSpec<In, Vars> {
  readonly errorEquals: readonly ErrorName[]
  readonly goto?: string
  readonly then?: (flow: Flow<ErrorOutput, Vars>) => AnyFlow
  readonly resultPath?: string | null
  readonly output?: Field<Payload, ErrorScope<In, Vars>>
  readonly assign?: Field<Template, ErrorScope<In, Vars>>
  readonly comment?: string
}

export interface ErrorHandlingSpec<In, Vars> {
  readonly retry?: readonly RetrySpec[]
  readonly catch?: readonly CatchSpec<In, Vars>[]
}

export interface JsonPathIoSpec {
  readonly inputPath?: string | null
  readonly outputPath?: string | null
}

/** The state output in JSONPath after ResultPath places the result into the input. */
export type PlaceResult<In, Result, RP> = [RP] extends [Unset]
  ? Result
  : [RP] extends [null]
    ? In
    : RP extends '$'
      ? Result
      : RP extends `$.${infer K}`
        ? K extends `${string}.${string}` | `${string}[${string}`
          ? unknown
          : Omit<In, K> & { [P in K]: Result }
        : unknown

/** The output of a state that produces a result: Output wins; else ResultSelector then ResultPath. */
export type StateOutput<In, R, O, Sel, RP> = [O] extends [Unset]
  ? PlaceResult<In, [Sel] extends [Unset] ? R : Resolve<Sel>, RP>
  : Resolve<O>

export type WithVars<Vars, A> = [A] extends [Unset] ? Vars : Omit<Vars, keyof Resolve<A>> & Resolve<A>

export interface TaskSpec<In, Vars, R, O, A, Sel, RP>
  extends CommonSpec, JsonPathIoSpec, ErrorHandlingSpec<In, Vars> {
  /** An integration (typed result) or a raw Resource ARN, `${Placeholder}`s allowed. */
  readonly resource: Integration<R> | string
  readonly arguments?: Field<Payload, Scope<In, Vars>>
  readonly parameters?: Field<Template, Scope<In, Vars>>
  readonly resultSelector?: Field<Sel, ResultScope<In, Vars, R>>
  readonly resultPath?: RP
  readonly output?: Field<O, ResultScope<In, Vars, R>>
  readonly assign?: Field<A, ResultScope<In, Vars, R>>
  readonly timeoutSeconds?: Field<Dynamic<number>, Scope<In, Vars>>
  readonly heartbeatSeconds?: Field<Dynamic<number>, Scope<In, Vars>>
  readonly credentials?: Field<{ readonly roleArn: Payload }, Scope<In, Vars>>
}

export interface PassSpec<In, Vars, O, A, P, RP> extends CommonSpec, JsonPathIoSpec {
  readonly output?: Field<O, Scope<In, Vars>>
  readonly parameters?: Field<P, Scope<In, Vars>>
  readonly result?: Json
  readonly resultPath?: RP
  /** In JSONPath with `result` or `parameters`, Assign reads that result as `$.result`. */
  readonly assign?: Field<A, ResultScope<In, Vars, any>>
}

export type PassOutput<In, O, P, RP> = [O] extends [Unset]
  ? [P] extends [Unset]
    ? PlaceResult<In, In, RP>
    : PlaceResult<In, Resolve<P>, RP>
  : Resolve<O>

export interface WaitSpec<In, Vars, O, A> extends CommonSpec, JsonPathIoSpec {
  readonly seconds?: Field<Dynamic<number>, Scope<In, Vars>>
  readonly timestamp?: Field<Dynamic<string>, Scope<In, Vars>>
  readonly output?: Field<O, Scope<In, Vars>>
  readonly assign?: Field<A, Scope<In, Vars>>
}

export interface ChoiceBranchSpec<In, Vars> {
  readonly when: Condition
  readonly goto?: string
  readonly then?: (flow: Flow<In, Vars>) => AnyFlow
  readonly output?: Field<Payload, Scope<In, Vars>>
  readonly assign?: Field<Template, Scope<In, Vars>>
  readonly comment?: string
}

export interface ChoiceSpec<In, Vars, A> extends CommonSpec, JsonPathIoSpec {
  readonly choices: (scope: Scope<In, Vars>) => readonly ChoiceBranchSpec<In, Vars>[]
  /** The Default: a state to go to, or a chain of new states; without it, no match fails with States.NoChoiceMatched. */
  readonly otherwise?: string | ((flow: Flow<In, Vars>) => AnyFlow)
  readonly output?: Field<Payload, Scope<In, Vars>>
  readonly assign?: Field<A, Scope<In, Vars>>
}

export interface SucceedSpec<In, Vars> extends CommonSpec, JsonPathIoSpec {
  readonly output?: Field<Payload, Scope<In, Vars>>
}

export interface FailSpec<In, Vars> extends CommonSpec {
  readonly error?: Field<Dynamic<string>, Scope<In, Vars>>
  readonly cause?: Field<Dynamic<string>, Scope<In, Vars>>
}

export type Branch<In, Vars> = (flow: Flow<In, Vars>) => AnyFlow

export interface ParallelSpec<In, Vars, B extends readonly Branch<In, Vars>[], O, A, Sel, RP>
  extends CommonSpec, JsonPathIoSpec, ErrorHandlingSpec<In, Vars> {
  readonly branches: readonly [...B]
  readonly arguments?: Field<Payload, Scope<In, Vars>>
  readonly parameters?: Field<Template, Scope<In, Vars>>
  readonly resultSelector?: Field<Sel, ResultScope<In, Vars, BranchOutputs<B>>>
  readonly resultPath?: RP
  readonly output?: Field<O, ResultScope<In, Vars, BranchOutputs<B>>>
  readonly assign?: Field<A, ResultScope<In, Vars, BranchOutputs<B>>>
}

export type BranchOutputs<B> = { -readonly [I in keyof B]: B[I] extends (flow: any) => infer F ? FlowOutput<F> : never }

export interface MapSpec<In, Vars, Item, Sel, P extends AnyFlow, O, A, RSel, RP, M extends MapMode = MapMode>
  extends CommonSpec, JsonPathIoSpec, ErrorHandlingSpec<In, Vars> {
  /** The array to iterate: `$.input.orders` (ItemsPath in JSONPath, Items in JSONata). */
  readonly items?: Field<Expr<readonly Item[]> | readonly Item[], Scope<In, Vars>>
  readonly itemSelector?: Field<Sel, ItemScope<In, Vars, Item>>
  /** A Distributed Map's children are separate executions: they cannot read the parent's variables. */
  readonly processor: (flow: Flow<[Sel] extends [Unset] ? Item : Resolve<Sel>, M extends 'DISTRIBUTED' ? {} : Vars>) => P
  readonly mode?: M
  readonly executionType?: 'STANDARD' | 'EXPRESS'
  readonly maxConcurrency?: Field<Dynamic<number>, Scope<In, Vars>>
  readonly toleratedFailureCount?: Field<Dynamic<number>, Scope<In, Vars>>
  readonly toleratedFailurePercentage?: Field<Dynamic<number>, Scope<In, Vars>>
  readonly label?: string
  readonly itemReader?: ItemReaderSpec<In, Vars>
  readonly itemBatcher?: ItemBatcherSpec<In, Vars>
  readonly resultWriter?: ResultWriterSpec<In, Vars>
  readonly resultSelector?: Field<RSel, ResultScope<In, Vars, FlowOutput<P>[]>>
  readonly resultPath?: RP
  readonly output?: Field<O, ResultScope<In, Vars, FlowOutput<P>[]>>
  readonly assign?: Field<A, ResultScope<In, Vars, FlowOutput<P>[]>>
}

export type MapMode = 'INLINE' | 'DISTRIBUTED'

export interface ItemReaderSpec<In, Vars> {
  readonly resource: string
  readonly readerConfig?: JsonObject
  readonly arguments?: Field<Payload, Scope<In, Vars>>
  readonly parameters?: Field<Template, Scope<In, Vars>>
}

export interface ItemBatcherSpec<In, Vars> {
  readonly maxItemsPerBatch?: Field<Dynamic<number>, Scope<In, Vars>>
  readonly maxInputBytesPerBatch?: Field<Dynamic<number>, Scope<In, Vars>>
  readonly batchInput?: Field<Payload, Scope<In, Vars>>
}

export interface ResultWriterSpec<In, Vars> {
  readonly resource?: string
  readonly writerConfig?: JsonObject
  readonly arguments?: Field<Payload, Scope<In, Vars>>
  readonly parameters?: Field<Template, Scope<In, Vars>>
}

/** The part of a flow's type the spec types need, so they do not depend on the Flow class. */
export interface FlowLike<Cur, Vars> {
  readonly __types?: { readonly output: Cur; readonly vars: Vars }
}

export type AnyFlow = FlowLike<any, any>

export type FlowOutput<F> = F extends FlowLike<infer Cur, any> ? Cur : never

export type FlowVars<F> = F extends FlowLike<any, infer Vars> ? Vars : never
