import { DslError, exprNode, isExpr } from '../../expr/expr.js'
import { PayloadContext, renderObject, renderPayload, type Payload } from '../../expr/payload.js'
import type { ResourceRefNode } from '../../ir/machine.js'
import { createNode, type Json, type JsonObject } from '../../ir/json.js'
import type { CatcherNode, QueryLanguage, RetrierNode } from '../../ir/states.js'
import type { Flow } from '../flow.js'
import { emitChain, type Chain, type Continuation, type GraphBuilder } from '../graph.js'
import { field, type Field } from '../scope.js'
import type { AnyFlow, CatchSpec, CommonSpec, Dynamic, RetrySpec, Template } from '../specs.js'

/** What a step builder knows about the state it describes. */
export interface StateEnv {
  readonly name: string
  readonly language: QueryLanguage
  /** What the JSONPath InputPath selects, for rebasing `$.input` accessors. */
  readonly inputBase?: readonly string[] | null
  /** Set when the state's language differs from the machine's, so the emitted state says so. */
  readonly queryLanguage?: QueryLanguage
  readonly flow: Flow<any, any>
}

const JSONPATH_ONLY = [
  'inputPath',
  'outputPath',
  'parameters',
  'resultSelector',
  'resultPath',
  'result',
  'itemsPath',
] as const
const JSONATA_ONLY = ['arguments', 'output'] as const
const COUNTERPART: Record<string, string> = {
  parameters: 'arguments',
  arguments: 'parameters',
  resultSelector: 'output',
  resultPath: 'output (or assign)',
  output: 'resultSelector / resultPath / outputPath',
  inputPath: 'arguments reading $.input',
  outputPath: 'output',
  result: 'output',
}

/** Resolves the state's language and rejects fields the language does not have. */
export function stateEnv(name: string, spec: CommonSpec, flow: Flow<any, any>): StateEnv {
  const machine = flow.context.language
  const language = spec.queryLanguage ?? flow.language
  if (machine === 'JSONata' && language === 'JSONPath') {
    throw new DslError(
      'a JSONPath state cannot sit in a JSONata state machine',
      `/States/${name}/QueryLanguage`,
      'write this state in JSONata, or make the machine JSONPath and mark its JSONata states',
      'SCHEMA_VALIDATION_FAILED',
    )
  }
  const foreign = language === 'JSONata' ? JSONPATH_ONLY : JSONATA_ONLY
  for (const key of foreign) {
    if ((spec as Record<string, unknown>)[key] !== undefined) {
      throw new DslError(
        `${key} is not a field of a ${language} state`,
        `/States/${name}/${key[0]!.toUpperCase()}${key.slice(1)}`,
        `in ${language} use ${COUNTERPART[key] ?? 'the other language'}`,
        'SCHEMA_VALIDATION_FAILED',
      )
    }
  }
  const inputPath = (spec as { inputPath?: string | null }).inputPath
  return {
    name,
    language,
    flow,
    ...(language !== machine ? { queryLanguage: language } : {}),
    ...(inputPath !== undefined ? { inputBase: pathSegments(inputPath) } : {}),
  }
}

const PLAIN_PATH = /^\$(\.[A-Za-z_][A-Za-z0-9_]*)*$/

/** `$.a.b` as `['a', 'b']`; `null` for a path with filters, wildcards or indexes, or a `null` InputPath. */
function pathSegments(path: string | null): string[] | null {
  if (path === null || !PLAIN_PATH.test(path)) return null
  return path.split('.').slice(1)
}

export function payloadContext(env: StateEnv, out: GraphBuilder, field: string, role: 'input' | 'result' = 'input'): PayloadContext {
  const settings = {
    language: env.language,
    role,
    use: (ref: ResourceRefNode) => out.build.use(ref),
    ...(env.inputBase !== undefined ? { inputBase: env.inputBase } : {}),
  }
  return new PayloadContext(settings, `${out.path}/${env.name}/${field}`)
}

/** Renders a payload field (Arguments, Output, ...) given as a value or a function of the scope. */
export function renderField(
  value: Field<Payload, any> | undefined,
  env: StateEnv,
  out: GraphBuilder,
  name: string,
  role: 'input' | 'result' = 'input',
): Json | undefined {
  const template = field(value)
  return template === undefined ? undefined : renderPayload(template, payloadContext(env, out, name, role))
}

/** Renders an object-valued field (Parameters, ResultSelector, Assign): keys may carry `.$` in JSONPath. */
export function renderTemplate(
  value: Field<Template, any> | undefined,
  env: StateEnv,
  out: GraphBuilder,
  name: string,
  role: 'input' | 'result' = 'input',
): JsonObject | undefined {
  const template = field(value)
  if (template === undefined) return undefined
  if (template === null || typeof template !== 'object' || Array.isArray(template) || isExpr(template)) {
    throw new DslError(`${name} must be an object`, `${out.path}/${env.name}/${name}`)
  }
  return renderObject(template, payloadContext(env, out, name, role))
}

/** A variable name: a letter or `_`, then letters, digits or `_`; `states` is Step Functions' own. */
const VARIABLE_NAME = /^[\p{L}_][\p{L}\p{N}_]*$/u

/** Renders an Assign field, refusing variable names Step Functions would reject. */
export function renderAssign(
  value: Field<Template, any> | undefined,
  env: StateEnv,
  out: GraphBuilder,
  name: string,
  role: 'input' | 'result' = 'input',
): JsonObject | undefined {
  const rendered = renderTemplate(value, env, out, name, role)
  for (const key in rendered) {
    const variable = key.endsWith('.$') ? key.slice(0, -2) : key
    if (!VARIABLE_NAME.test(variable) || variable === 'states') {
      throw new DslError(
        `"${variable}" is not a valid variable name`,
        `${out.path}/${env.name}/${name}/${key}`,
        variable === 'states' ? '$states is reserved by Step Functions' : 'start with a letter or _, then use letters, digits or _',
        'SCHEMA_VALIDATION_FAILED',
      )
    }
  }
  return rendered
}

