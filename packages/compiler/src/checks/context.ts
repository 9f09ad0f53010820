import type { QueryLanguage } from '@dlc/dsl'

/** Where something is in the definition, as JSON pointer segments. */
export type Path = readonly (string | number)[]

export type JsonRecord = Readonly<Record<string, unknown>>

/** One state graph: the machine itself, a Parallel branch or a Map's ItemProcessor. Transitions never leave it. */
export interface Scope {
  /** `[]` for the machine, e.g. `['States', 'Fan', 'Branches', 0]` for a branch. */
  readonly path: Path
  readonly value: JsonRecord
  readonly startAt: unknown
  /** The scope's states by name; empty when `States` is missing or not an object. */
  readonly states: ReadonlyMap<string, StateInfo>
}

/**
 * The field names of the definition's objects, enumerated once per validation for every rule that
 * walks them: validate() reads a copy made of dictionary-mode objects (see same-shape-copy.ts), on
 * which every for-in or Object.keys gathers and orders the keys afresh (0.1 to 0.3 µs a state).
 */
export class FieldNames {
  private readonly cache = new Map<JsonRecord, readonly string[]>()

  /** The names a for-in over `object` visits, in its order. */
  of(object: JsonRecord): readonly string[] {
    let names = this.cache.get(object)
    if (names === undefined) {
      names = namesOf(object)
      this.cache.set(object, names)
    }
    return names
  }
}

/**
 * The names a for-in over `object` visits. Without a prototype that is Object.keys, which reads a
 * dictionary-mode object about twice as fast.
 */
function namesOf(object: JsonRecord): string[] {
  if (Object.getPrototypeOf(object) === null) return Object.keys(object)
  const names: string[] = []
  for (const name in object) names.push(name)
  return names
}

/** A state of the definition. Its path and transitions are worked out when a rule first asks. */
export class StateInfo {
  private pathCache: Path | undefined
  private transitionsCache: Transition[] | undefined
  private namesCache: readonly string[] | undefined
  /** What rules worked out from the state, by `perState` slot; made when a rule first asks. */
  private derived: unknown[] | undefined

  constructor(
    readonly name: string,
    readonly value: JsonRecord,
    /** Its `Type` as written, read once for every rule. */
    readonly type: unknown,
    readonly scope: Scope,
    /** Its own `QueryLanguage`, else the machine's, else JSONPath: nested states do not inherit from their Parallel or Map. */
    readonly language: QueryLanguage,
    private readonly fieldNames: FieldNames,
  ) {}

  /** The names of the state's fields, in for-in order. */
  get names(): readonly string[] {
    return (this.namesCache ??= namesOf(this.value))
  }

  /** The names of the fields of the state or of an object inside it (a catcher, a choice rule, ...), in for-in order. */
  namesOf(object: JsonRecord): readonly string[] {
    return object === this.value ? this.names : this.fieldNames.of(object)
  }

  get path(): Path {
    return (this.pathCache ??= [...this.scope.path, 'States', this.name])
  }

  /** What a rule works out from the state in `slot`, worked out once for all rules (see `perState`). */
  derive<T>(slot: number, find: (state: StateInfo) => T): T {
    const derived = (this.derived ??= [])
    if (!(slot in derived)) derived[slot] = find(this)
    return derived[slot] as T
  }

  /** Every `Next`, `Default`, `Choices[].Next` and `Catch[].Next` of the state. */
  get transitions(): readonly Transition[] {
    return (this.transitionsCache ??= transitionsOf(this.value))
  }
}

/** What every rule needs, worked out once from a definition of unknown shape. */
export interface CheckContext {
  /** STANDARD unless the caller says the machine is EXPRESS (some integrations need STANDARD). */
  readonly type: 'STANDARD' | 'EXPRESS'
  readonly machineLanguage: QueryLanguage
  readonly scopes: readonly Scope[]
  /** Every state of the machine, nested ones included, in document order (a state before the states nested in it). */
  readonly states: readonly StateInfo[]
}

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function asLanguage(value: unknown): QueryLanguage | undefined {
  return value === 'JSONata' || value === 'JSONPath' ? value : undefined
}

/** Reads the scopes and states of a definition, skipping anything that is not shaped like ASL. */
export function buildContext(definition: unknown, type: CheckContext['type'] = 'STANDARD'): CheckContext {
  const root = isRecord(definition) ? definition : {}
  const machineLanguage = asLanguage(root['QueryLanguage']) ?? 'JSONPath'
  const found: Found = { machineLanguage, scopes: [], states: [], fieldNames: new FieldNames() }
  visitScope(found, root, [])
  return { type, machineLanguage, scopes: found.scopes, states: found.states }
}

/** The scopes and states read so far, in document order. */
interface Found {
  readonly machineLanguage: QueryLanguage
  readonly scopes: Scope[]
  readonly states: StateInfo[]
  readonly fieldNames: FieldNames
}

/** Adds a scope and its states, each followed by the scopes nested in it. */
function visitScope(found: Found, value: JsonRecord, path: Path): void {
  const byName = new Map<string, StateInfo>()
  const scope: Scope = { path, value, startAt: value['StartAt'], states: byName }
  found.scopes.push(scope)
  const stateValues = value['States']
  if (!isRecord(stateValues)) return
  for (const name of namesOf(stateValues)) {
    const state = stateValues[name]
    if (!isRecord(state)) continue
    const info = new StateInfo(name, state, state['Type'], scope, asLanguage(state['QueryLanguage']) ?? found.machineLanguage, found.fieldNames)
    byName.set(name, info)
    found.states.push(info)
    visitNestedGraphs(found, info)
  }
}

/** A Parallel's branches and a Map's ItemProcessor (or its older name, Iterator). */
function visitNestedGraphs(found: Found, state: StateInfo): void {
  const { value, type } = state
  const branches = value['Branches']
  if (type === 'Parallel' && Array.isArray(branches)) {
    for (let index = 0; index < branches.length; index++) {
      const branch: unknown = branches[index]
      if (isRecord(branch)) visitScope(found, branch, [...state.path, 'Branches', index])
    }
  } else if (type === 'Map') {
    const key = isRecord(value['ItemProcessor']) ? 'ItemProcessor' : 'Iterator'
    const graph = value[key]
    if (isRecord(graph)) visitScope(found, graph, [...state.path, key])
  }
}

/** A transition out of a state: its target name and where it is written, relative to the state. */
export interface Transition {
  readonly target: string
  readonly field: Path
}

const NEXT: Path = ['Next']
const DEFAULT: Path = ['Default']

function transitionsOf(value: JsonRecord): Transition[] {
  const out: Transition[] = []
  if (typeof value['Next'] === 'string') out.push({ target: value['Next'], field: NEXT })
  if (typeof value['Default'] === 'string') out.push({ target: value['Default'], field: DEFAULT })
  for (const list of ['Choices', 'Catch']) {
    const items = value[list]
    if (!Array.isArray(items)) continue
    for (let index = 0; index < items.length; index++) {
      const item: unknown = items[index]
      if (isRecord(item) && typeof item['Next'] === 'string') out.push({ target: item['Next'], field: [list, index, 'Next'] })
    }
  }
  return out
}

/** Succeed, Fail and `"End": true` end an execution; a Choice cannot. */
export function isTerminal(state: StateInfo): boolean {
  const type = state.type
  return type === 'Succeed' || type === 'Fail' || (type !== 'Choice' && state.value['End'] === true)
}
