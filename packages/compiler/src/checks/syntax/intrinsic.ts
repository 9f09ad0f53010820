import { memoByText } from './memo.js'
/**
 * A reader for intrinsic function calls such as `States.Format('{} \'x\'', $.name, 3)`: the
 * ASL spec's grammar (Appendix B) and the developer guide's escapes (`\'`, `\{`, `\}`, `\\`).
 * It builds a small tree and never evaluates.
 */

export type IntrinsicArgument =
  | { readonly kind: 'string'; readonly index: number; /** How many unescaped `{}` it holds, for States.Format. */ readonly placeholders: number }
  | { readonly kind: 'number' | 'boolean' | 'null'; readonly index: number }
  | { readonly kind: 'path'; readonly text: string; readonly index: number }
  | IntrinsicCall

export interface IntrinsicCall {
  readonly kind: 'call'
  /** As written, e.g. `States.Format`. */
  readonly name: string
  readonly args: readonly IntrinsicArgument[]
  /** Where the name starts in the text. */
  readonly index: number
}

export type IntrinsicResult =
  | { readonly ok: true; readonly call: IntrinsicCall }
  | { readonly ok: false; readonly message: string; readonly index: number }

class IntrinsicSyntaxError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message)
  }
}

/**
 * Reads one intrinsic function call that spans the whole text.
 *
 * @example parseIntrinsic("States.Array($.a, 'b')") // { ok: true, call: { name: 'States.Array', args: [path, string] } }
 */
export const parseIntrinsic = memoByText((text: string): IntrinsicResult => {
  try {
    const reader = new IntrinsicReader(text)
    const call = reader.call()
    reader.end()
    return { ok: true, call }
  } catch (error) {
    if (error instanceof IntrinsicSyntaxError) return { ok: false, message: error.message, index: error.index }
    throw error
  }
})

/** Whether a `.$` value is meant as an intrinsic call rather than a path: it does not start with `$`. */
export function looksLikeIntrinsic(text: string): boolean {
  return /^\s*[A-Za-z_][\w.]*\s*\(/.test(text)
}

const ESCAPABLE = new Set(["'", '{', '}', '\\'])

class IntrinsicReader {
  private at = 0

  constructor(private readonly text: string) {}

  call(): IntrinsicCall {
    this.skipSpaces()
    const index = this.at
    const name = /^[A-Za-z_][\w.]*/.exec(this.text.slice(this.at))?.[0]
    if (name === undefined) this.fail('expected an intrinsic function name such as States.Format')
    this.at += name.length
    this.skipSpaces()
    if (this.text[this.at] !== '(') this.fail(`expected '(' after ${name}`)
    this.at++
    const args: IntrinsicArgument[] = []
    this.skipSpaces()
    if (this.text[this.at] === ')') {
      this.at++
      return { kind: 'call', name, args, index }
    }
    for (;;) {
      args.push(this.argument())
      this.skipSpaces()
      const char = this.text[this.at]
      this.at++
      if (char === ')') return { kind: 'call', name, args, index }
      if (char !== ',') this.fail(char === undefined ? `unclosed '(' of ${name}` : `unexpected '${char}': expected ',' or ')'`, this.at - 1)
    }
  }

  end(): void {
    this.skipSpaces()
    if (this.at < this.text.length) this.fail(`unexpected text after the call: '${this.text.slice(this.at)}'`)
  }

  private argument(): IntrinsicArgument {
    this.skipSpaces()
    const { text } = this
    const index = this.at
    const char = text[this.at]
    if (char === "'") return { kind: 'string', placeholders: this.string(), index }
    if (char === '$') return { kind: 'path', text: this.path(), index }
    const rest = text.slice(this.at)
    const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(rest)?.[0]
    if (number !== undefined) {
      this.at += number.length
      return { kind: 'number', index }
    }
    for (const [word, kind] of [
      ['true', 'boolean'],
      ['false', 'boolean'],
      ['null', 'null'],
    ] as const) {
      if (rest.startsWith(word) && !/[\w.(]/.test(rest[word.length] ?? '')) {
        this.at += word.length
        return { kind, index }
      }
    }
    if (/^[A-Za-z_]/.test(rest)) return this.call()
    return this.fail(char === undefined ? 'expected an argument' : `unexpected '${char}': expected an argument`)
  }

  /** A single-quoted string, returning its `{}` count; only `\'`, `\{`, `\}` and `\\` may follow a backslash. */
  private string(): number {
    const { text } = this
    const open = this.at
    this.at++
    let placeholders = 0
    while (this.at < text.length) {
      const char = text[this.at]
      if (char === "'") {
        this.at++
        return placeholders
      }
      if (char === '{' && text[this.at + 1] === '}') placeholders++
      if (char === '\\') {
        const escaped = text[this.at + 1]
        if (escaped === undefined || !ESCAPABLE.has(escaped)) {
          this.fail("a backslash in an intrinsic string must escape ', {, } or \\")
        }
        this.at += 2
        continue
      }
      this.at++
    }
    return this.fail('unterminated string', open)
  }

  /** A path argument runs to the next `,` or `)` outside brackets, parentheses and quotes. */
  private path(): string {
    const { text } = this
    const start = this.at
    let depth = 0
    while (this.at < text.length) {
      const char = text[this.at]
      if (char === "'" || char === '"') {
        const close = text.indexOf(char, this.at + 1)
        if (close < 0) this.fail('unterminated quoted name in a path')
        this.at = close + 1
        continue
      }
      if (char === '[' || char === '(') depth++
      else if (char === ']' || (char === ')' && depth > 0)) depth--
      else if (depth === 0 && (char === ',' || char === ')')) break
      this.at++
    }
    return text.slice(start, this.at).trimEnd()
  }

  private skipSpaces(): void {
    while (this.at < this.text.length && /\s/.test(this.text[this.at] ?? '')) this.at++
  }

  private fail(message: string, index = this.at): never {
    throw new IntrinsicSyntaxError(message, index)
  }
}
