import { memoByText } from './memo.js'
/**
 * A JSONPath reader for the dialect Step Functions accepts: Jayway JsonPath (the ASL spec
 * names it), rooted at `$` (the input), `$$` (the Context Object) or `$name` (a variable).
 * It only answers "is this a Path, and is it a Reference Path"; it never evaluates.
 *
 * Deployed definitions rely on Jayway's leniency, so `$.[0]`, `$.Snapshots.[0].State`,
 * `$.[*].['bucket', 'key']` and filters such as `$.[?(@.OU > 0)]` are Paths.
 */

export type PathRoot = 'input' | 'context' | 'variable'

/** What kind of selection a segment makes; every kind but `member` and `index` may select many nodes. */
export type SegmentKind = 'member' | 'index' | 'wildcard' | 'filter' | 'script' | 'slice' | 'union' | 'descendant' | 'function'

export interface ParsedPath {
  readonly root: PathRoot
  /** The variable's name when `root` is `variable`. */
  readonly variable?: string
  readonly segments: readonly SegmentKind[]
}

export type PathResult =
  | { readonly ok: true; readonly path: ParsedPath }
  | { readonly ok: false; readonly message: string; readonly index: number }

const SINGLE_NODE: ReadonlySet<SegmentKind> = new Set(['member', 'index'])

/**
 * A Reference Path identifies one node: no `@ , : ?`, wildcards, descent or functions (ASL spec, "Reference Paths").
 *
 * @example isReferencePath(parsed) // false for $.items[*]
 */
export function isReferencePath(path: ParsedPath): boolean {
  return path.segments.every((segment) => SINGLE_NODE.has(segment))
}

class PathSyntaxError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message)
  }
}

/**
 * Reads a Path, reporting the first syntax error with its character offset.
 *
 * @example parsePath('$.orders[0].id') // { ok: true, path: { root: 'input', segments: ['member', 'index', 'member'] } }
 */
export const parsePath = memoByText((text: string): PathResult => {
  try {
    return { ok: true, path: new PathReader(text).read() }
  } catch (error) {
    if (error instanceof PathSyntaxError) return { ok: false, message: error.message, index: error.index }
    throw error
  }
})

const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*/

/** `$` or `$$` followed by plain `.name` steps, as most paths are: what the reader makes of them is known without it. */
const PLAIN_PATH = /^\$\$?(?:\.[A-Za-z_][A-Za-z0-9_]*)*$/

/**
 * Whether a text is a plain path such as `$.order.id` or `$$.Execution.Id`: a Path and a
 * Reference Path, told without reading it (or looking it up in the parser's cache).
 *
 * @example isPlainPath('$.order.id') // true; isPlainPath('$.items[0]') // false, though it is a Path
 */
export function isPlainPath(text: string): boolean {
  return PLAIN_PATH.test(text)
}

class PathReader {
  private at = 0
  private readonly segments: SegmentKind[] = []

  constructor(private readonly text: string) {}

  read(): ParsedPath {
    const { text } = this
    if (text[0] !== '$') this.fail("a path must start with '$'")
    let root: PathRoot = 'input'
    let variable: string | undefined
    this.at = 1
    if (text[1] === '$') {
      root = 'context'
      this.at = 2
    } else {
      const name = VARIABLE_NAME.exec(text.slice(1))?.[0]
      if (name !== undefined) {
        root = 'variable'
        variable = name
        this.at = 1 + name.length
      }
    }
    while (this.at < text.length) this.segment()
    return variable === undefined ? { root, segments: this.segments } : { root, variable, segments: this.segments }
  }

  private segment(): void {
    const { text } = this
    const char = text[this.at]
    if (char === '[') return this.bracket()
    if (char !== '.') this.fail(`unexpected '${char ?? ''}': expected '.' or '['`)
    this.at++
    if (text[this.at] === '.') {
      this.at++
      this.segments.push('descendant')
      if (text[this.at] === '[') return this.bracket()
    } else if (text[this.at] === '[') {
      // Jayway reads `$.[0]` as `$[0]`; deployed definitions use it.
      return this.bracket()
    }
    if (text[this.at] === '*') {
      this.at++
      this.segments.push('wildcard')
      return
    }
    this.memberName()
  }

