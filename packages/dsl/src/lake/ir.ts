import type { StateMachineNode } from '../ir/machine.js'
import type { ScheduleNode } from '../schedule/ir.js'

/**
 * The data-lake half of the IR: the zones, datasets and pipeline resources a pipeline
 * declares. Plain frozen data, like the state graph, so the compiler can emit the
 * CloudFormation template, the Glue script and the SQL from one description.
 */

/** A column's type as the processed Parquet stores it. */
export type ColumnTypeName = 'string' | 'int' | 'bigint' | 'decimal' | 'double' | 'boolean' | 'date' | 'timestamp'

export interface ColumnTypeNode {
  readonly name: ColumnTypeName
  /** decimal(precision, scale). */
  readonly precision?: number
  readonly scale?: number
  /** date / timestamp: the strftime formats the raw text may use, tried in order (`%Y-%m-%d`, `%d/%m/%Y`, ...). */
  readonly formats?: readonly string[]
}

/** A cleaning step or a check on one column, applied in the order written. */
export type ColumnRuleNode =
  | { readonly rule: 'trim' }
  | { readonly rule: 'upper' }
  | { readonly rule: 'lower' }
  /** These raw texts mean "no value". */
  | { readonly rule: 'nullIf'; readonly values: readonly string[] }
  /** The value used when the cleaned field is empty. */
  | { readonly rule: 'default'; readonly value: string | number | boolean }
  | { readonly rule: 'required' }
  | { readonly rule: 'min'; readonly value: number | string }
  | { readonly rule: 'max'; readonly value: number | string }
  /** A regular expression the whole cleaned text must match. */
  | { readonly rule: 'pattern'; readonly regex: string }
  | { readonly rule: 'oneOf'; readonly values: readonly (string | number)[] }

export interface ColumnNode {
  readonly kind: 'Column'
  readonly name: string
  readonly type: ColumnTypeNode
  /** The CSV header this column is read from, when it differs from `name`. */
  readonly from?: string
  readonly rules: readonly ColumnRuleNode[]
}

/** An expression over a row's columns: derived columns are built from these. */
export type ValueNode =
  | { readonly kind: 'ColumnRef'; readonly column: string }
  | { readonly kind: 'Literal'; readonly value: string | number | boolean | null }
  | { readonly kind: 'Call'; readonly fn: ValueFunction; readonly args: readonly ValueNode[] }

export type ValueFunction =
  | 'add'
  | 'subtract'
  | 'multiply'
  | 'divide'
  | 'round'
  | 'upper'
  | 'lower'
  | 'concat'
  | 'coalesce'
  | 'year'
  | 'month'
  | 'day'

export interface DerivedColumnNode {
  readonly kind: 'DerivedColumn'
  readonly name: string
  readonly type: ColumnTypeNode
  readonly value: ValueNode
}

export interface CsvSourceNode {
  readonly kind: 'CsvSource'
  readonly header: boolean
  readonly delimiter: string
  readonly quote: string
  /** The escape character inside quotes; CSV's default is a doubled quote. */
  readonly escape: string
  readonly encoding: 'utf-8' | 'latin-1' | 'windows-1252'
  /** Raw texts that mean "no value" in every column (before any column's own nullIf). */
  readonly nullTokens: readonly string[]
  /** Numbers written `1.234,56`: decimal comma, `.` as thousands separator. */
  readonly decimalComma: boolean
}

/** A Hive-style partition column of the processed table. */
export interface PartitionNode {
  /** The partition key as it appears in the path, `year=2026/`. */
  readonly name: string
  /** `year`/`month`/`day` of a date column, a column as is, or the run's batch date. */
  readonly source:
    | { readonly kind: 'DatePart'; readonly part: 'year' | 'month' | 'day'; readonly column: string }
    | { readonly kind: 'Column'; readonly column: string }
    | { readonly kind: 'BatchDate' }
}

export interface DedupeNode {
  readonly on: readonly string[]
  /** Which of the rows sharing a key survives, by position in the batch. */
  readonly keep: 'first' | 'last'
}

export interface DatasetNode {
  readonly kind: 'Dataset'
  /** The table name in the catalog and the folder name in every zone. */
  readonly name: string
  readonly source: CsvSourceNode
  readonly columns: readonly ColumnNode[]
  readonly derived: readonly DerivedColumnNode[]
  readonly dedupe?: DedupeNode
  readonly partitionBy: readonly PartitionNode[]
  readonly target: { readonly format: 'parquet'; readonly compression: 'snappy' | 'zstd' | 'gzip' | 'uncompressed' }
}

/** The five places a pipeline keeps data. */
export type ZoneName = 'raw' | 'processed' | 'rejected' | 'scripts' | 'athenaResults'

/** A zone: a bucket and a key prefix ending in `/` (or empty for a bucket of its own). */
export interface ZoneNode {
  readonly kind: 'Zone'
  readonly zone: ZoneName
  /** The bucket's base name; a stage is appended when deployed (`sales-lake-prod`). */
  readonly bucket: string
  readonly prefix: string
}

export interface TopicNode {
  readonly kind: 'Topic'
  readonly name: string
  readonly emails: readonly string[]
}

/** What a validation query must find for the run to go on. */
export type ExpectationNode =
  | { readonly kind: 'NoRows' }
  | {
      readonly kind: 'Value'
      readonly column: string
      readonly op: 'eq' | 'le' | 'ge' | 'lt' | 'gt'
      /** A number, or a JSONata expression over the run's variables (`$salesEtl.rowsWritten`). */
      readonly value: number | { readonly jsonata: string }
    }

export interface QueryNode {
  readonly kind: 'Query'
  readonly name: string
  /** A check fails the run when its expectation does not hold; an analysis query only runs. */
  readonly purpose: 'check' | 'analysis'
  /** The SQL as Athena runs it (a file's text once read); `?` marks the batch date parameter. */
  readonly sql: string
  /** The `.sql` file it was read from, relative to the pipeline module. */
  readonly file?: string
  /** How many `?` parameters take the batch date. */
  readonly batchDateParameters: number
  /** All must hold. */
  readonly expect?: readonly ExpectationNode[]
}

export interface GlueJobNode {
  readonly kind: 'GlueJob'
  readonly name: string
  readonly dataset: string
  readonly engine: 'python-shell' | 'spark'
  readonly timeoutMinutes: number
}

export interface CrawlerNode {
  readonly kind: 'Crawler'
  readonly name: string
  readonly database: string
  /** The datasets whose processed and rejected folders it crawls. */
  readonly datasets: readonly string[]
}

export interface WorkgroupNode {
  readonly kind: 'Workgroup'
  readonly name: string
  /** A query that would scan more is cancelled: the bill's upper bound. */
  readonly bytesScannedCutoff: number
}

/** A whole data-lake pipeline: its state machine and every AWS resource it declares. */
export interface PipelineNode {
  readonly kind: 'Pipeline'
  readonly name: string
  readonly machine: StateMachineNode
  readonly zones: readonly ZoneNode[]
  readonly datasets: readonly DatasetNode[]
  readonly jobs: readonly GlueJobNode[]
  readonly crawler?: CrawlerNode
  readonly workgroup: WorkgroupNode
  readonly queries: readonly QueryNode[]
  readonly topic?: TopicNode
  readonly schedule?: ScheduleNode
}
