/**
 * What dlc can read of a CloudFormation value without deploying it. `${...}` placeholders
 * stay as they are, as `Fn::Sub` would leave them for CloudFormation; `Ref` and `Fn::GetAtt`
 * become the placeholder `Fn::Sub` would write for them (`${Orders}`, `${Fn.Arn}`); anything
 * else (`Fn::If`, `Fn::ImportValue`, ...) becomes a placeholder named after the function and
 * is listed in `unresolved`.
 */
export interface StaticText {
  /** Undefined when nothing of it can be read: the whole value is a function dlc cannot resolve. */
  readonly text: string | undefined
  readonly unresolved: readonly string[]
}

type Json = Readonly<Record<string, unknown>>

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** The one `Ref` or `Fn::...` key of an intrinsic function object, if the value is one. */
export function intrinsicName(value: unknown): string | undefined {
  if (!isRecord(value)) return undefined
  const keys = Object.keys(value)
  const [key] = keys
  return keys.length === 1 && key !== undefined && (key === 'Ref' || key.startsWith('Fn::')) ? key : undefined
}

/**
 * Reads a `DefinitionString`: a string, `Fn::Sub` of a string or of `[string, variables]`, or
 * `Fn::Join` of strings and placeholders.
 *
 * @example staticText({ 'Fn::Join': ['', ['{"StartAt":"', { Ref: 'First' }, '"}']] }) // { text: '{"StartAt":"${First}"}', unresolved: [] }
 */
export function staticText(value: unknown): StaticText {
  if (typeof value === 'string') return { text: value, unresolved: [] }
  const name = intrinsicName(value)
  const argument = name === undefined ? undefined : (value as Json)[name]
  if (name === 'Fn::Sub') {
    const template = Array.isArray(argument) ? argument[0] : argument
    if (typeof template === 'string') return { text: template, unresolved: [] }
  }
  if (name === 'Fn::Join' && Array.isArray(argument) && typeof argument[0] === 'string' && Array.isArray(argument[1])) {
    const unresolved: string[] = []
    const parts = (argument[1] as unknown[]).map((part, index) => {
      const read = placeholder(part)
      if (read.unresolved.length > 0) unresolved.push(...read.unresolved.map((what) => `${what} (part ${index + 1} of Fn::Join)`))
      return read.text
    })
    return { text: parts.join(argument[0]), unresolved }
  }
  return { text: undefined, unresolved: [describe(value)] }
}

/** A value as the text that stands for it inside a definition. */
function placeholder(value: unknown): { readonly text: string; readonly unresolved: readonly string[] } {
  if (typeof value === 'number' || typeof value === 'boolean') return { text: String(value), unresolved: [] }
  const name = intrinsicName(value)
  const argument = name === undefined ? undefined : (value as Json)[name]
  if (name === 'Ref' && typeof argument === 'string') return { text: `\${${argument}}`, unresolved: [] }
  if (name === 'Fn::GetAtt') {
    const target = Array.isArray(argument) ? argument.join('.') : argument
    if (typeof target === 'string') return { text: `\${${target}}`, unresolved: [] }
  }
  const read = staticText(value)
  if (read.text !== undefined) return { text: read.text, unresolved: read.unresolved }
  return { text: `\${${name ?? 'value'}}`, unresolved: read.unresolved }
}

function describe(value: unknown): string {
  const name = intrinsicName(value)
  if (name !== undefined) return name
  if (Array.isArray(value)) return 'an array'
  return value === null ? 'null' : `a ${typeof value}`
}

/**
 * A `Definition` object with each intrinsic function in it replaced by the placeholder that
 * stands for it (see {@link StaticText}); the input is not changed.
 *
 * @example withPlaceholders({ Resource: { 'Fn::GetAtt': ['Fn', 'Arn'] } }) // { value: { Resource: '${Fn.Arn}' }, unresolved: [] }
 */
export function withPlaceholders(value: unknown): { readonly value: unknown; readonly unresolved: readonly string[] } {
  const unresolved: string[] = []
  const visit = (node: unknown, path: string): unknown => {
    if (intrinsicName(node) !== undefined) {
      const read = placeholder(node)
      unresolved.push(...read.unresolved.map((what) => `${what} at ${path || '/'}`))
      return read.text
    }
    if (Array.isArray(node)) return node.map((item, index) => visit(item, `${path}/${index}`))
    if (!isRecord(node)) return node
    const copy: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(node)) {
      Object.defineProperty(copy, key, { value: visit(item, `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`), enumerable: true, writable: true, configurable: true })
    }
    return copy
  }
  return { value: visit(value, ''), unresolved }
}
