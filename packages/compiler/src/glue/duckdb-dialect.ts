import { sqlType, WHITESPACE, type Dialect } from './dialect.js'

/**
 * DuckDB 1.5: standard SQL literals (no backslash escapes), RE2 regular expressions. `IN` with
 * more than a few literals is planned as a join against the list (a MARK join per column, which
 * took a quarter of the ETL's time on a million rows); `list_contains` is a plain function call.
 */
export const duckdb: Dialect = {
  name: 'duckdb',
  string: (value) => `'${value.replaceAll("'", "''")}'`,
  ident: (name) => `"${name.replaceAll('"', '""')}"`,
  type: (type) => sqlType(type, { string: 'VARCHAR', int: 'INTEGER' }),
  fullMatch: (text, regex) => `regexp_full_match(${text}, ${duckdb.string(regex)})`,
  tryCast: (text, type) => `TRY_CAST(${text} AS ${type})`,
  parseTemporal: (text, type, formats) => `CAST(try_strptime(${text}, [${formats.map((format) => duckdb.string(format)).join(', ')}]) AS ${type === 'date' ? 'DATE' : 'TIMESTAMP'})`,
  isIn: (value, literals) => `list_contains([${literals.join(', ')}], ${value})`,
  concatStrict: (parts) => `(${parts.join(' || ')})`,
  trim: (text) => `trim(${text}, ${WHITESPACE.map((code) => `chr(${code})`).join(' || ')})`,
}