  /** A dot-notation name; a backslash escapes the next character (`$.store\.book`, as the spec shows). */
  private memberName(): void {
    const { text } = this
    const start = this.at
    while (this.at < text.length) {
      const char = text[this.at]
      if (char === '\\') {
        if (this.at + 1 >= text.length) this.fail('a backslash must escape a character')
        this.at += 2
        continue
      }
      if (char === '.' || char === '[' || char === '(' || /\s/.test(char ?? '')) break
      this.at++
    }
    if (this.at === start) this.fail('expected a field name')
    this.segments.push('member')
    if (text[this.at] === '(') {
      // A Jayway function such as `length()` ends the path.
      if (text[this.at + 1] !== ')') this.fail("a path function takes no arguments: expected '()'")
      this.at += 2
      this.segments[this.segments.length - 1] = 'function'
      if (this.at < text.length) this.fail('a path function must end the path')
    } else if (this.at < text.length && /\s/.test(text[this.at] ?? '')) {
      this.fail("a field name with spaces needs bracket notation, as in $['my field']")
    }
  }

  private bracket(): void {
    const { text } = this
    const open = this.at
    this.at++
    this.skipSpaces()
    const char = text[this.at]
    if (char === '?') {
      this.at++
      this.skipSpaces()
      if (text[this.at] !== '(') this.fail("a filter must be written '[?(...)]'")
      this.balanced()
      this.segments.push('filter')
    } else if (char === '(') {
      this.balanced()
      this.segments.push('script')
    } else if (char === '*') {
      this.at++
      this.segments.push('wildcard')
    } else if (char === "'" || char === '"') {
      this.segments.push(this.list(() => this.quoted()) > 1 ? 'union' : 'member')
    } else {
      this.numbers()
    }
    this.skipSpaces()
    if (text[this.at] !== ']') this.fail(`unclosed '[' at ${open}`)
    this.at++
  }

  /** Comma-separated items; returns how many. */
  private list(item: () => void): number {
    let count = 0
    for (;;) {
      item()
      count++
      this.skipSpaces()
      if (this.text[this.at] !== ',') return count
      this.at++
      this.skipSpaces()
    }
  }

  private quoted(): void {
    const { text } = this
    const quote = text[this.at]
    if (quote !== "'" && quote !== '"') this.fail('expected a quoted field name')
    this.at++
    while (this.at < text.length && text[this.at] !== quote) this.at += text[this.at] === '\\' ? 2 : 1
    if (this.at >= text.length) this.fail('unterminated quoted field name')
    this.at++
  }

  /** An index, an index union `[0,2]` or a slice `[1:3]`, `[-2:]`, `[::2]`. */
  private numbers(): void {
    const { text } = this
    let colons = 0
    let count = 0
    let sawNumber = false
    for (;;) {
      this.skipSpaces()
      const number = /^-?\d+/.exec(text.slice(this.at))?.[0]
      if (number !== undefined) {
        this.at += number.length
        sawNumber = true
      }
      this.skipSpaces()
      const next = text[this.at]
      if (next === ':' && colons < 2 && count === 0) {
        colons++
        this.at++
        continue
      }
      if (!sawNumber && colons === 0) this.fail("expected an index, a quoted name, '*' or a filter inside '[ ]'")
      if (next === ',' && colons === 0) {
        count++
        sawNumber = false
        this.at++
        continue
      }
      break
    }
    this.segments.push(colons > 0 ? 'slice' : count > 0 ? 'union' : 'index')
  }

  /** Skips a parenthesised filter or script expression, minding quotes and nesting. */
  private balanced(): void {
    const { text } = this
    const open = this.at
    let depth = 0
    while (this.at < text.length) {
      const char = text[this.at]
      if (char === "'" || char === '"') {
        this.quoted()
        continue
      }
      if (char === '(') depth++
      if (char === ')') depth--
      this.at++
      if (depth === 0) return
    }
    this.fail(`unclosed '(' at ${open}`)
  }

  private skipSpaces(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at] ?? '')) this.at++
  }

  private fail(message: string): never {
    throw new PathSyntaxError(message, this.at)
  }
}

/**
 * Whether a plain string reads like a path into the input or the Context Object (`$`, `$.a`,
 * `$[0]`, `$$.Execution.Id`). `$name` is not counted: it may as well be a price or a template.
 *
 * @example looksLikePath('$.orderId') // true
 */
export function looksLikePath(text: string): boolean {
  // Most strings tested are state names, ARNs and types: the first character settles them.
  if (text.charCodeAt(0) !== 36 || !/^\$\$?($|[.[])/.test(text)) return false
  return isPlainPath(text) || parsePath(text).ok
}
