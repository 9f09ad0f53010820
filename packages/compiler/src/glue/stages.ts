import type { DatasetNode, PartitionNode } from '@dlc/dsl'
import { cleaningLevels, columnCheck, typedValue } from './columns.js'
import type { Dialect } from './dialect.js'
import { valueSql } from './values.js'

/**
 * The engine-neutral part of the ETL: named SELECTs over two relations each engine provides,
 *
 * - `dlc_rows`: the well-formed CSV records, one column per header (text), plus `_dlc_file`
 *   (file name), `_dlc_file_index` (1-based, batch order), `_dlc_position` (order in the batch),
 *   `_dlc_row` (1-based, among the file's well-formed records), `_dlc_batch_date`, and the
 *   column(s) from which {@link RecordText} makes the record's CSV text;
 * - `dlc_malformed`: the records the CSV reader could not split into the header's fields, with
 *   `_dlc_file`, `_dlc_file_index`, `_dlc_position`, `_dlc_line`, `_dlc_record`, `_dlc_reason`, `_dlc_batch_date`;
 *
 * and producing `clean`, `rejected` and `report` (see docs/dataset.md).
 */
export interface Stage {
  readonly name: string
  /** Kept as a table (read more than once, or an output) rather than a view. */
  readonly materialized: boolean
  /** Why the stage exists, as a SQL comment. */
  readonly comment: string
  readonly select: string
}

/**
 * How an engine's `dlc_rows` carries each record's original text: the column(s) the stages pass
 * along, and the SQL that makes the text from them. The stages evaluate it for rejected rows
 * only, so an engine may carry the fields and build the text late (building it for a million
 * rows took DuckDB a tenth of the ETL).
 */
export interface RecordText {
  readonly columns: string
  readonly text: string
}

export function stages(sql: Dialect, dataset: DatasetNode, record: RecordText): Stage[] {
  const id = sql.ident
  const textOf = (column: string): string => id(`_dlc_text_${column}`)
  const checkOf = (column: string): string => id(`_dlc_check_${column}`)
  const checks = dataset.columns.flatMap((column) => {
    const check = columnCheck(sql, column, textOf(column.name), id(column.name))
    return check === undefined ? [] : [{ column: column.name, check }]
  })
  const varchar = sql.type({ name: 'string' })
  const reason = checks.length === 0 ? `CAST(NULL AS ${varchar})` : `coalesce(${checks.map(({ column }) => checkOf(column)).join(', ')})`
  const failedColumn = checks.length === 0 ? `CAST(NULL AS ${varchar})` : `CASE ${checks.map(({ column }) => `WHEN ${checkOf(column)} IS NOT NULL THEN ${sql.string(column)}`).join(' ')} END`
  const position = '_dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date'
  const keep = dataset.dedupe === undefined
    ? 'dlc_checked WHERE _dlc_reason IS NULL'
    : `(SELECT *, row_number() OVER (PARTITION BY ${dataset.dedupe.on.map(id).join(', ')} ORDER BY _dlc_file_index ${dataset.dedupe.keep === 'last' ? 'DESC' : 'ASC'}, _dlc_position ${dataset.dedupe.keep === 'last' ? 'DESC' : 'ASC'}) AS _dlc_keep FROM dlc_checked WHERE _dlc_reason IS NULL) AS kept WHERE _dlc_keep = 1`
  const columnNames = new Set(dataset.columns.map((column) => column.name))
  const outputs = [
    ...dataset.columns.map((column) => id(column.name)),
    ...dataset.derived.map((column) => `CAST(${valueSql(sql, column.value)} AS ${sql.type(column.type)}) AS ${id(column.name)}`),
    ...dataset.partitionBy.filter((partition) => !columnNames.has(partition.name)).map((partition) => `${partitionValue(sql, partition)} AS ${id(partition.name)}`),
  ]
  const partitionColumns = dataset.partitionBy.map((partition) => id(partition.name))
  const partitions = partitionColumns.length === 0
    ? 'CASE WHEN count(*) > 0 THEN 1 ELSE 0 END FROM clean'
    : `count(*) FROM (SELECT DISTINCT ${partitionColumns.join(', ')} FROM clean) AS written`
  const rejectedColumns = `${id('source_file')}, ${id('line_number')}, ${id('row_number')}, ${id('record')}, ${id('column_name')}, ${id('reason')}, ${id('batch_date')}`

  return [
    ...textStages(sql, dataset, `${position}, ${record.columns}`, textOf),
    {
      name: 'dlc_typed',
      materialized: false,
      comment: 'Each column typed from its text; NULL where the text is absent or is not a valid value.',
      select: [
        'SELECT *,',
        dataset.columns.map((column) => `  ${typedValue(sql, column.type, textOf(column.name), dataset.source)} AS ${id(column.name)}`).join(',\n'),
        'FROM dlc_text',
      ].join('\n'),
    },
    {
      name: 'dlc_checked',
      materialized: true,
      comment: 'The typed columns, the first failing check of each row in column order and the column it names, and a rejected row\'s record.',
      select: [
        `SELECT ${position}, ${dataset.columns.map((column) => id(column.name)).join(', ')},`,
        `  ${reason} AS _dlc_reason, ${failedColumn} AS _dlc_column,`,
        `  CASE WHEN ${reason} IS NOT NULL THEN ${record.text} END AS _dlc_record`,
        checks.length === 0 ? 'FROM dlc_typed' : `FROM (SELECT *,\n${checks.map(({ column, check }) => `  ${check} AS ${checkOf(column)}`).join(',\n')}\nFROM dlc_typed) AS checked`,
      ].join('\n'),
    },
    {
      name: 'clean',
      materialized: true,
      comment: dataset.dedupe === undefined
        ? 'The rows that passed every check, with derived and partition columns.'
        : `The rows that passed every check, one per ${dataset.dedupe.on.join(', ')} (the ${dataset.dedupe.keep} in the batch), with derived and partition columns.`,
      select: [`SELECT ${outputs.join(',\n  ')}`, `FROM ${keep}`, 'ORDER BY _dlc_file_index, _dlc_position'].join('\n'),
    },
    {
      name: 'rejected',
      materialized: true,
      comment: 'Every row that is not written: malformed records first, then failed checks, per file in batch order.',
      select: [
        `SELECT ${rejectedColumns} FROM (`,
        `  SELECT _dlc_file AS ${id('source_file')}, _dlc_line AS ${id('line_number')}, CAST(NULL AS BIGINT) AS ${id('row_number')}, _dlc_record AS ${id('record')}, CAST(NULL AS ${varchar}) AS ${id('column_name')}, _dlc_reason AS ${id('reason')}, _dlc_batch_date AS ${id('batch_date')}, _dlc_file_index, 0 AS _dlc_kind, _dlc_position FROM dlc_malformed`,
        '  UNION ALL',
        `  SELECT _dlc_file, CAST(NULL AS BIGINT), _dlc_row, _dlc_record, _dlc_column, _dlc_reason, _dlc_batch_date, _dlc_file_index, 1, _dlc_position FROM dlc_checked WHERE _dlc_reason IS NOT NULL`,
        ') AS rejects',
        'ORDER BY _dlc_file_index, _dlc_kind, _dlc_position',
      ].join('\n'),
    },
    {
      name: 'report',
      materialized: true,
      comment: 'One row of counts; rows_read = rows_written + rows_rejected + rows_deduplicated.',
      select: [
        'SELECT',
        '  (SELECT count(*) FROM dlc_checked) + (SELECT count(*) FROM dlc_malformed) AS rows_read,',
        '  (SELECT count(*) FROM clean) AS rows_written,',
        '  (SELECT count(*) FROM rejected) AS rows_rejected,',
        '  (SELECT count(*) FROM dlc_checked WHERE _dlc_reason IS NULL) - (SELECT count(*) FROM clean) AS rows_deduplicated,',
        `  (SELECT ${partitions}) AS partitions`,
      ].join('\n'),
    },
  ]
}

