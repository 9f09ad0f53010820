/**
 * A small SQL tokenizer: enough to rewrite Athena SQL for DuckDB without touching what sits in
 * strings, quoted identifiers and comments.
 */
export type TokenKind = 'word' | 'quoted' | 'string' | 'number' | 'comment' | 'space' | 'parameter' | 'symbol'

export interface Token {
  readonly kind: TokenKind
  readonly text: string
  /** Where the token starts in the SQL. */
  readonly offset: number
}

/**
 * Splits SQL into tokens; joining every token's text gives the SQL back.
 *
 * @example tokenize("SELECT 'a?' FROM t WHERE x = ?").filter((t) => t.kind === 'parameter').length // 1
 */
export function tokenize(sql: string): Token[] {
  const tokens: Token[] = []
  let index = 0
  const push = (kind: TokenKind, end: number): void => {
    tokens.push({ kind, text: sql.slice(index, end), offset: index })
    index = end
  }
  while (index < sql.length) {
    const char = sql[index] as string
    const next = sql[index + 1]
    if (/\s/.test(char)) push('space', scan(sql, index, (c) => /\s/.test(c)))
    else if (char === '-' && next === '-') push('comment', lineEnd(sql, index))
    else if (char === '/' && next === '*') push('comment', blockEnd(sql, index))
    else if (char === "'") push('string', quoteEnd(sql, index, "'"))
    else if (char === '"' || char === '`') push('quoted', quoteEnd(sql, index, char))
    else if (char === '?') push('parameter', index + 1)
    else if (/[0-9]/.test(char) || (char === '.' && next !== undefined && /[0-9]/.test(next))) push('number', scan(sql, index, (c) => /[0-9.eE]/.test(c)))
    else if (/[A-Za-z_\u0080-\uffff]/.test(char)) push('word', scan(sql, index, (c) => /[A-Za-z0-9_$\u0080-\uffff]/.test(c)))
    else push('symbol', index + 1)
  }
  return tokens
}

/** A quoted identifier's name: `"$path"` -> `$path`. */
export function unquote(token: Token): string {
  return token.kind === 'quoted' ? token.text.slice(1, -1).replaceAll(token.text[0]! + token.text[0]!, token.text[0]!) : token.text
}

/** The index of the next token that is not space or comment, or -1. */
export function nextSignificant(tokens: readonly Token[], from: number): number {
  for (let index = from; index < tokens.length; index++) {
    const kind = tokens[index]?.kind
    if (kind !== 'space' && kind !== 'comment') return index
  }
  return -1
}

export function previousSignificant(tokens: readonly Token[], from: number): number {
  for (let index = from; index >= 0; index--) {
    const kind = tokens[index]?.kind
    if (kind !== 'space' && kind !== 'comment') return index
  }
  return -1
}

function scan(sql: string, start: number, accepts: (char: string) => boolean): number {
  let end = start
  while (end < sql.length && accepts(sql[end] as string)) end++
  return end
}

function lineEnd(sql: string, start: number): number {
  const end = sql.indexOf('\n', start)
  return end === -1 ? sql.length : end
}

function blockEnd(sql: string, start: number): number {
  const end = sql.indexOf('*/', start + 2)
  return end === -1 ? sql.length : end + 2
}

// A doubled quote is the quote itself; an unclosed quote runs to the end (DuckDB reports it).
function quoteEnd(sql: string, start: number, quote: string): number {
  let index = start + 1
  while (index < sql.length) {
    if (sql[index] === quote) {
      if (sql[index + 1] === quote) index += 2
      else return index + 1
    } else index++
  }
  return sql.length
}
