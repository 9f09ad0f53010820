import { DslError } from '../expr/expr.js'
import type { CsvSourceNode } from './ir.js'

export interface CsvOptions {
  /** The first line names the columns (default true). */
  readonly header?: boolean
  readonly delimiter?: string
  readonly quote?: string
  /** Inside quotes; default a doubled quote, as RFC 4180 writes it. */
  readonly escape?: string
  /** `latin-1` / `windows-1252` for ERP exports; decoded to UTF-8 before anything else. */
  readonly encoding?: CsvSourceNode['encoding']
  /** Raw texts that mean "no value" in every column; default only the empty field. */
  readonly nullTokens?: readonly string[]
  /** Numbers written `1.234,56` (decimal comma, `.` thousands). */
  readonly decimalComma?: boolean
}

/**
 * How the raw batch files are written.
 * @example csv({ delimiter: ';', encoding: 'windows-1252', decimalComma: true })
 */
export function csv(options: CsvOptions = {}): CsvSourceNode {
  const delimiter = options.delimiter ?? ','
  const quote = options.quote ?? '"'
  for (const [field, value] of [['delimiter', delimiter], ['quote', quote], ['escape', options.escape ?? quote]] as const) {
    if ([...value].length !== 1 || value === '\n' || value === '\r') {
      throw new DslError(`csv ${field} ${JSON.stringify(value)} is not one character`, `/source/${field}`, `use a single character such as ${field === 'delimiter' ? "',' or ';'" : `'"'`}`, 'DLC_INVALID_DATASET')
    }
  }
  if (delimiter === quote) throw new DslError('csv delimiter and quote are the same character', '/source/quote', 'the quote must differ from the delimiter', 'DLC_INVALID_DATASET')
  if (options.decimalComma === true && delimiter === ',') {
    throw new DslError('decimal commas with a "," delimiter cannot be told apart', '/source/decimalComma', "ERP exports with decimal commas use ';': csv({ delimiter: ';', decimalComma: true })", 'DLC_INVALID_DATASET')
  }
  return Object.freeze({
    kind: 'CsvSource',
    header: options.header ?? true,
    delimiter,
    quote,
    escape: options.escape ?? quote,
    encoding: options.encoding ?? 'utf-8',
    nullTokens: Object.freeze([...(options.nullTokens ?? [''])]),
    decimalComma: options.decimalComma ?? false,
  })
}
