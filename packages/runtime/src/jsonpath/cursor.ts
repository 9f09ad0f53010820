import { PathSyntaxError } from './errors.js'

const SPACE = /\s/

/** A position in a path's text, shared by the path and filter readers. */
export class Cursor {
  at = 0

  constructor(readonly text: string) {}

  /** The character at the cursor; a method, so that a comparison does not narrow it for the rest of a function. */
  char(): string | undefined {
    return this.text[this.at]
  }

  get done(): boolean {
    return this.at >= this.text.length
  }

  peek(offset: number): string | undefined {
    return this.text[this.at + offset]
  }

  startsWith(token: string): boolean {
    return this.text.startsWith(token, this.at)
  }

  isSpace(): boolean {
    return SPACE.test(this.char() ?? '')
  }

  skipSpaces(): void {
    while (!this.done && this.isSpace()) this.at++
  }

  /** Fails unless the next significant character is `char`, then steps past it. */
  expect(char: string, problem: string): void {
    this.skipSpaces()
    if (this.char() !== char) this.fail(problem)
    this.at++
  }

  fail(problem: string, at: number = this.at): never {
    throw new PathSyntaxError(this.text, problem, at)
  }

  /**
   * Reads a quoted text at the cursor (`'...'` or `"..."`) with Jayway's backslash escapes.
   *
   * @example new Cursor("'it\\'s'").quoted() // "it's"
   */
  quoted(): string {
    const quote = this.char()
    const open = this.at
    let value = ''
    this.at++
    while (!this.done && this.char() !== quote) {
      if (this.char() === '\\') {
        value += this.escape()
        continue
      }
      value += this.char()
      this.at++
    }
    if (this.done) this.fail(`unclosed ${quote === "'" ? 'single' : 'double'} quote`, open)
    this.at++
    return value
  }

  /** One backslash escape: `\n`, `\t`, `\uXXXX`, ...; any other escaped character stands for itself. */
  private escape(): string {
    const next = this.peek(1)
    if (next === undefined) this.fail('a backslash must escape a character')
    this.at += 2
    switch (next) {
      case 'b':
        return '\b'
      case 'f':
        return '\f'
      case 'n':
        return '\n'
      case 'r':
        return '\r'
      case 't':
        return '\t'
      case 'u': {
        const hex = this.text.slice(this.at, this.at + 4)
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.fail('\\u must be followed by four hexadecimal digits', this.at - 2)
        this.at += 4
        return String.fromCharCode(parseInt(hex, 16))
      }
      default:
        return next
    }
  }
}
