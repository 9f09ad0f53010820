import { isRecord, type JsonRecord, type Path, type StateInfo } from '../context.js'
import { perState } from './memo.js'

/** How a JSONPath state field is read: a Path, a Reference Path, or (ErrorPath, CausePath) either of those or an intrinsic call. */
export type PathFieldKind = 'path' | 'reference' | 'path-or-intrinsic'

/**
 * Where a field's object is, relative to the state: a path, or a function that spells it out (a
 * choice rule's, kept as a link to its parent rule). Either way a field's own path is only made
 * when a rule reports it.
 */
type Holder = Path | (() => Path)

/** A field of an ASL object (the state, a catcher, a choice rule, ...) read as a path. */
export class PathField {
  constructor(
    readonly value: unknown,
    readonly name: string,
    readonly kind: PathFieldKind,
    private readonly holder: Holder,
  ) {}

  /** Relative to the state. */
  get at(): Path {
    return [...(typeof this.holder === 'function' ? this.holder() : this.holder), this.name]
  }
}

/**
 * ResultPath and ItemsPath are Reference Paths (ASL spec); Fail's ErrorPath and CausePath also take
 * intrinsic functions (developer guide, Fail state); every other `...Path` field is a Path.
 */
function kindOf(name: string): PathFieldKind {
  if (name === 'ResultPath' || name === 'ItemsPath') return 'reference'
  if (name === 'ErrorPath' || name === 'CausePath') return 'path-or-intrinsic'
  return 'path'
}

const STATE_ITSELF: Path = []

/** The ASL objects of a state whose `...Path` fields are paths: the state, its catchers, the Map's reader config and batcher. */
function aslObjects(state: StateInfo): [Record<string, unknown>, Path][] {
  const out: [Record<string, unknown>, Path][] = [[state.value, STATE_ITSELF]]
  const catchers = state.value['Catch']
  if (Array.isArray(catchers)) catchers.forEach((item: unknown, index) => isRecord(item) && out.push([item, ['Catch', index]]))
  const reader = state.value['ItemReader']
  if (isRecord(reader) && isRecord(reader['ReaderConfig'])) out.push([reader['ReaderConfig'], ['ItemReader', 'ReaderConfig']])
  const batcher = state.value['ItemBatcher']
  if (isRecord(batcher)) out.push([batcher, ['ItemBatcher']])
  return out
}

/**
 * Every field of a JSONPath state whose name ends in `Path`, with its kind. Choice rules are left
 * to {@link choiceRulePaths}, payload templates to {@link payloadTemplates}.
 */
export const pathFields = perState((state: StateInfo): readonly PathField[] => {
  const out: PathField[] = []
  for (const [object, at] of aslObjects(state)) {
    for (const name of state.namesOf(object)) {
      if (name.endsWith('Path')) out.push(new PathField(object[name], name, kindOf(name), at))
    }
  }
  return out
})

/** `Variable` and every comparison ending in `Path` of a Choice state's rules, nested `And`/`Or`/`Not` included. */
export function choiceRulePaths(state: StateInfo): PathField[] {
  const out: PathField[] = []
  forEachChoiceRule(state, (rule, at) => {
    for (const name of state.namesOf(rule)) {
      if (name === 'Variable' || name.endsWith('Path')) out.push(new PathField(rule[name], name, 'path', at))
    }
  })
  return out
}

/** A rule on the walk's stack: its path is kept as a link to its parent, and spelled out only when asked. */
interface RuleEntry {
  readonly rule: unknown
  readonly parent: RuleEntry | undefined
  readonly segments: Path
}

function pathOf(entry: RuleEntry): Path {
  const parts: Path[] = []
  for (let at: RuleEntry | undefined = entry; at !== undefined; at = at.parent) parts.push(at.segments)
  return parts.reverse().flat()
}

/**
 * Visits each rule of a Choice state, nested `And`/`Or`/`Not` rules included, in document order,
 * with a function that spells out the rule's path. Nesting has no documented limit, so the walk
 * keeps its own stack and never copies paths.
 */
