/** The Distributed Map fields these functions read, as they stand after the interpreter evaluated them. */

export type InputType = 'CSV' | 'JSON' | 'JSONL' | 'PARQUET' | 'MANIFEST'
export type CsvDelimiter = 'COMMA' | 'PIPE' | 'SEMICOLON' | 'SPACE' | 'TAB'

/** `ItemReader.ReaderConfig`. */
export interface ReaderConfig {
  readonly InputType?: InputType
  readonly CSVHeaderLocation?: 'FIRST_ROW' | 'GIVEN'
  readonly CSVHeaders?: readonly string[]
  readonly CSVDelimiter?: CsvDelimiter
  /** 0 or absent: no limit below AWS's 100,000,000. */
  readonly MaxItems?: number
  /** A JSON Pointer (RFC 6901) to the array inside a JSON file. */
  readonly ItemsPointer?: string
  /** For `s3:listObjectsV2`: `LOAD_AND_FLATTEN` reads the listed objects instead of listing them. */
  readonly Transformation?: 'NONE' | 'LOAD_AND_FLATTEN'
  readonly ManifestType?: 'S3_INVENTORY' | 'ATHENA_DATA'
}

/** `ItemReader` with its `Parameters` (JSONPath) or `Arguments` (JSONata) already evaluated. */
export interface ItemReader {
  readonly Resource: string
  readonly ReaderConfig?: ReaderConfig
  readonly Parameters?: Readonly<Record<string, unknown>>
  readonly Arguments?: Readonly<Record<string, unknown>>
}

/** `ItemBatcher` with its paths and JSONata already resolved to values. */
export interface ItemBatcher {
  readonly MaxItemsPerBatch?: number
  readonly MaxInputBytesPerBatch?: number
  readonly BatchInput?: unknown
}

/** What one child workflow execution receives when items are batched. */
export interface Batch {
  readonly BatchInput?: unknown
  readonly Items: unknown[]
}

export type OutputType = 'JSON' | 'JSONL'
export type ResultTransformation = 'NONE' | 'COMPACT' | 'FLATTEN'

export interface WriterConfig {
  readonly OutputType?: OutputType
  readonly Transformation?: ResultTransformation
}

/** `ResultWriter` with its `Parameters` / `Arguments` (`Bucket`, `Prefix`) already evaluated. */
export interface ResultWriter {
  readonly Resource?: string
  readonly Parameters?: Readonly<Record<string, unknown>>
  readonly Arguments?: Readonly<Record<string, unknown>>
  readonly WriterConfig?: WriterConfig
}

export type ChildStatus = 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED'

/** One child workflow execution of a Map Run, as the interpreter ran it. */
export interface ChildExecution {
  readonly executionArn: string
  readonly name: string
  readonly stateMachineArn: string
  readonly status: ChildStatus
  readonly input: unknown
  /** The child's output; only for SUCCEEDED. */
  readonly output?: unknown
  readonly error?: string
  readonly cause?: string
  readonly startDate: Date
  readonly stopDate: Date
  readonly redriveCount?: number
}

/** The results of one Map Run, for the ResultWriter. */
export interface MapRunResults {
  /** `arn:aws:states:<region>:<account>:mapRun:<state machine>/<label>:<id>`; see `mapRunArn`. */
  readonly mapRunArn: string
  readonly succeeded: readonly ChildExecution[]
  /** Failed, timed out and aborted children. */
  readonly failed: readonly ChildExecution[]
  /** Inputs of the children never started because the Map Run failed or was aborted. */
  readonly pending?: readonly unknown[]
}

/** What the Map state outputs when it exported its results. */
export interface ResultWriterOutput {
  readonly MapRunArn: string
  readonly ResultWriterDetails: { readonly Bucket: string; readonly Key: string }
}
