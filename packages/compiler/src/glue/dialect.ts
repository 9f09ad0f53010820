import type { ColumnTypeNode } from '@dlc/dsl'

/**
 * What differs between the two SQL engines the ETL runs on: DuckDB (Glue Python shell and the
 * local runtime) and Spark SQL (Glue `glueetl`). Everything else in the generated SQL is shared.
 */
export interface Dialect {
  readonly name: 'duckdb' | 'spark'
  /** A string literal. */
  string(value: string): string
  /** A quoted identifier. */
  ident(name: string): string
  /** The engine's name for a column type. */
  type(type: ColumnTypeNode): string
  /** True when the whole of `text` matches `regex` (RE2 in DuckDB, Java regex in Spark). */
  fullMatch(text: string, regex: string): string
  /** The cast, or NULL where the text does not fit the type (overflow, out of range). */
  tryCast(text: string, type: string): string
  /** A date/timestamp parsed with the strftime formats, tried in order; NULL when none fits. */
  parseTemporal(text: string, type: 'date' | 'timestamp', formats: readonly string[]): string
  /**
   * True when `value` equals one of `literals` (SQL literals), NULL when `value` is NULL: what
   * `value IN (...)` means, written the way the engine evaluates fastest.
   */
  isIn(value: string, literals: readonly string[]): string
  /** Text concatenation where any NULL part makes the result NULL. */
  concatStrict(parts: readonly string[]): string
  /** The text without leading and trailing whitespace: spaces, tabs, line breaks (`trim()` alone removes only spaces). */
  trim(text: string): string
}

/** The code points `trim` strips: tab, line feed, vertical tab, form feed, carriage return, space, no-break space. */
export const WHITESPACE: readonly number[] = [9, 10, 11, 12, 13, 32, 160]

/** A column type's SQL name; the engines differ only in how they spell text and 32-bit integers. */
export function sqlType(type: ColumnTypeNode, spelling: { readonly string: string; readonly int: string }): string {
  switch (type.name) {
    case 'string':
      return spelling.string
    case 'int':
      return spelling.int
    case 'decimal':
      return `DECIMAL(${type.precision ?? 38}, ${type.scale ?? 0})`
    default:
      return type.name.toUpperCase()
  }
}

/** A SQL numeric literal that both engines read exactly. */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`${value} is not a finite number`)
  return String(value)
}