export function forEachChoiceRule(state: StateInfo, visit: (rule: JsonRecord, at: () => Path) => void): void {
  const choices = state.value['Choices']
  if (state.type !== 'Choice' || !Array.isArray(choices)) return
  const stack: RuleEntry[] = choices.map((rule: unknown, index): RuleEntry => ({ rule, parent: undefined, segments: ['Choices', index] })).reverse()
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const { rule } = entry
    if (!isRecord(rule)) continue
    const current = entry
    visit(rule, () => pathOf(current))
    const children: RuleEntry[] = []
    for (const list of ['And', 'Or']) {
      const rules = rule[list]
      if (Array.isArray(rules)) rules.forEach((item: unknown, index) => children.push({ rule: item, parent: current, segments: [list, index] }))
    }
    if ('Not' in rule) children.push({ rule: rule['Not'], parent: current, segments: ['Not'] })
    stack.push(...children.reverse())
  }
}

const TEMPLATE_FIELDS = ['Parameters', 'ResultSelector', 'ItemSelector', 'Assign', 'Credentials'] as const

/**
 * Visits the payload templates of a JSONPath state, where `.$` fields are evaluated: Parameters,
 * ResultSelector, ItemSelector, Assign and Credentials, the Map reader's and writer's Parameters,
 * and the Assign of catchers and choice rules.
 */
function forEachPayloadTemplate(state: StateInfo, visit: (template: unknown, at: Path) => void): void {
  const { value } = state
  for (const field of TEMPLATE_FIELDS) if (field in value) visit(value[field], [field])
  for (const holder of ['ItemReader', 'ResultWriter']) {
    const object = value[holder]
    if (isRecord(object) && 'Parameters' in object) visit(object['Parameters'], [holder, 'Parameters'])
  }
  for (const list of ['Catch', 'Choices']) {
    const items = value[list]
    if (!Array.isArray(items)) continue
    for (let index = 0; index < items.length; index++) {
      const item: unknown = items[index]
      if (isRecord(item) && 'Assign' in item) visit(item['Assign'], [list, index, 'Assign'])
    }
  }
}

/** Visits every object field of a template, however deeply nested in objects and arrays. */
export function forEachTemplateField(value: unknown, at: Path, visit: (key: string, value: unknown, at: Path) => void): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) forEachTemplateField(value[index], [...at, index], visit)
    return
  }
  if (!isRecord(value)) return
  for (const key in value) {
    const field = value[key]
    const fieldAt = [...at, key]
    visit(key, field, fieldAt)
    forEachTemplateField(field, fieldAt, visit)
  }
}

/** A payload-template field; a `.$` one is read as a path or an intrinsic call. */
export class TemplateField {
  constructor(
    readonly key: string,
    readonly value: unknown,
    /** Where the object holding it is, relative to the state. */
    private readonly holder: Path,
  ) {}

  /** Relative to the state. */
  get at(): Path {
    return [...this.holder, this.key]
  }
}

/**
 * The fields of the state's payload templates that a rule reads, however deeply nested, in
 * document order: every `.$` field and every string. (An object or array value is walked, not
 * listed; a number, boolean or null is neither evaluated nor looks like a path.)
 */
export const templateFields = perState((state: StateInfo): readonly TemplateField[] => {
  const out: TemplateField[] = []
  forEachPayloadTemplate(state, (template, at) => collectTemplateFields(template, at, out))
  return out
})

function collectTemplateFields(value: unknown, at: Path, out: TemplateField[]): void {
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const item: unknown = value[index]
      if (typeof item === 'object' && item !== null) collectTemplateFields(item, [...at, index], out)
    }
    return
  }
  if (!isRecord(value)) return
  for (const key in value) {
    const field = value[key]
    if (typeof field === 'string' || key.endsWith('.$')) out.push(new TemplateField(key, field, at))
    if (typeof field === 'object' && field !== null) collectTemplateFields(field, [...at, key], out)
  }
}

/** Every field whose name ends in `.$` in the state's payload templates. */
export const dynamicFields = perState((state: StateInfo): readonly TemplateField[] => templateFields(state).filter(({ key }) => key.endsWith('.$')))
