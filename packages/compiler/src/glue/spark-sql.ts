import type { DatasetNode } from '@dlc/dsl'
import { spark as sql } from './spark-dialect.js'
import { stages } from './stages.js'

/**
 * The ETL of a dataset as Spark SQL statements (Glue 4/5 `glueetl`, Spark 3.3/3.5), one
 * `CREATE OR REPLACE TEMP VIEW` each, run in order by the generated PySpark job over the view
 * `dlc_raw` it registers: the same cleaning, checks, reasons, dedupe, derived and partition
 * columns as {@link etlSql}, ending in the views `clean`, `rejected` and `report`.
 * @example spark.sql(statement) for each of sparkStatements(sales.node)
 */
export function sparkStatements(dataset: DatasetNode): string[] {
  return [
    `-- The records Spark could split into the header's fields.\nCREATE OR REPLACE TEMP VIEW dlc_rows AS\nSELECT *, row_number() OVER (PARTITION BY _dlc_file_index ORDER BY _dlc_position) AS _dlc_row\nFROM dlc_raw WHERE NOT _dlc_malformed`,
    [
      "-- The records Spark's PERMISSIVE mode marked as corrupt (wrong field count, broken quoting).",
      'CREATE OR REPLACE TEMP VIEW dlc_malformed AS',
      'SELECT _dlc_file, _dlc_file_index, _dlc_position, CAST(NULL AS BIGINT) AS _dlc_line, _dlc_record,',
      `  concat(${sql.string("malformed record: the field count differs from the header's ")}, CAST(_dlc_header_fields AS STRING), ${sql.string(', or a quote is not closed')}) AS _dlc_reason,`,
      '  _dlc_batch_date',
      'FROM dlc_raw WHERE _dlc_malformed',
    ].join('\n'),
    ...stages(sql, dataset, { columns: '_dlc_record', text: '_dlc_record' }).map((stage) => `-- ${stage.comment}\nCREATE OR REPLACE TEMP VIEW ${stage.name} AS\n${stage.select}`),
  ]
}

/** {@link sparkStatements} as one text, `;` after each statement: what a reader reviews. */
export function sparkSql(dataset: DatasetNode): string {
  return `-- dlc ETL for dataset "${dataset.name}" (Spark SQL 3.3/3.5), generated from its spec; do not edit.\n\n${sparkStatements(dataset).map((statement) => `${statement};\n`).join('\n')}`
}
