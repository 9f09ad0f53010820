import { DslError } from '../expr/expr.js'
import { createNode } from '../ir/json.js'
import type { AnyColumn, InferRow } from './columns.js'
import { csv } from './csv.js'
import type { ColumnNode, CsvSourceNode, DatasetNode, DerivedColumnNode, PartitionNode } from './ir.js'
import { columnValue, type DateValue, type NumberValue, type StringValue, type Value } from './values.js'

export type Columns = { readonly [name: string]: AnyColumn }

/** The value builders a derived column's function receives, one per column, typed by its kind. */
export type RowValues<C extends Columns> = {
  readonly [K in keyof C]: { string: StringValue; number: NumberValue; temporal: DateValue; boolean: Value<boolean> }[C[K]['family']]
}

/** The values of derived columns, by name. */
export type Derived = { readonly [name: string]: Value<unknown> }

type DateColumnName<C extends Columns> = { [K in keyof C]: C[K]['family'] extends 'temporal' ? K : never }[keyof C] & string

/**
 * A partition of the processed table: `year(order_date)`, `month(...)`, `day(...)` of a date
 * column (the partition is named `year`, `month`, `day`), a column as is, or `batch_date`.
 */
export type PartitionSpec<C extends Columns> =
  | `${'year' | 'month' | 'day'}(${DateColumnName<C>})`
  | 'batch_date'
  | (keyof C & string)

type PartitionRow<P> = {
  readonly [K in P extends `${infer Part}(${string})` ? Part : P & string]: K extends 'year' | 'month' | 'day' ? number : K extends 'batch_date' ? string : unknown
}

type DerivedRow<D> = { readonly [K in keyof D]: D[K] extends Value<infer T> ? T | null : never }

export interface DatasetSpec<C extends Columns, D extends Derived, P extends PartitionSpec<C>> {
  /** How the raw files are written; default `csv()`: a header line, `,`, UTF-8. */
  readonly source?: CsvSourceNode
  readonly columns: C
  /** Columns computed from the others: `{ revenue: (c) => c.quantity.times(c.unit_price) }`. */
  readonly derive?: { readonly [K in keyof D]: (row: RowValues<C>) => D[K] }
  /** Rows sharing these columns are one row; `keep` says which survives by position (default last). */
  readonly dedupe?: { readonly on: readonly (keyof C & string)[]; readonly keep?: 'first' | 'last' }
  readonly partitionBy?: readonly P[]
  readonly compression?: DatasetNode['target']['compression']
}

/** A column of a dataset, for SQL: `${sales.columns.order_id}` renders as `order_id`. */
export interface ColumnName<T> {
  readonly kind: 'ColumnName'
  readonly dataset: string
  readonly name: string
  readonly __type?: T
}

/** A typed dataset: what the ETL reads, cleans and writes, and the table the crawler catalogs. */
export interface Dataset<Row, Name extends string = string> {
  readonly kind: 'Dataset'
  readonly name: Name
  readonly node: DatasetNode
  readonly columns: { readonly [K in keyof Row & string]: ColumnName<Row[K]> }
  readonly __row?: Row
}

/** The row type of the processed table. */
export type RowOf<D> = D extends Dataset<infer Row, string> ? Row : never

const TABLE_NAME = /^[a-z][a-z0-9_]{0,254}$/
const COLUMN_NAME = /^[a-z_][a-z0-9_]{0,254}$/

/**
 * Describes a dataset: its CSV source, typed columns with cleaning rules and checks, dedupe,
 * derived columns and partitioning. Column names flow into the row type.
 * @example dataset('sales', { columns: { order_id: col.string().required() }, dedupe: { on: ['order_id'] } })
 */
