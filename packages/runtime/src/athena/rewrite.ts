import { AthenaQueryError, positionOf } from './errors.js'
import { jodaToStrftime, mysqlToStrftime, SHIMMED_NAMES } from './shims.js'
import { nextSignificant, previousSignificant, tokenize, unquote, type Token } from './tokens.js'

export interface RewriteInput {
  readonly query: string
  /** QueryExecutionContext.Database: `sales_db.sales` and `awsdatacatalog.sales_db.sales` name its tables. */
  readonly database: string
  /** ExecutionParameters: SQL literals, one per `?` in order (`'2026-11-24'`, `42`). */
  readonly parameters: readonly string[]
  /** The database's table names (lowercase). */
  readonly tables: ReadonlySet<string>
}

export interface RewrittenQuery {
  /** The query as DuckDB runs it. */
  readonly sql: string
  /** The catalog tables the query names. */
  readonly tables: ReadonlySet<string>
  /** Whether it reads the `"$path"` pseudo-column. */
  readonly usesPath: boolean
}

/**
 * Athena SQL to DuckDB SQL: the execution parameters put in place of the `?`s (Athena substitutes
 * them as literals), the database qualifiers dropped from table names, and calls to the shimmed
 * Trino functions renamed to their `athena_` macros (the MySQL formats of date_format/date_parse
 * and the Joda formats of format_datetime/parse_datetime translated to strftime's). Strings, quoted names and comments are left alone.
 *
 * @example rewriteQuery({ query: "SELECT regexp_like(x, 'a') FROM sales_db.t WHERE d = ?", database: 'sales_db', parameters: ["'2026-11-24'"], tables: new Set(['t']) }).sql
 * // "SELECT athena_regexp_like(x, 'a') FROM t WHERE d = ('2026-11-24')"
 */
export function rewriteQuery(input: RewriteInput): RewrittenQuery {
  const withParameters = substituteParameters(input.query, input.parameters)
  const tokens = tokenize(withParameters)
  dropQualifiers(tokens, input.database)
  renameShims(tokens, withParameters)
  const tables = new Set<string>()
  let usesPath = false
  for (const token of tokens) {
    if (token.kind !== 'word' && token.kind !== 'quoted') continue
    const name = unquote(token).toLowerCase()
    if (input.tables.has(name)) tables.add(name)
    if (token.kind === 'quoted' && name === '$path') usesPath = true
  }
  return { sql: tokens.map((token) => token.text).join(''), tables, usesPath }
}

function substituteParameters(query: string, parameters: readonly string[]): string {
  const tokens = tokenize(query)
  const markers = tokens.filter((token) => token.kind === 'parameter')
  if (markers.length !== parameters.length) {
    throw new AthenaQueryError('INVALID_PARAMETER_USAGE', `Incorrect number of parameters: expected ${markers.length} but found ${parameters.length}`, positionOf(query, markers[0]?.offset ?? 0))
  }
  let next = 0
  return tokens.map((token) => (token.kind === 'parameter' ? `(${parameters[next++] ?? ''})` : token.text)).join('')
}

type MutableToken = { -readonly [K in keyof Token]: Token[K] }

// `[awsdatacatalog.]<database>.<table>` -> `<table>`: the views live in one schema.
function dropQualifiers(tokens: MutableToken[], database: string): void {
  const isName = (token: Token | undefined, name: string): boolean =>
    token !== undefined && (token.kind === 'word' || token.kind === 'quoted') && unquote(token).toLowerCase() === name.toLowerCase()
  for (let index = 0; index < tokens.length; index++) {
    if (!isName(tokens[index], database)) continue
    const dot = nextSignificant(tokens, index + 1)
    if (dot === -1 || tokens[dot]?.text !== '.') continue
    const before = previousSignificant(tokens, index - 1)
    if (before !== -1 && tokens[before]?.text === '.') {
      const catalog = previousSignificant(tokens, before - 1)
      if (!isName(tokens[catalog], 'awsdatacatalog')) continue
      for (let at = catalog; at < index; at++) blank(tokens[at])
    }
    for (let at = index; at <= dot; at++) blank(tokens[at])
  }
}

function renameShims(tokens: MutableToken[], sql: string): void {
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]
    if (token?.kind !== 'word') continue
    const name = token.text.toLowerCase()
    if (!SHIMMED_NAMES.has(name)) continue
    const open = nextSignificant(tokens, index + 1)
    if (open === -1 || tokens[open]?.text !== '(') continue
    const before = previousSignificant(tokens, index - 1)
    if (before !== -1 && tokens[before]?.text === '.') continue
    token.text = `athena_${name}`
    const translate = FORMATS[name]
    if (translate !== undefined) translateFormat(tokens, open, name, sql, translate)
  }
}

/** The functions whose format argument (the second) is translated to strftime's. */
const FORMATS: Readonly<Record<string, (pattern: string) => string | undefined>> = {
  date_format: (pattern) => mysqlToStrftime(pattern, false),
  date_parse: (pattern) => mysqlToStrftime(pattern, true),
  format_datetime: jodaToStrftime,
  parse_datetime: jodaToStrftime,
}

// DuckDB's strptime takes a constant format only, so the translation happens here, on a literal.
function translateFormat(tokens: MutableToken[], open: number, name: string, sql: string, translate: (pattern: string) => string | undefined): void {
  let depth = 0
  let comma = -1
  for (let index = open; index < tokens.length; index++) {
    const text = tokens[index]?.text
    if (text === '(') depth++
    else if (text === ')') {
      depth--
      if (depth === 0) break
    } else if (text === ',' && depth === 1) {
      comma = index
      break
    }
  }
  const format = comma === -1 ? -1 : nextSignificant(tokens, comma + 1)
  const token = tokens[format]
  const after = nextSignificant(tokens, format + 1)
  if (token === undefined || token.kind !== 'string' || tokens[after]?.text !== ')') {
    throw new AthenaQueryError('NOT_SUPPORTED', `dlc's local Athena runs ${name} with a literal format only`, positionOf(sql, tokens[open]?.offset ?? 0))
  }
  const pattern = token.text.slice(1, -1).replaceAll("''", "'")
  const translated = translate(pattern)
  if (translated === undefined) throw new AthenaQueryError('INVALID_FUNCTION_ARGUMENT', `dlc's local Athena cannot translate the ${name} format '${pattern}'`, positionOf(sql, token.offset))
  token.text = `'${translated.replaceAll("'", "''")}'`
}

function blank(token: MutableToken | undefined): void {
  if (token !== undefined) token.text = ''
}
