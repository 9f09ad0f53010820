import type { CsvSourceNode, DatasetNode } from '@dlc/dsl'
import { duckdb as sql } from './duckdb-dialect.js'
import { stages } from './stages.js'

/** The DuckDB variables the host sets before running {@link etlSql}. */
export interface EtlRuntimeValues {
  /** Local paths of the batch's CSV files, already UTF-8, in batch order (S3 key order). */
  readonly files: readonly string[]
  /** The batch date, `YYYY-MM-DD`. */
  readonly batchDate: string
}

/** One statement of the ETL, and the table or view it creates (none for the two DROPs). */
export interface EtlStatement {
  readonly sql: string
  readonly creates?: string
}

/**
 * The whole ETL of a dataset as one DuckDB 1.5 SQL text: typed read of the batch's CSV files,
 * cleaning, checks, quarantine, dedupe, derived and partition columns. It leaves three temp
 * tables for the host to write: `clean`, `rejected` and `report`.
 * @example connection.run(etlRuntimeSql({ files, batchDate }) + etlSql(sales.node))
 */
export function etlSql(dataset: DatasetNode): string {
  const header = [
    `-- dlc ETL for dataset "${dataset.name}" (DuckDB 1.5), generated from its spec; do not edit.`,
    '-- The host sets two variables first (see etlRuntimeSql):',
    "--   SET VARIABLE dlc_files = ['/tmp/batch/part-1.csv', ...];  -- UTF-8 CSV files, in batch order",
    "--   SET VARIABLE dlc_batch_date = '2026-11-24';",
    '-- then reads the temp tables clean, rejected and report.',
  ]
  return `${header.join('\n')}\n\n${etlStatements(dataset).map((statement) => `${statement.sql};\n`).join('\n')}`
}

/**
 * {@link etlSql}'s statements one by one, in order, for a host that runs them apart (to show
 * each one's progress): the same text, without the header.
 */
export function etlStatements(dataset: DatasetNode): EtlStatement[] {
  const create = (name: string, kind: 'TABLE' | 'VIEW', comment: string, select: string): EtlStatement => ({ sql: `-- ${comment}\nCREATE OR REPLACE TEMP ${kind} ${name} AS\n${select}`, creates: name })
  const record = { columns: '_dlc_fields', text: `array_to_string(list_transform(_dlc_fields, lambda field: ${csvField(dataset.source)}), ${sql.string(dataset.source.delimiter)})` }
  return [
    { sql: 'DROP TABLE IF EXISTS dlc_reject_errors' },
    { sql: 'DROP TABLE IF EXISTS dlc_reject_scans' },
    create('dlc_raw', 'TABLE', "Every field as text, so nothing is lost to type sniffing; records the reader cannot split\n-- into the header's fields go to dlc_reject_errors instead of failing the run. (filename is\n-- DuckDB's virtual column: the filename option would make every file use the first one's dialect.)", `SELECT *, filename AS _dlc_path FROM read_csv(${readCsvOptions(dataset.source)})`),
    create('dlc_rows', 'VIEW', "rowid is the order in the batch: DuckDB keeps insertion order, files in the order given, so\n-- each file's rows are consecutive and a row's number in its file counts from the file's first.", "SELECT * EXCLUDE (_dlc_path, _dlc_first),\n  parse_filename(_dlc_path) AS _dlc_file,\n  list_position(getvariable('dlc_files'), _dlc_path) AS _dlc_file_index,\n  _dlc_position - _dlc_first + 1 AS _dlc_row,\n  CAST(getvariable('dlc_batch_date') AS VARCHAR) AS _dlc_batch_date\nFROM (SELECT *, rowid AS _dlc_position, [*COLUMNS(* EXCLUDE (_dlc_path))] AS _dlc_fields FROM dlc_raw) AS raw\nJOIN (SELECT _dlc_path, min(rowid) AS _dlc_first FROM dlc_raw GROUP BY _dlc_path) AS files USING (_dlc_path)"),
    create('dlc_malformed', 'TABLE', "One row per record the reader rejected; line is DuckDB's record number in the file (header = 1).", malformedSelect()),
    ...stages(sql, dataset, record).map((stage) => create(stage.name, stage.materialized ? 'TABLE' : 'VIEW', stage.comment, stage.select)),
  ]
}

/**
 * The `SET VARIABLE` statements that pass a batch to {@link etlSql}.
 * @example etlRuntimeSql({ files: ['/tmp/b/sales.csv'], batchDate: '2026-11-24' })
 */
export function etlRuntimeSql(values: EtlRuntimeValues): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(values.batchDate)) throw new Error(`batch date "${values.batchDate}" is not YYYY-MM-DD`)
  if (values.files.length === 0) throw new Error('a batch needs at least one CSV file')
  return `SET VARIABLE dlc_files = [${values.files.map(sql.string).join(', ')}];\nSET VARIABLE dlc_batch_date = ${sql.string(values.batchDate)};\n`
}

function readCsvOptions(source: CsvSourceNode): string {
  return [
    "getvariable('dlc_files')",
    `header = ${source.header}`,
    `delim = ${sql.string(source.delimiter)}`,
    `quote = ${sql.string(source.quote)}`,
    `escape = ${sql.string(source.escape)}`,
    "encoding = 'utf-8'",
    'all_varchar = true',
    // Each file's own newline style and header order, not the first file's.
    'files_to_sniff = -1',
    'store_rejects = true',
    "rejects_table = 'dlc_reject_errors'",
    "rejects_scan = 'dlc_reject_scans'",
  ].join(', ')
}

/** A field written back as CSV, quoted only where it must be. */
function csvField(source: CsvSourceNode): string {
  const special = `[${[source.delimiter, source.quote].map(regexClassChar).join('')}\\r\\n]`
  const quote = sql.string(source.quote)
  return `CASE WHEN field IS NULL THEN '' WHEN regexp_matches(field, ${sql.string(special)}) THEN ${quote} || replace(field, ${quote}, ${sql.string(source.escape + source.quote)}) || ${quote} ELSE field END`
}

function regexClassChar(char: string): string {
  return /[\\\]\[^-]/.test(char) ? `\\${char}` : char
}

function malformedSelect(): string {
  return [
    'SELECT parse_filename(s.file_path) AS _dlc_file,',
    "  list_position(getvariable('dlc_files'), s.file_path) AS _dlc_file_index,",
    '  e.line AS _dlc_position,',
    '  e.line AS _dlc_line,',
    '  ltrim(e.csv_line, chr(13) || chr(10)) AS _dlc_record,',
    '  CASE',
    "    WHEN e.error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') THEN 'malformed record: ' || regexp_extract(e.error_message, 'Found: ([0-9]+)', 1) || ' fields where the header has ' || regexp_extract(e.error_message, 'Expected Number of Columns: ([0-9]+)', 1)",
    "    WHEN e.error_type = 'UNQUOTED VALUE' THEN 'malformed record: a quote is not closed, or text follows a closing quote'",
    "    WHEN e.error_type = 'INVALID UNICODE' OR e.error_message LIKE '%not utf-8 encoded%' THEN 'malformed record: not valid UTF-8'",
    "    ELSE 'malformed record: ' || e.error_message",
    '  END AS _dlc_reason,',
    "  CAST(getvariable('dlc_batch_date') AS VARCHAR) AS _dlc_batch_date",
    'FROM dlc_reject_errors AS e JOIN dlc_reject_scans AS s ON e.scan_id = s.scan_id AND e.file_id = s.file_id',
    'QUALIFY row_number() OVER (PARTITION BY e.file_id, e.line ORDER BY e.byte_position) = 1',
  ].join('\n')
}
