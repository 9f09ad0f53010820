import { sqlType, WHITESPACE, type Dialect } from './dialect.js'

/** DuckDB 1.5: standard SQL literals (no backslash escapes), RE2 regular expressions. */
export const duckdb: Dialect = {
  name: 'duckdb',
  string: (value) => `'${value.replaceAll("'", "''")}'`,
  ident: (name) => `"${name.replaceAll('"', '""')}"`,
  type: (type) => sqlType(type, { string: 'VARCHAR', int: 'INTEGER' }),
  fullMatch: (text, regex) => `regexp_full_match(${text}, ${duckdb.string(regex)})`,
  tryCast: (text, type) => `TRY_CAST(${text} AS ${type})`,
  parseTemporal: (text, type, formats) => `CAST(try_strptime(${text}, [${formats.map((format) => duckdb.string(format)).join(', ')}]) AS ${type === 'date' ? 'DATE' : 'TIMESTAMP'})`,
  concatStrict: (parts) => `(${parts.join(' || ')})`,
  trim: (text) => `trim(${text}, ${WHITESPACE.map((code) => `chr(${code})`).join(' || ')})`,
}
