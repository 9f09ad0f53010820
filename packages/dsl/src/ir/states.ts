import type { ErrorName } from './errors.js'
import type { Json, JsonObject } from './json.js'

export type QueryLanguage = 'JSONata' | 'JSONPath'

/** A JSONPath path (`$.a.b`), or `null` where ASL allows it to discard the value. */
export type PathValue = string | null

/** A number, or in JSONata a `{% ... %}` expression that yields one. */
export type NumberOrExpression = number | string

export interface RetrierNode {
  readonly kind: 'Retrier'
  readonly errorEquals: readonly ErrorName[]
  readonly comment?: string
  readonly intervalSeconds?: number
  readonly maxAttempts?: number
  readonly backoffRate?: number
  readonly maxDelaySeconds?: number
  readonly jitterStrategy?: 'FULL' | 'NONE'
}

export interface CatcherNode {
  readonly kind: 'Catcher'
  readonly errorEquals: readonly ErrorName[]
  readonly next: string
  readonly comment?: string
  readonly resultPath?: PathValue
  readonly output?: Json
  readonly assign?: JsonObject
}

/** Which integration a Task calls, kept so later stages (IAM, local services) need not parse ARNs. */
export interface IntegrationNode {
  readonly kind: 'Integration'
  /** The integration's file name, e.g. `lambda-invoke` or `aws-sdk`. */
  readonly name: string
  readonly service: string
  readonly action: string
  readonly pattern: 'request-response' | 'sync' | 'wait-for-task-token'
  /**
   * What the call touches, for least-privilege IAM: resource placeholder ids and prefixes,
   * e.g. `{ bucket: 'SalesLakeBucketName', prefix: 'raw/sales/' }`. Its shape is the integration's own.
   */
  readonly target?: JsonObject
}

/** Fields every state may carry. `next`/`end` are set on the states that transition. */
interface StateBase {
  readonly name: string
  readonly comment?: string
  readonly queryLanguage?: QueryLanguage
}

interface Transition {
  readonly next?: string
  readonly end?: true
}

interface JsonPathInput {
  readonly inputPath?: PathValue
  readonly outputPath?: PathValue
}

interface Assigning {
  readonly assign?: JsonObject
}

interface ResultProcessing {
  readonly resultSelector?: JsonObject
  readonly resultPath?: PathValue
}

interface ErrorHandling {
  readonly retry?: readonly RetrierNode[]
  readonly catch?: readonly CatcherNode[]
}

export interface TaskStateNode extends StateBase, Transition, JsonPathInput, Assigning, ResultProcessing, ErrorHandling {
  readonly kind: 'Task'
  readonly resource: string
  readonly integration?: IntegrationNode
  readonly parameters?: JsonObject
  readonly arguments?: Json
  readonly output?: Json
  readonly credentials?: JsonObject
  readonly timeoutSeconds?: NumberOrExpression
  readonly timeoutSecondsPath?: string
  readonly heartbeatSeconds?: NumberOrExpression
  readonly heartbeatSecondsPath?: string
}

export interface PassStateNode extends StateBase, Transition, JsonPathInput, Assigning {
  readonly kind: 'Pass'
  readonly parameters?: JsonObject
  readonly result?: Json
  readonly resultPath?: PathValue
  readonly output?: Json
}

/** One Choice rule. JSONata rules carry `condition`; JSONPath rules carry the boolean expression in `rule`. */
export interface ChoiceRuleNode extends Assigning {
  readonly kind: 'ChoiceRule'
  readonly next: string
  readonly comment?: string
  readonly condition?: string
  readonly rule?: JsonObject
  readonly output?: Json
}

export interface ChoiceStateNode extends StateBase, JsonPathInput, Assigning {
  readonly kind: 'Choice'
  readonly choices: readonly ChoiceRuleNode[]
  readonly default?: string
  readonly output?: Json
}

export interface WaitStateNode extends StateBase, Transition, JsonPathInput, Assigning {
  readonly kind: 'Wait'
  readonly seconds?: NumberOrExpression
  readonly timestamp?: string
  readonly secondsPath?: string
  readonly timestampPath?: string
  readonly output?: Json
}

export interface SucceedStateNode extends StateBase, JsonPathInput {
  readonly kind: 'Succeed'
  readonly output?: Json
}

export interface FailStateNode extends StateBase {
  readonly kind: 'Fail'
  readonly error?: string
  readonly cause?: string
  readonly errorPath?: string
  readonly causePath?: string
}

/** A self-contained state graph: a Parallel branch or a Map's ItemProcessor. */
export interface StateGraphNode {
  readonly kind: 'StateGraph'
  readonly startAt: string
  readonly states: readonly StateNode[]
  readonly comment?: string
  readonly queryLanguage?: QueryLanguage
}

export interface ParallelStateNode extends StateBase, Transition, JsonPathInput, Assigning, ResultProcessing, ErrorHandling {
  readonly kind: 'Parallel'
  readonly branches: readonly StateGraphNode[]
  readonly parameters?: JsonObject
  readonly arguments?: Json
  readonly output?: Json
}

export interface ProcessorConfigNode {
  readonly mode: 'INLINE' | 'DISTRIBUTED'
  readonly executionType?: 'STANDARD' | 'EXPRESS'
}

export interface ItemReaderNode {
  readonly resource: string
  readonly readerConfig?: JsonObject
  readonly parameters?: JsonObject
  readonly arguments?: Json
}

export interface ItemBatcherNode {
  readonly maxItemsPerBatch?: NumberOrExpression
  readonly maxItemsPerBatchPath?: string
  readonly maxInputBytesPerBatch?: NumberOrExpression
  readonly maxInputBytesPerBatchPath?: string
  readonly batchInput?: Json
}

export interface ResultWriterNode {
  readonly resource?: string
  readonly parameters?: JsonObject
  readonly arguments?: Json
  readonly writerConfig?: JsonObject
}

export interface MapStateNode extends StateBase, Transition, JsonPathInput, Assigning, ResultProcessing, ErrorHandling {
  readonly kind: 'Map'
  readonly processor: StateGraphNode
  readonly processorConfig?: ProcessorConfigNode
  readonly itemsPath?: string
  readonly items?: Json
  readonly itemSelector?: Json
  readonly itemReader?: ItemReaderNode
  readonly itemBatcher?: ItemBatcherNode
  readonly resultWriter?: ResultWriterNode
  readonly maxConcurrency?: NumberOrExpression
  readonly maxConcurrencyPath?: string
  readonly toleratedFailureCount?: NumberOrExpression
  readonly toleratedFailureCountPath?: string
  readonly toleratedFailurePercentage?: NumberOrExpression
  readonly toleratedFailurePercentagePath?: string
  readonly label?: string
  readonly output?: Json
}

export type StateNode =
  | TaskStateNode
  | PassStateNode
  | ChoiceStateNode
  | WaitStateNode
  | SucceedStateNode
  | FailStateNode
  | ParallelStateNode
  | MapStateNode

export type StateKind = StateNode['kind']