export function dataset<N extends string, C extends Columns, D extends Derived = {}, P extends PartitionSpec<C> = never>(
  name: N,
  spec: DatasetSpec<C, D, P>,
): Dataset<InferRow<C> & DerivedRow<D> & PartitionRow<P>, N> {
  checkName(name, TABLE_NAME, '/name', `dataset "${name}" is not a valid Glue table name`, 'use lowercase letters, digits and "_", starting with a letter (Athena reads only lowercase names)')
  const columns = Object.entries(spec.columns).map(([column, builder]) => columnNode(column, builder))
  if (columns.length === 0) throw new DslError(`dataset "${name}" has no columns`, '/columns', 'describe at least one column: columns: { id: col.string() }', 'DLC_INVALID_DATASET')
  const known = new Set(columns.map((column) => column.name))
  const derived = derivedColumns(spec, known)
  const dedupe = spec.dedupe === undefined ? undefined : { on: spec.dedupe.on.map((column, index) => known.has(column) ? column : unknownColumn(column, `/dedupe/on/${index}`, known)), keep: spec.dedupe.keep ?? 'last' }
  if (dedupe !== undefined && dedupe.on.length === 0) throw new DslError('dedupe.on is empty', '/dedupe/on', 'name the key columns: dedupe: { on: ["order_id"] }', 'DLC_INVALID_DATASET')
  const partitionBy = (spec.partitionBy ?? []).map((partition, index) => partitionNode(partition, `/partitionBy/${index}`, spec.columns))
  // A partition on a column as is names that column; only computed partitions add a name.
  const computed = partitionBy.filter((partition) => partition.source.kind !== 'Column')
  const names = [...known, ...derived.map((column) => column.name), ...computed.map((partition) => partition.name)]
  const clash = names.find((column, index) => names.indexOf(column) !== index)
  if (clash !== undefined) throw new DslError(`dataset "${name}" has two columns named "${clash}"`, '/columns', 'a derived or partition column needs a name of its own', 'DLC_INVALID_DATASET')
  const node = createNode<DatasetNode>({
    kind: 'Dataset',
    name,
    source: spec.source ?? csv(),
    columns,
    derived,
    dedupe,
    partitionBy,
    target: { format: 'parquet', compression: spec.compression ?? 'snappy' },
  })
  const columnNames = Object.freeze(Object.fromEntries(names.map((column) => [column, Object.freeze({ kind: 'ColumnName', dataset: name, name: column })])))
  return Object.freeze({ kind: 'Dataset', name, node, columns: columnNames }) as unknown as Dataset<InferRow<C> & DerivedRow<D> & PartitionRow<P>, N>
}

export function isDataset(value: unknown): value is Dataset<unknown, string> {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'Dataset' && 'node' in value
}

function columnNode(name: string, column: AnyColumn): ColumnNode {
  checkName(name, COLUMN_NAME, `/columns/${name}`, `column "${name}" is not a valid column name`, 'use lowercase letters, digits and "_" (Athena reads only lowercase names)')
  return { kind: 'Column', name, type: column.type, ...(column.source === undefined ? {} : { from: column.source }), rules: column.rules }
}

function derivedColumns<C extends Columns>(spec: { readonly columns: C; readonly derive?: { readonly [name: string]: (row: RowValues<C>) => Value<unknown> } }, known: ReadonlySet<string>): DerivedColumnNode[] {
  const values = Object.fromEntries(Object.entries(spec.columns).map(([name, column]) => [name, columnValue(name, column.type)])) as RowValues<C>
  return Object.entries(spec.derive ?? {}).map(([name, derive]) => {
    checkName(name, COLUMN_NAME, `/derive/${name}`, `derived column "${name}" is not a valid column name`, 'use lowercase letters, digits and "_"')
    const value = derive(values)
    for (const column of referencedColumns(value.node)) {
      if (!known.has(column)) unknownColumn(column, `/derive/${name}`, known)
    }
    return { kind: 'DerivedColumn', name, type: value.type, value: value.node }
  })
}

function referencedColumns(node: DerivedColumnNode['value']): string[] {
  if (node.kind === 'ColumnRef') return [node.column]
  if (node.kind === 'Literal') return []
  return node.args.flatMap(referencedColumns)
}

const DATE_PART = /^(year|month|day)\((.+)\)$/

function partitionNode(spec: string, at: string, columns: Columns): PartitionNode {
  if (spec === 'batch_date') return { name: 'batch_date', source: { kind: 'BatchDate' } }
  const part = DATE_PART.exec(spec)
  if (part === null) {
    if (!(spec in columns)) unknownColumn(spec, at, new Set(Object.keys(columns)))
    return { name: spec, source: { kind: 'Column', column: spec } }
  }
  const [, fn, column] = part as unknown as [string, 'year' | 'month' | 'day', string]
  const type = columns[column]?.type.name
  if (type === undefined) unknownColumn(column, at, new Set(Object.keys(columns)))
  if (type !== 'date' && type !== 'timestamp') {
    throw new DslError(`${spec}: "${column}" is a ${type} column, not a date`, at, `partition by ${fn}() of a date or timestamp column`, 'DLC_UNKNOWN_COLUMN')
  }
  return { name: fn, source: { kind: 'DatePart', part: fn, column } }
}

function unknownColumn(column: string, at: string, known: ReadonlySet<string>): never {
  throw new DslError(`"${column}" is not a column of this dataset`, at, `the columns are: ${[...known].join(', ')}`, 'DLC_UNKNOWN_COLUMN')
}

function checkName(name: string, pattern: RegExp, at: string, message: string, hint: string): void {
  if (!pattern.test(name)) throw new DslError(message, at, hint, 'DLC_INVALID_NAME')
}