/**
 * A number that may be dynamic: a literal, a path (the `...Path` field in JSONPath) or a
 * JSONata expression. Returns the ASL value and whether it belongs in the `...Path` field.
 */
export function renderDynamic<T extends number | string>(
  value: Field<Dynamic<T>, any> | undefined,
  env: StateEnv,
  out: GraphBuilder,
  name: string,
): { readonly value?: T | string; readonly path?: string } {
  const resolved = field(value)
  if (resolved === undefined) return {}
  if (!isExpr(resolved)) return { value: resolved }
  const ctx = payloadContext(env, out, name)
  if (env.language === 'JSONPath') return { path: exprNode(resolved).toJsonPath(ctx) }
  return { value: `{% ${exprNode(resolved).toJsonata(ctx)} %}` }
}

/** Retry lists are often one constant shared by many states; their frozen nodes can be shared too. */
const retrierCache = new WeakMap<readonly RetrySpec[], readonly RetrierNode[]>()

export function retriers(specs: readonly RetrySpec[] | undefined): readonly RetrierNode[] | undefined {
  if (specs === undefined) return undefined
  let nodes = retrierCache.get(specs)
  if (nodes === undefined) {
    nodes = Object.freeze(specs.map((spec) => createNode<RetrierNode>({ kind: 'Retrier', ...spec })))
    retrierCache.set(specs, nodes)
  }
  return nodes
}

/** Describes a branch's chain now (a `then`, a Parallel branch, a processor), so a mistake in it shows where it was made. */
export function describeBranch(flow: Flow<any, any>, build: (flow: Flow<any, any>) => AnyFlow): Chain | undefined {
  const built: unknown = build(flow.branch())
  if (typeof built !== 'object' || built === null || !('chain' in built)) {
    throw new DslError(
      'a branch function returned no flow',
      '/States',
      'return the flow the function built: (b) => b.pass(...).succeed(...)',
      'DLC_FLOW_DROPPED',
    )
  }
  return (built as { chain: Chain | undefined }).chain
}

export interface DescribedCatch {
  readonly spec: CatchSpec<any, any>
  readonly chain?: Chain | undefined
}

export function describeCatches(specs: readonly CatchSpec<any, any>[] | undefined, env: StateEnv): DescribedCatch[] | undefined {
  return specs?.map((spec, i) => {
    if ((spec.goto === undefined) === (spec.then === undefined)) {
      throw new DslError('a Catch needs exactly one of goto or then', `/States/${env.name}/Catch/${i}`)
    }
    if (spec.then && (spec.output !== undefined || spec.resultPath !== undefined)) {
      throw new DslError(
        'a `then` handler is typed to receive the error output, which output / resultPath would change',
        `/States/${env.name}/Catch/${i}`,
        'goto a handler described with .also<YourInput>(...) instead',
      )
    }
    return { spec, chain: spec.then ? describeBranch(env.flow, spec.then) : undefined }
  })
}

/** Emits each Catch; a `then` chain's states join the same scope and end the execution unless they jump. */
export function catchers(described: readonly DescribedCatch[] | undefined, env: StateEnv, out: GraphBuilder): CatcherNode[] | undefined {
  return described?.map(({ spec, chain }, i) => {
    const next = spec.goto ?? emitChain(chain, undefined, out)
    const at = `Catch/${i}`
    return createNode<CatcherNode>({
      kind: 'Catcher',
      errorEquals: spec.errorEquals,
      next: next as string,
      comment: spec.comment,
      resultPath: spec.resultPath,
      output: renderField(spec.output, env, out, `${at}/Output`, 'result'),
      assign: renderAssign(spec.assign, env, out, `${at}/Assign`, 'result'),
    })
  })
}

export function transition(next: Continuation): { next?: string; end?: true } {
  return next === undefined ? { end: true } : { next }
}

/** The fields of a state that produces a result (Task, Parallel, Map). */
interface ResultingSpec {
  readonly resultSelector?: Field<Template, any>
  readonly resultPath?: string | null
  readonly outputPath?: string | null
  readonly output?: Field<Payload, any>
  readonly assign?: Field<Template, any>
  readonly retry?: readonly RetrySpec[]
}

/** What follows a result, in every state that has one: shaping it, variables, errors, the transition. */
export function resultFields(spec: ResultingSpec, described: readonly DescribedCatch[] | undefined, env: StateEnv, out: GraphBuilder, next: Continuation) {
  return {
    resultSelector: renderTemplate(spec.resultSelector, env, out, 'ResultSelector', 'result'),
    resultPath: spec.resultPath,
    outputPath: spec.outputPath,
    output: renderField(spec.output, env, out, 'Output', 'result'),
    assign: renderAssign(spec.assign, env, out, 'Assign', 'result'),
    retry: retriers(spec.retry),
    catch: catchers(described, env, out),
    ...transition(next),
  }
}

/** Merges an integration's fixed arguments under the user's (the user's keys win). */
export function mergeDefaults(defaults: Template, user: Payload | undefined): Payload | undefined {
  if (user === undefined) return Object.keys(defaults).length > 0 ? defaults : undefined
  if (user === null || typeof user !== 'object' || Array.isArray(user) || isExpr(user)) return user
  return { ...defaults, ...(user as Template) }
}
