import jsonata from 'jsonata'
import { isRecord, type CheckContext, type JsonRecord, type Path, type StateInfo } from '../context.js'
import { memoByText, perState } from './memo.js'

/** A `{% ... %}` string of a JSONata state and where it is, relative to the state. */
export interface JsonataString {
  readonly text: string
  readonly at: Path
  /** The expression's parse, read once for every rule; none for an unterminated string (the delimiters rule's own). */
  readonly parsed: JsonataParse | undefined
}

/** Fields that hold ASL structure, never a JSONata value; nested graphs are visited as states of their own. */
const NOT_EVALUATED = new Set(['Type', 'Comment', 'Next', 'End', 'Default', 'QueryLanguage', 'Resource', 'ErrorEquals', 'Branches', 'ItemProcessor', 'Iterator', 'StartAt'])

/** Every string of a JSONata state that opens with `{%`, in Arguments, Output, Assign, Condition, Items, timeouts and the rest. */
export const jsonataStrings = perState((state: StateInfo): readonly JsonataString[] => {
  const out: JsonataString[] = []
  collectJsonataStrings(state.value, fieldPaths.root(), out)
  return out
})

function collectJsonataStrings(value: unknown, at: FieldPath, out: JsonataString[]): void {
  if (typeof value === 'string') {
    if (value.startsWith('{%')) out.push(at.string(value))
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) collectJsonataStrings(value[index], at.child(index), out)
  } else if (isRecord(value)) {
    const structural = isAslObject(at.path)
    for (const key in value) {
      if (structural && NOT_EVALUATED.has(key)) continue
      collectJsonataStrings(value[key], at.child(key), out)
    }
  }
}

/**
 * Paths inside a state, each made once and shared by every string found at it, and with it the
 * record of each string seen there: the same field of thousands of states is one array and a
 * few records, not one of each per string (at 10,000 states those copies were ~24,000 arrays and
 * records kept for the whole validation, copied by every scavenge). Bounded like the parse cache,
 * so a long-lived process does not keep every path it ever saw.
 */
class FieldPath {
  private readonly children = new Map<string | number, FieldPath>()
  private readonly strings = new Map<string, JsonataString>()

  constructor(
    readonly path: Path,
    private readonly paths: FieldPaths,
  ) {}

  child(key: string | number): FieldPath {
    let child = this.children.get(key)
    if (child === undefined) {
      child = new FieldPath([...this.path, key], this.paths)
      this.children.set(key, child)
      this.paths.size++
    }
    return child
  }

  /** The record of a `{%` string found at this path. */
  string(text: string): JsonataString {
    let found = this.strings.get(text)
    if (found === undefined) {
      found = { text, at: this.path, parsed: isTerminated(text) ? parseJsonata(text) : undefined }
      this.strings.set(text, found)
      this.paths.size++
    }
    return found
  }
}

class FieldPaths {
  size = 0
  private top = new FieldPath([], this)

  constructor(private readonly limit: number) {}

  /** The empty path; every path made so far is forgotten once there are more than `limit`. */
  root(): FieldPath {
    if (this.size > this.limit) {
      this.size = 0
      this.top = new FieldPath([], this)
    }
    return this.top
  }
}

const fieldPaths = new FieldPaths(10_000)

/**
 * Visits every closed `{% %}` expression of the machine's JSONata states with its parse: the
 * loop every JSONata rule starts with. Unterminated strings are the delimiters rule's own.
 */
export function forEachJsonataExpression(context: CheckContext, visit: (state: StateInfo, at: Path, parsed: JsonataParse) => void): void {
  for (const state of context.states) {
    if (state.language !== 'JSONata') continue
    for (const { at, parsed } of jsonataStrings(state)) if (parsed !== undefined) visit(state, at, parsed)
  }
}

/** The state itself, a catcher or a choice rule: objects whose fields are ASL's, not the user's. */
function isAslObject(at: Path): boolean {
  return at.length === 0 || (at.length === 2 && (at[0] === 'Catch' || at[0] === 'Choices') && typeof at[1] === 'number')
}

/** A string is a JSONata expression when it is wrapped in `{%` and `%}`; the space before `%}` is optional. */
function isTerminated(text: string): boolean {
  return text.length >= 4 && text.endsWith('%}')
}

export type JsonataParse =
  | { readonly ok: true; readonly ast: unknown; readonly expression: string }
  | { readonly ok: false; readonly message: string; readonly position: number | undefined; readonly expression: string }

/**
 * Parses the expression inside `{% %}` with jsonata's own parser (never evaluated: DESIGN.md).
 *
 * @example parseJsonata('{% $states.input.id %}').ok // true
 */
export const parseJsonata = memoByText((text: string): JsonataParse => {
  const expression = text.slice(2, -2)
  try {
    return { ok: true, ast: jsonata(expression).ast(), expression }
  } catch (error) {
    const record: JsonRecord = isRecord(error) ? error : {}
    const message = typeof record['message'] === 'string' ? record['message'] : String(error)
    const position = typeof record['position'] === 'number' ? record['position'] : undefined
    return { ok: false, message, position, expression }
  }
})

/**
 * Wraps what a rule works out from an expression's AST so it is worked out once per expression:
 * parses are cached by text, so the same AST object comes back for the same expression.
 */
export function perExpression<T>(analyse: (ast: unknown) => T): (ast: unknown) => T {
  const results = new WeakMap<object, { readonly value: T }>()
  return (ast) => {
    if (typeof ast !== 'object' || ast === null) return analyse(ast)
    let result = results.get(ast)
    if (result === undefined) {
      result = { value: analyse(ast) }
      results.set(ast, result)
    }
    return result.value
  }
}

/** Child nodes that are evaluated in the same context as their parent. */
const SAME_CONTEXT = ['lhs', 'rhs', 'expression', 'expressions', 'condition', 'then', 'else', 'arguments', 'procedure', 'pattern', 'update', 'delete'] as const
/** Child nodes evaluated against a value the parent selected (predicates, filters, group-by, sort terms, function bodies). */
const NESTED_CONTEXT = ['predicate', 'stages', 'group', 'terms', 'body'] as const

/**
 * Visits every node of a jsonata AST, telling whether it is evaluated at the top level, where
 * `$` and bare names would read an input document that Step Functions does not provide.
 */
export function walkJsonata(node: unknown, visit: (node: JsonRecord, topLevel: boolean) => void, topLevel = true): void {
  if (Array.isArray(node)) {
    for (const item of node) walkJsonata(item, visit, topLevel)
    return
  }
  if (!isRecord(node)) return
  visit(node, topLevel)
  if (node['type'] === 'path' && Array.isArray(node['steps'])) {
    node['steps'].forEach((step: unknown, index) => walkJsonata(step, visit, topLevel && index === 0))
  }
  for (const key of SAME_CONTEXT) walkJsonata(node[key], visit, topLevel)
  for (const key of NESTED_CONTEXT) walkJsonata(node[key], visit, false)
}

/** The name after `$states.` when a path node reads a field of the reserved `states` variable. */
export function statesField(node: JsonRecord): string | undefined {
  if (node['type'] !== 'path' || !Array.isArray(node['steps'])) return undefined
  const [first, second] = node['steps'] as unknown[]
  if (!isRecord(first) || first['type'] !== 'variable' || first['value'] !== 'states') return undefined
  return isRecord(second) && second['type'] === 'name' && typeof second['value'] === 'string' ? second['value'] : undefined
}
