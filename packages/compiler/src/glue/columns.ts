import type { ColumnNode, ColumnRuleNode, ColumnTypeNode, CsvSourceNode } from '@dlc/dsl'
import { numberLiteral, type Dialect } from './dialect.js'

/** One SQL step of a column's cleaning, from the text before it. */
interface CleaningStep {
  readonly sql: (input: string) => string
  /** The step's SQL holds its input twice (a CASE that returns it). */
  readonly readsInputTwice: boolean
}

/**
 * The text a header names, after the null tokens and the column's cleaning rules, as levels: the
 * first reads the header's column, each next one reads the level before it as a column. A level
 * ends where a step would hold its input twice, so no step's SQL is ever copied into the next:
 * nesting them copies the text 2^n times, which DuckDB then computes 2^n times.
 * @example cleaningLevels(sql, country, source).reduce((text, level) => level(text), '"country"')
 */
export function cleaningLevels(sql: Dialect, column: ColumnNode, source: CsvSourceNode): ((input: string) => string)[] {
  const steps: CleaningStep[] = [
    once((input) => `coalesce(${input}, '')`),
    // Numbers, dates and booleans are read without surrounding spaces, before their own rules.
    ...(column.type.name === 'string' ? [] : [once(sql.trim)]),
    noValue(sql, source.nullTokens),
    ...column.rules.flatMap((rule) => ruleSteps(sql, rule, source)),
  ]
  const levels: ((input: string) => string)[] = []
  let level = (input: string): string => input
  for (const [index, step] of steps.entries()) {
    if (step.readsInputTwice && index > 0) {
      levels.push(level)
      level = step.sql
    } else {
      const before = level
      level = (input) => step.sql(before(input))
    }
  }
  return [...levels, level]
}

function ruleSteps(sql: Dialect, rule: ColumnRuleNode, source: CsvSourceNode): CleaningStep[] {
  switch (rule.rule) {
    case 'trim':
      return [once(sql.trim), noValue(sql, source.nullTokens)]
    case 'upper':
      return [once((input) => `upper(${input})`), noValue(sql, source.nullTokens)]
    case 'lower':
      return [once((input) => `lower(${input})`), noValue(sql, source.nullTokens)]
    case 'nullIf':
      return [noValue(sql, rule.values)]
    case 'default':
      return [once((input) => `coalesce(${input}, ${sql.string(String(rule.value))})`)]
    default:
      return []
  }
}

function once(step: (input: string) => string): CleaningStep {
  return { sql: step, readsInputTwice: false }
}

function noValue(sql: Dialect, tokens: readonly string[]): CleaningStep {
  return { sql: (input) => nullIfAny(input, tokens, sql), readsInputTwice: tokens.length > 0 }
}

/**
 * NULL when the text is one of the tokens. One list, not a `nullif` per token: engines
 * expand `nullif(a, b)` to `CASE WHEN a = b THEN NULL ELSE a END`, so nested `nullif`s copy the
 * text twice per token (2^10 copies for ten), which took DuckDB seconds to plan for 200 rows.
 */
function nullIfAny(text: string, tokens: readonly string[], sql: Dialect): string {
  if (tokens.length === 0) return text
  return `CASE WHEN ${sql.isIn(text, tokens.map(sql.string))} THEN NULL ELSE ${text} END`
}

/** The typed value of a cleaned text; NULL where the text is absent or is not a valid value. */
export function typedValue(sql: Dialect, type: ColumnTypeNode, text: string, source: CsvSourceNode): string {
  const comma = source.decimalComma
  switch (type.name) {
    case 'string':
      return text
    case 'int':
    case 'bigint':
      return number(sql, text, sql.type(type), comma ? INTEGER_DECIMAL_COMMA : INTEGER, comma ? [['.', '']] : [])
    case 'double':
      return number(sql, text, sql.type(type), comma ? NUMBER_DECIMAL_COMMA : DOUBLE, comma ? DECIMAL_COMMA_TO_POINT : [])
    case 'decimal':
      return number(sql, text, sql.type(type), comma ? NUMBER_DECIMAL_COMMA : DECIMAL, comma ? DECIMAL_COMMA_TO_POINT : [])
    case 'boolean':
      return `CASE WHEN ${sql.isIn(`lower(${text})`, TRUE_WORDS.map(sql.string))} THEN TRUE WHEN ${sql.isIn(`lower(${text})`, FALSE_WORDS.map(sql.string))} THEN FALSE END`
    case 'date':
    case 'timestamp': {
      const formats = type.formats ?? [type.name === 'date' ? '%Y-%m-%d' : '%Y-%m-%d %H:%M:%S']
      return `CASE WHEN ${sql.fullMatch(text, formats.map(formatSyntax).join('|'))} THEN ${sql.parseTemporal(text, type.name, formats)} END`
    }
  }
}

