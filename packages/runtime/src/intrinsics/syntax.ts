/**
 * The compiler's intrinsic reader, reused so the validator and the runtime agree on what parses.
 * Its tree records where each literal starts rather than its value (the validator never needs the
 * value); the readers below take the value from the text at that position.
 */
export { parseIntrinsic, type IntrinsicArgument, type IntrinsicCall } from '@dlc/compiler'

/** A string literal as written: its value, and the pieces around its unescaped `{}` for States.Format. */
export interface StringLiteral {
  readonly value: string
  readonly pieces: readonly string[]
}

/** Reads the single-quoted literal that starts at `index`, resolving `\'`, `\{`, `\}` and `\\`. */
export function readString(text: string, index: number): StringLiteral {
  const pieces: string[] = []
  let piece = ''
  let value = ''
  let at = index + 1
  while (at < text.length) {
    const char = text[at] ?? ''
    if (char === "'") break
    if (char === '\\') {
      const escaped = text[at + 1] ?? ''
      piece += escaped
      value += escaped
      at += 2
      continue
    }
    if (char === '{' && text[at + 1] === '}') {
      pieces.push(piece)
      piece = ''
      value += '{}'
      at += 2
      continue
    }
    piece += char
    value += char
    at++
  }
  pieces.push(piece)
  return { value, pieces }
}

/** Reads the number literal that starts at `index`. */
export function readNumber(text: string, index: number): number {
  const literal = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(index))?.[0] ?? ''
  return Number(literal)
}

/** Reads the `true`, `false` or `null` literal that starts at `index`. */
export function readWord(text: string, index: number): boolean | null {
  if (text.startsWith('true', index)) return true
  if (text.startsWith('false', index)) return false
  return null
}
