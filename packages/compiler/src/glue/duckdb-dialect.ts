import type { ColumnTypeNode } from '@dlc/dsl'
import { WHITESPACE, type Dialect } from './dialect.js'

/** DuckDB 1.5: standard SQL literals (no backslash escapes), RE2 regular expressions. */
export const duckdb: Dialect = {
  name: 'duckdb',
  string: (value) => `'${value.replaceAll("'", "''")}'`,
  ident: (name) => `"${name.replaceAll('"', '""')}"`,
  type: duckdbType,
  fullMatch: (text, regex) => `regexp_full_match(${text}, ${duckdb.string(regex)})`,
  tryCast: (text, type) => `TRY_CAST(${text} AS ${type})`,
  parseTemporal: (text, type, formats) => `CAST(try_strptime(${text}, [${formats.map((format) => duckdb.string(format)).join(', ')}]) AS ${type === 'date' ? 'DATE' : 'TIMESTAMP'})`,
  concatStrict: (parts) => `(${parts.join(' || ')})`,
  trim: (text) => `trim(${text}, ${WHITESPACE.map((code) => `chr(${code})`).join(' || ')})`,
}

function duckdbType(type: ColumnTypeNode): string {
  switch (type.name) {
    case 'string':
      return 'VARCHAR'
    case 'int':
      return 'INTEGER'
    case 'bigint':
      return 'BIGINT'
    case 'double':
      return 'DOUBLE'
    case 'decimal':
      return `DECIMAL(${type.precision ?? 38}, ${type.scale ?? 0})`
    case 'boolean':
      return 'BOOLEAN'
    case 'date':
      return 'DATE'
    case 'timestamp':
      return 'TIMESTAMP'
  }
}