/** What each strftime directive may match: `%Y` is four digits, so `5.11.26` is no date of year 26. */
const DIRECTIVE_SYNTAX: Readonly<Record<string, string>> = {
  Y: '[0-9]{4}',
  y: '[0-9]{2}',
  m: '[0-9]{1,2}',
  '-m': '[0-9]{1,2}',
  d: '[0-9]{1,2}',
  '-d': '[0-9]{1,2}',
  e: ' ?[0-9]{1,2}',
  H: '[0-9]{1,2}',
  I: '[0-9]{1,2}',
  M: '[0-9]{2}',
  S: '[0-9]{2}',
  f: '[0-9]{1,9}',
  j: '[0-9]{1,3}',
  p: '[AaPp][Mm]',
  b: '[A-Za-z]{3}',
  a: '[A-Za-z]{3}',
  '%': '%',
}

/**
 * The shape a text must have to be read with a strftime format. Engines differ on what their
 * parsers let through (DuckDB reads a two-digit `%Y`); the syntax check makes them agree.
 */
function formatSyntax(format: string): string {
  const pattern = format.replace(/%(-?[a-zA-Z%])|([^%])/g, (_match, directive: string | undefined, literal: string | undefined) =>
    directive === undefined ? (literal ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : (DIRECTIVE_SYNTAX[directive] ?? '.+'),
  )
  return `(${pattern})`
}

const TRUE_WORDS = ['true', 't', 'yes', 'y', '1']
const FALSE_WORDS = ['false', 'f', 'no', 'n', '0']
const INTEGER = '[+-]?[0-9]+'
const DOUBLE = '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?'
const DECIMAL = '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)'
/** `1.234` / `1234`: `.` only as a thousands separator between groups of three digits. */
const INTEGER_DECIMAL_COMMA = '[+-]?([0-9]{1,3}([.][0-9]{3})+|[0-9]+)'
/** `1.234,56` / `1234,5` / `-0,5`. */
const NUMBER_DECIMAL_COMMA = '[+-]?([0-9]{1,3}([.][0-9]{3})+|[0-9]+)(,[0-9]+)?'
const DECIMAL_COMMA_TO_POINT: readonly (readonly [string, string])[] = [['.', ''], [',', '.']]

/** Engines cast `3.5`, `1e3` or `0x10` to integers in different ways; the syntax check makes both agree. */
function number(sql: Dialect, text: string, type: string, syntax: string, replacements: readonly (readonly [string, string])[]): string {
  const normalised = replacements.reduce((expression, [from, to]) => `replace(${expression}, ${sql.string(from)}, ${sql.string(to)})`, text)
  return `CASE WHEN ${sql.fullMatch(text, syntax)} THEN ${sql.tryCast(normalised, type)} END`
}

/**
 * The column's checks as one CASE: the reason of the first that fails, NULL when all pass.
 * A text that does not type is checked first; then the rules, in the order written.
 */
export function columnCheck(sql: Dialect, column: ColumnNode, text: string, value: string): string | undefined {
  const quoted = (rest: string): string => `concat(${sql.string(`${column.name}: "`)}, ${text}, ${sql.string(`" ${rest}`)})`
  const branches: string[] = []
  if (column.type.name !== 'string') {
    branches.push(`WHEN ${text} IS NOT NULL AND ${value} IS NULL THEN ${quoted(`is not a valid ${typeLabel(column.type)}`)}`)
  }
  for (const rule of column.rules) {
    switch (rule.rule) {
      case 'required':
        branches.push(`WHEN ${value} IS NULL THEN ${sql.string(`${column.name}: a value is required`)}`)
        break
      case 'min':
        branches.push(`WHEN ${value} < ${bound(sql, column.type, rule.value)} THEN ${quoted(`is below the minimum ${rule.value}`)}`)
        break
      case 'max':
        branches.push(`WHEN ${value} > ${bound(sql, column.type, rule.value)} THEN ${quoted(`is above the maximum ${rule.value}`)}`)
        break
      case 'pattern':
        branches.push(`WHEN NOT ${sql.fullMatch(text, rule.regex)} THEN ${quoted(`does not match the pattern ${rule.regex}`)}`)
        break
      case 'oneOf':
        branches.push(`WHEN NOT ${sql.isIn(value, rule.values.map((allowed) => bound(sql, column.type, allowed)))} THEN ${quoted(`is not one of ${rule.values.join(', ')}`)}`)
        break
      default:
        break
    }
  }
  return branches.length === 0 ? undefined : `CASE ${branches.join(' ')} END`
}

/** How a reason names a type: `int`, `decimal(12,2)`, `date (%Y-%m-%d or %d/%m/%Y)`. */
export function typeLabel(type: ColumnTypeNode): string {
  if (type.name === 'decimal') return `decimal(${type.precision ?? 38},${type.scale ?? 0})`
  if (type.name === 'date' || type.name === 'timestamp') return `${type.name} (${(type.formats ?? []).join(' or ')})`
  return type.name
}

function bound(sql: Dialect, type: ColumnTypeNode, value: string | number): string {
  if (typeof value === 'number') return numberLiteral(value)
  if (type.name === 'date') return `DATE ${sql.string(value)}`
  if (type.name === 'timestamp') return `TIMESTAMP ${sql.string(value)}`
  return sql.string(value)
}
