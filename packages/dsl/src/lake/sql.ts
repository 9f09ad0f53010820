import { DslError, exprNode, isExpr, type Expr } from '../expr/expr.js'
import type { ColumnName, Dataset } from './dataset.js'
import type { ExpectationNode } from './ir.js'

/** Marks where the run's batch date goes in a query: an Athena execution parameter `?`. */
export const batchDate = Object.freeze({ kind: 'BatchDate' as const })

type SqlValue = Dataset<unknown> | ColumnName<unknown> | typeof batchDate | number

/**
 * A query for Athena. `Row` is the shape of one result row, so a check's expectation can
 * only name columns the query returns.
 */
export interface Sql<Row> {
  readonly kind: 'Sql'
  /** The text, when written inline. */
  readonly text?: string
  /** The `.sql` file, relative to the pipeline module, when read from one. */
  readonly file?: string
  readonly batchDateParameters: number
  readonly __row?: Row
}

/**
 * An inline query: datasets render as their table, columns as their name, `batchDate` as a parameter.
 * @example sql<{ n: number }>`SELECT count(*) AS n FROM ${sales} WHERE ${sales.columns.order_id} IS NULL`
 */
export function sql<Row = { readonly [column: string]: unknown }>(strings: TemplateStringsArray, ...values: readonly SqlValue[]): Sql<Row> {
  let text = strings[0] ?? ''
  let parameters = 0
  values.forEach((value, index) => {
    text += render(value, index) + (strings[index + 1] ?? '')
    if (value === batchDate) parameters += 1
  })
  return Object.freeze({ kind: 'Sql', text: text.trim(), batchDateParameters: parameters })
}

/**
 * A query kept in a `.sql` file beside the pipeline module; each `?` in it takes the batch date.
 * @example sqlFile<{ month: string; revenue: number }>('sql/revenue_by_month.sql')
 */
export function sqlFile<Row = { readonly [column: string]: unknown }>(path: string): Sql<Row> {
  if (!path.endsWith('.sql') || path.startsWith('/')) {
    throw new DslError(`"${path}" is not a relative .sql path`, '/queries', 'name the file relative to the pipeline module, e.g. sqlFile("sql/revenue_by_month.sql")', 'DLC_INVALID_QUERY')
  }
  return Object.freeze({ kind: 'Sql', file: path, batchDateParameters: -1 })
}

/** Quoted strings and identifiers, comments, or anything else up to the next of those. */
const SQL_TOKEN = /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|[^'"-/]+|[\s\S]/g

function tokens(text: string): string[] {
  return text.match(SQL_TOKEN) ?? []
}

const isComment = (token: string) => token.startsWith('--') || token.startsWith('/*')
const isQuoted = (token: string) => token.startsWith("'") || token.startsWith('"')

/** Counts the `?` parameters of a query, outside quotes and comments. */
export function countParameters(text: string): number {
  return tokens(text)
    .filter((token) => !isComment(token) && !isQuoted(token))
    .reduce((count, token) => count + (token.match(/\?/g) ?? []).length, 0)
}

/**
 * The query on one line for the state machine's QueryString: comments dropped, runs of
 * whitespace outside quotes made one space. The `.sql` file and the named query keep it as written.
 */
export function oneLine(text: string): string {
  return tokens(text)
    .filter((token) => !isComment(token))
    .map((token) => (isQuoted(token) ? token : token.replace(/\s+/g, ' ')))
    .join('')
    .replace(/ {2,}/g, ' ')
    .trim()
}

function render(value: SqlValue, index: number): string {
  if (value === batchDate) return '?'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new DslError(`sql value ${index + 1} is ${value}`, '/queries', 'interpolate finite numbers only', 'DLC_INVALID_QUERY')
    return String(value)
  }
  if (typeof value === 'object' && value !== null && (value.kind === 'Dataset' || value.kind === 'ColumnName')) return value.name
  throw new DslError(`sql value ${index + 1} is not a dataset, column, number or batchDate`, '/queries', 'text values would be SQL injection: put literals in the SQL itself', 'DLC_INVALID_QUERY')
}

/** A bound: a number, or a figure of the run: `(run) => run.salesEtl.rowsWritten`. */
export type Bound<Run> = number | ((run: Run) => Expr<number>)

/** What a check expects of its query's result: no rows, or bounds on columns of its first row. */
export type Expectation<Row, Run = unknown> =
  | 'no rows'
  | { readonly [K in keyof Row]?: Bound<Run> | { readonly atLeast?: Bound<Run>; readonly atMost?: Bound<Run>; readonly above?: Bound<Run>; readonly below?: Bound<Run> } }

const BOUNDS = { atLeast: 'ge', atMost: 'le', above: 'gt', below: 'lt' } as const

export function expectationNodes(expectation: Expectation<unknown, unknown>, at: string, run: unknown): ExpectationNode[] {
  if (expectation === 'no rows') return [{ kind: 'NoRows' }]
  const value = (bound: unknown, where: string): number | { readonly jsonata: string } => {
    if (typeof bound === 'number' && Number.isFinite(bound)) return bound
    const expr = typeof bound === 'function' ? (bound as (run: unknown) => unknown)(run) : undefined
    if (!isExpr(expr)) throw new DslError('a bound is neither a number nor a figure of the run', where, 'write a number, or (run) => run.salesEtl.rowsWritten', 'DLC_INVALID_QUERY')
    return { jsonata: exprNode(expr).toJsonata({ language: 'JSONata', role: 'input', at: where }) }
  }
  const nodes = Object.entries(expectation as { readonly [column: string]: unknown }).flatMap(([column, rule]): ExpectationNode[] => {
    if (typeof rule !== 'object' || rule === null) return [{ kind: 'Value', column, op: 'eq', value: value(rule, `${at}/${column}`) }]
    return Object.entries(rule).map(([bound, limit]) => {
      const op = BOUNDS[bound as keyof typeof BOUNDS]
      if (op === undefined) throw new DslError(`"${bound}" is not a bound`, `${at}/${column}`, 'use atLeast, atMost, above or below', 'DLC_INVALID_QUERY')
      return { kind: 'Value', column, op, value: value(limit, `${at}/${column}/${bound}`) }
    })
  })
  if (nodes.length === 0) throw new DslError('the check expects nothing', at, "say what must hold: expect: 'no rows' or expect: { n: 0 }", 'DLC_INVALID_QUERY')
  return nodes
}
