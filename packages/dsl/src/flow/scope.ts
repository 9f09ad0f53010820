import { accessor, type Accessor } from '../expr/path.js'

/** The context object (`$$` in JSONPath, `$states.context` in JSONata). */
export interface ContextObject<Item = unknown> {
  readonly Execution: {
    readonly Id: string
    readonly Input: unknown
    readonly Name: string
    readonly RoleArn: string
    readonly StartTime: string
    readonly RedriveCount: number
  }
  readonly State: { readonly EnteredTime: string; readonly Name: string; readonly RetryCount: number }
  readonly StateMachine: { readonly Id: string; readonly Name: string }
  readonly Task: { readonly Token: string }
  readonly Map: { readonly Item: { readonly Index: number; readonly Value: Item } }
}

export type Variables<Vars> = { readonly [K in keyof Vars]-?: Accessor<Vars[K]> }

/** What a state's fields can read: its input, the workflow's variables and the context object. */
export interface Scope<In, Vars> {
  readonly input: Accessor<In>
  readonly vars: Variables<Vars>
  readonly context: Accessor<ContextObject>
}

/** Fields evaluated after a Task, Map or Parallel ran can also read its result. */
export interface ResultScope<In, Vars, R> extends Scope<In, Vars> {
  readonly result: Accessor<R>
}

/** The error a Catch receives: `$states.errorOutput` in JSONata. */
export interface ErrorOutput {
  readonly Error: string
  readonly Cause: string
}

export interface ErrorScope<In, Vars> extends Scope<In, Vars> {
  readonly errorOutput: Accessor<ErrorOutput>
}

/** The scope of a Map's ItemSelector: the current item and its index. */
export interface ItemScope<In, Vars, Item> extends Scope<In, Vars> {
  readonly item: Accessor<Item>
  readonly index: Accessor<number>
}

/** A field given as a value, or as a function of the scope when it reads state data. */
export type Field<T, S> = T | ((scope: S) => T)

const variableAccessors = new Map<string, unknown>()
const variables = new Proxy(
  {},
  {
    get(_, name) {
      if (typeof name !== 'string') return undefined
      if (!variableAccessors.has(name)) variableAccessors.set(name, accessor({ kind: 'variable', name }))
      return variableAccessors.get(name)
    },
  },
)

/** One scope object serves every field: accessors are built lazily from the names read. */
export const scope = Object.freeze({
  input: accessor<any>({ kind: 'input' }),
  result: accessor<any>({ kind: 'result' }),
  context: accessor<ContextObject<any>>({ kind: 'context' }),
  errorOutput: accessor<any>({ kind: 'errorOutput' }),
  item: accessor<any>({ kind: 'context' }, ['Map', 'Item', 'Value']),
  index: accessor<any>({ kind: 'context' }, ['Map', 'Item', 'Index']),
  vars: variables as Variables<any>,
})

export function field<T>(value: Field<T, any> | undefined): T | undefined {
  return typeof value === 'function' ? (value as (s: typeof scope) => T)(scope) : value
}
