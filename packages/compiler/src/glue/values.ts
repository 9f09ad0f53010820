import type { ValueNode } from '@dlc/dsl'
import { numberLiteral, type Dialect } from './dialect.js'

/** A derived column's expression in SQL; both engines share it but for text concatenation. */
export function valueSql(sql: Dialect, node: ValueNode): string {
  switch (node.kind) {
    case 'ColumnRef':
      return sql.ident(node.column)
    case 'Literal':
      if (node.value === null) return 'NULL'
      if (typeof node.value === 'string') return sql.string(node.value)
      if (typeof node.value === 'boolean') return node.value ? 'TRUE' : 'FALSE'
      return numberLiteral(node.value)
    case 'Call': {
      const args = node.args.map((arg) => valueSql(sql, arg))
      const [left = 'NULL', right = 'NULL'] = args
      switch (node.fn) {
        case 'add':
          return `(${left} + ${right})`
        case 'subtract':
          return `(${left} - ${right})`
        case 'multiply':
          return `(${left} * ${right})`
        case 'divide':
          // Always a double; a zero divisor gives NULL in both engines (DuckDB would give Infinity).
          return `(CAST(${left} AS DOUBLE) / nullif(CAST(${right} AS DOUBLE), 0))`
        case 'round':
          return `round(${left}, ${right})`
        case 'concat':
          return sql.concatStrict(args)
        default:
          return `${node.fn}(${args.join(', ')})`
      }
    }
  }
}
