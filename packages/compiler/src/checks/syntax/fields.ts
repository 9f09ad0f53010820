import { isRecord, type JsonRecord, type Path, type StateInfo } from '../context.js'
import { perState } from './memo.js'

/** How a JSONPath state field is read: a Path, a Reference Path, or (ErrorPath, CausePath) either of those or an intrinsic call. */
export type PathFieldKind = 'path' | 'reference' | 'path-or-intrinsic'

export interface PathField {
  readonly value: unknown
  /** Relative to the state. */
  readonly at: Path
  readonly name: string
  readonly kind: PathFieldKind
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

/** The ASL objects of a state whose `...Path` fields are paths: the state, its catchers, the Map's reader config and batcher. */
function aslObjects(state: StateInfo): [Record<string, unknown>, Path][] {
  const out: [Record<string, unknown>, Path][] = [[state.value, []]]
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
    for (const name in object) {
      if (name.endsWith('Path')) out.push({ value: object[name], at: [...at, name], name, kind: kindOf(name) })
    }
  }
  return out
})

/** `Variable` and every comparison ending in `Path` of a Choice state's rules, nested `And`/`Or`/`Not` included. */
export function choiceRulePaths(state: StateInfo): PathField[] {
  const out: PathField[] = []
  forEachChoiceRule(state, (rule, at) => {
    for (const name in rule) {
      if (name === 'Variable' || name.endsWith('Path')) out.push({ value: rule[name], at: [...at(), name], name, kind: 'path' })
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
  if (state.value['Type'] !== 'Choice' || !Array.isArray(choices)) return
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
 * The payload templates of a JSONPath state, where `.$` fields are evaluated: Parameters,
 * ResultSelector, ItemSelector, Assign and Credentials, the Map reader's and writer's
 * Parameters, and the Assign of catchers and choice rules.
 */
export function payloadTemplates(state: StateInfo): [unknown, Path][] {
  const out: [unknown, Path][] = []
  for (const field of TEMPLATE_FIELDS) if (field in state.value) out.push([state.value[field], [field]])
  for (const holder of ['ItemReader', 'ResultWriter']) {
    const value = state.value[holder]
    if (isRecord(value) && 'Parameters' in value) out.push([value['Parameters'], [holder, 'Parameters']])
  }
  for (const list of ['Catch', 'Choices']) {
    const items = state.value[list]
    if (!Array.isArray(items)) continue
    items.forEach((item: unknown, index) => {
      if (isRecord(item) && 'Assign' in item) out.push([item['Assign'], [list, index, 'Assign']])
    })
  }
  return out
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
export interface DynamicField {
  readonly key: string
  readonly value: unknown
  /** Relative to the state. */
  readonly at: Path
}

/** Every field of the state's payload templates, however deeply nested, in document order. */
export const templateFields = perState((state: StateInfo): readonly DynamicField[] => {
  const out: DynamicField[] = []
  for (const [template, at] of payloadTemplates(state)) {
    forEachTemplateField(template, at, (key, value, fieldAt) => out.push({ key, value, at: fieldAt }))
  }
  return out
})

/** Every field whose name ends in `.$` in the state's payload templates. */
export const dynamicFields = perState((state: StateInfo): readonly DynamicField[] => templateFields(state).filter(({ key }) => key.endsWith('.$')))
