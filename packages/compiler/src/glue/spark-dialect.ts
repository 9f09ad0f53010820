import { sqlType, WHITESPACE, type Dialect } from './dialect.js'
import { sparkDatetimePattern } from './spark-formats.js'

/**
 * Spark SQL 3.3/3.5 (Glue 4/5) with `spark.sql.ansi.enabled=false` and
 * `spark.sql.legacy.timeParserPolicy=CORRECTED`, which the generated job sets: a text that
 * does not parse or cast is NULL, never an error. String literals take backslash escapes.
 */
export const spark: Dialect = {
  name: 'spark',
  string: (value) => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n').replaceAll('\r', '\\r')}'`,
  ident: (name) => `\`${name.replaceAll('`', '``')}\``,
  type: (type) => sqlType(type, { string: 'STRING', int: 'INT' }),
  fullMatch: (text, regex) => `(${text} RLIKE ${spark.string(`\\A(?:${regex})\\z`)})`,
  tryCast: (text, type) => `try_cast(${text} AS ${type})`,
  parseTemporal: (text, type, formats) => {
    const parsed = formats.map((format) => `to_timestamp(${text}, ${spark.string(sparkDatetimePattern(format))})`)
    const first = parsed.length === 1 ? (parsed[0] as string) : `coalesce(${parsed.join(', ')})`
    return type === 'date' ? `to_date(${first})` : first
  },
  isIn: (value, literals) => `${value} IN (${literals.join(', ')})`,
  concatStrict: (parts) => `concat(${parts.join(', ')})`,
  trim: (text) => `trim(BOTH concat(${WHITESPACE.map((code) => `char(${code})`).join(', ')}) FROM ${text})`,
}
