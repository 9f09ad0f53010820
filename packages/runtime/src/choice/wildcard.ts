import { ChoiceRuleError, invalidRule } from './failure.js'

/**
 * Compiles a StringMatches pattern: `*` matches any run of characters (none included) and nothing
 * else is special. `\*` is a literal star and `\\` a literal backslash (`"\\*"` and `"\\\\"` in
 * JSON); any other backslash is an open escape, which the Amazon States Language makes an error.
 *
 * @example wildcard('log-*.txt')('log-2024.txt') // true
 */
export function wildcard(pattern: string): (text: string) => boolean {
  const pieces = literalPieces(pattern)
  const first = pieces[0] ?? ''
  if (pieces.length === 1) return (text) => text === first
  const last = pieces[pieces.length - 1] ?? ''
  const middle = pieces.slice(1, -1)
  return (text) => {
    const end = text.length - last.length
    if (end < first.length || !text.startsWith(first) || !text.endsWith(last)) return false
    // Taking each middle piece at its leftmost place leaves the most room for the rest, so a
    // single pass decides the match: no backtracking, no regular expression.
    let at = first.length
    for (const piece of middle) {
      const found = text.indexOf(piece, at)
      if (found === -1 || found + piece.length > end) return false
      at = found + piece.length
    }
    return true
  }
}

/** The literal text between the pattern's unescaped stars, escapes resolved. */
function literalPieces(pattern: string): string[] {
  const pieces = ['']
  for (let index = 0; index < pattern.length; index++) {
    const char = pattern[index] ?? ''
    if (char === '*') {
      pieces.push('')
      continue
    }
    let literal = char
    if (char === '\\') {
      const next = pattern[index + 1]
      if (next !== '*' && next !== '\\') {
        throw new ChoiceRuleError(invalidRule(`the StringMatches pattern '${pattern}' has an open escape backslash at character ${index + 1}; escape '*' as \\* and '\\' as \\\\`))
      }
      literal = next
      index++
    }
    pieces[pieces.length - 1] += literal
  }
  return pieces
}
