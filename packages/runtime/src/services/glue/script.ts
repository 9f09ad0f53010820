/**
 * The generated Glue Python shell script's own checks and shapes (compiler
 * `glue/shell-script.ts`), ported one for one so the local job fails where the deployed one
 * fails, with the same words.
 */

import type { EtlFigures as PipelineEtlFigures } from '@dlc/dsl'

/** What the script raises: its Python exception type and message (`RuntimeError: no batch files under ...`). */
export class JobScriptError extends Error {
  constructor(
    readonly pythonType: 'ValueError' | 'RuntimeError' | 'SystemExit' | 'botocore.exceptions.ClientError',
    message: string,
  ) {
    super(`${pythonType}: ${message}`)
    this.name = 'JobScriptError'
  }
}

/** The five job arguments the script reads with getResolvedOptions. */
export interface EtlJobArguments {
  readonly batchDate: string
  /** s3:// URIs: the batch prefix, the processed table prefix, the quarantine prefix, the report object. */
  readonly source: string
  readonly target: string
  readonly quarantine: string
  readonly report: string
}

const ARGUMENT_NAMES = ['batch_date', 'source', 'target', 'quarantine', 'report'] as const

/** getResolvedOptions(sys.argv, [...]): each argument is required; argparse exits naming the missing ones. */
export function resolveArguments(args: Readonly<Record<string, string>>): EtlJobArguments {
  const missing = ARGUMENT_NAMES.filter((name) => args[`--${name}`] === undefined)
  if (missing.length > 0) throw new JobScriptError('SystemExit', `the following arguments are required: ${missing.map((name) => `--${name}`).join(', ')}`)
  const value = (name: (typeof ARGUMENT_NAMES)[number]): string => args[`--${name}`] as string
  return { batchDate: value('batch_date'), source: value('source'), target: value('target'), quarantine: value('quarantine'), report: value('report') }
}

/** check_batch_date: ten characters, three all-digit parts. */
export function checkBatchDate(value: string): string {
  const parts = value.split('-')
  if (value.length !== 10 || parts.length !== 3 || !parts.every((part) => /^\d+$/.test(part))) throw new JobScriptError('ValueError', `--batch_date ${pythonRepr(value)} is not YYYY-MM-DD`)
  return value
}

/** split_s3_uri: `s3://bucket/some/prefix/` -> bucket and key. */
export function splitS3Uri(uri: string): { readonly bucket: string; readonly key: string } {
  if (!uri.startsWith('s3://')) throw new JobScriptError('ValueError', `${pythonRepr(uri)} is not an s3:// URI`)
  const rest = uri.slice('s3://'.length)
  const slash = rest.indexOf('/')
  return slash === -1 ? { bucket: rest, key: '' } : { bucket: rest.slice(0, slash), key: rest.slice(slash + 1) }
}

/** as_prefix: a key prefix that names a folder. */
export const asPrefix = (key: string): string => (key === '' || key.endsWith('/') ? key : `${key}/`)

/** The batch's files: every key under the prefix but folder markers and names starting with `_` or `.`. */
export function isBatchFile(key: string): boolean {
  const name = key.slice(key.lastIndexOf('/') + 1)
  return !key.endsWith('/') && !name.startsWith('_') && !name.startsWith('.')
}

/** The report table's one row, as numbers. */
export type EtlFigures = Omit<PipelineEtlFigures, 'seconds'>

/** check_accounting: every row read is written, rejected or removed as a duplicate. */
export function checkAccounting(figures: EtlFigures): void {
  const accounted = figures.rowsWritten + figures.rowsRejected + figures.rowsDeduplicated
  if (figures.rowsRead !== accounted) throw new JobScriptError('RuntimeError', `rows do not add up: read ${figures.rowsRead}, written + rejected + deduplicated ${accounted}`)
}

/** The report object put_report writes, field for field. */
export interface EtlReport extends PipelineEtlFigures {
  readonly dataset: string
  readonly batchDate: string
}

export function etlReport(dataset: string, batchDate: string, figures: EtlFigures, seconds: number): EtlReport {
  return { dataset, batchDate, ...figures, seconds: Math.round(seconds * 1000) / 1000 }
}

/** json.dumps(report, indent=2): the same text as JSON.stringify with two spaces. */
export const reportText = (report: EtlReport): string => JSON.stringify(report, null, 2)

// Python's repr of a str: single quotes unless the text holds one and no double quote.
function pythonRepr(text: string): string {
  return text.includes("'") && !text.includes('"') ? `"${text}"` : `'${text.replaceAll("'", "\\'")}'`
}