/**
 * `dlc_text`: each column's text after the null tokens and its cleaning rules, one view per
 * cleaning level (see {@link cleaningLevels}), each reading the one before.
 */
function textStages(sql: Dialect, dataset: DatasetNode, carried: string, textOf: (column: string) => string): Stage[] {
  const levels = dataset.columns.map((column) => cleaningLevels(sql, column, dataset.source))
  const count = Math.max(1, ...levels.map((column) => column.length))
  const name = (level: number): string => (level === count ? 'dlc_text' : `dlc_text_${level}`)
  return Array.from({ length: count }, (_, index) => {
    const level = index + 1
    const texts = dataset.columns.map((column, at) => {
      const step = levels[at]?.[index]
      if (step === undefined) return `  ${textOf(column.name)}`
      return `  ${step(level === 1 ? sql.ident(column.from ?? column.name) : textOf(column.name))} AS ${textOf(column.name)}`
    })
    return {
      name: name(level),
      materialized: false,
      comment: level === count
        ? 'Each column\'s text after the null tokens and its cleaning rules, in the order written.'
        : `Cleaning, level ${level} of ${count}: each level reads the one before as columns, so no text is computed twice.`,
      select: [`SELECT ${carried},`, texts.join(',\n'), `FROM ${level === 1 ? 'dlc_rows' : name(level - 1)}`].join('\n'),
    }
  })
}

function partitionValue(sql: Dialect, partition: PartitionNode): string {
  switch (partition.source.kind) {
    case 'DatePart':
      return `CAST(${partition.source.part}(${sql.ident(partition.source.column)}) AS ${sql.type({ name: 'int' })})`
    case 'Column':
      return sql.ident(partition.source.column)
    case 'BatchDate':
      return '_dlc_batch_date'
  }
}
