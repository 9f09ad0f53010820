/**
 * A query Athena accepts but fails: the error name Athena's engine gives (`SYNTAX_ERROR`,
 * `TABLE_NOT_FOUND`, `COLUMN_NOT_FOUND`, ...) and where in the query, which together make the
 * query's Status.StateChangeReason (`TABLE_NOT_FOUND: line 1:15: Table 'awsdatacatalog.sales_db.x' does not exist`).
 */
export class AthenaQueryError extends Error {
  override readonly name = 'AthenaQueryError'

  constructor(
    readonly errorName: string,
    readonly detail: string,
    readonly position?: { readonly line: number; readonly column: number },
    /** AthenaError.ErrorCategory: 1 system, 2 user, 3 other. */
    readonly category: 1 | 2 | 3 = 2,
  ) {
    super(`${errorName}: ${position === undefined ? '' : `line ${position.line}:${position.column}: `}${detail}`)
  }

  /** AthenaError.ErrorType: Athena's numeric code for the kind of error (https://docs.aws.amazon.com/athena/latest/ug/error-reference.html). */
  get errorType(): number {
    return ERROR_TYPES[this.errorName] ?? 1299
  }
}

// Athena's error catalog: 1000s are user errors (syntax 1001, missing table/column/schema 1006/1007), 1100s invalid arguments.
const ERROR_TYPES: Readonly<Record<string, number>> = {
  SYNTAX_ERROR: 1001,
  TABLE_NOT_FOUND: 1006,
  SCHEMA_NOT_FOUND: 1006,
  COLUMN_NOT_FOUND: 1007,
  FUNCTION_NOT_FOUND: 1008,
  TYPE_MISMATCH: 1101,
  INVALID_PARAMETER_USAGE: 1101,
  INVALID_FUNCTION_ARGUMENT: 1101,
  NOT_SUPPORTED: 1204,
  DIVISION_BY_ZERO: 1102,
  GENERIC_INTERNAL_ERROR: 401,
}

/** Line and column (1-based) of an offset in a text. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, Math.min(offset, text.length)))
  const lines = before.split('\n')
  return { line: lines.length, column: (lines.at(-1)?.length ?? 0) + 1 }
}

/**
 * Turns a DuckDB error on the rewritten query into Athena's error: the DuckDB message's kind
 * (Parser, Catalog, Binder, Conversion, ...) decides the name; the caret line gives the position.
 */
export function fromDuckDBError(message: string, sql: string, database: string): AthenaQueryError {
  const position = caretPosition(message, sql)
  const first = (message.split('\n')[0] ?? message).trim()
  const kind = /^([A-Za-z ]+) Error: /.exec(first)?.[1] ?? ''
  const text = first.replace(/^[A-Za-z ]+ Error: /, '')
  const missingTable = /Table with name (\S+) does not exist/.exec(text)
  if (missingTable?.[1] !== undefined) return new AthenaQueryError('TABLE_NOT_FOUND', `Table 'awsdatacatalog.${database}.${missingTable[1].toLowerCase()}' does not exist`, position)
  const missingColumn = /Referenced column "?([^"]+)"? not found/.exec(text)
  if (missingColumn?.[1] !== undefined) return new AthenaQueryError('COLUMN_NOT_FOUND', `Column '${missingColumn[1]}' cannot be resolved or requester is not authorized to access requested resources`, position)
  const missingFunction = /Scalar Function with name (\S+) does not exist|Function with name (\S+) does not exist/.exec(text)
  if (missingFunction !== null) return new AthenaQueryError('FUNCTION_NOT_FOUND', `Function '${missingFunction[1] ?? missingFunction[2]}' not registered`, position)
  if (kind === 'Parser') return new AthenaQueryError('SYNTAX_ERROR', text, position)
  if (/division by zero/i.test(text)) return new AthenaQueryError('DIVISION_BY_ZERO', 'Division by zero', position)
  if (kind === 'Binder' && /No function matches|Could not choose/.test(text)) return new AthenaQueryError('FUNCTION_NOT_FOUND', text, position)
  if (kind === 'Binder' || kind === 'Catalog') return new AthenaQueryError('SYNTAX_ERROR', text, position)
  if (kind === 'Conversion' || kind === 'Invalid Input') return new AthenaQueryError('INVALID_FUNCTION_ARGUMENT', text, position)
  if (kind === 'Out of Range') return new AthenaQueryError('NUMERIC_VALUE_OUT_OF_RANGE', text, position)
  return new AthenaQueryError('GENERIC_INTERNAL_ERROR', text, position, 1)
}

// DuckDB ends an error with the query line and a caret under the spot: `LINE 1: SELECT x FROM t\n               ^`.
function caretPosition(message: string, sql: string): { line: number; column: number } | undefined {
  const lines = message.split('\n')
  const at = lines.findIndex((line) => /^LINE \d+: /.test(line))
  const caret = lines[at + 1]
  if (at === -1 || caret === undefined) return undefined
  const prefix = /^LINE (\d+): /.exec(lines[at] ?? '')
  const line = Number(prefix?.[1] ?? 1)
  const column = caret.indexOf('^') - (prefix?.[0].length ?? 0) + 1
  if (column < 1) return undefined
  // DuckDB shows a window of a long line: find the shown text in the query to place the caret.
  const shown = (lines[at] ?? '').slice(prefix?.[0].length ?? 0).replace(/^\.\.\./, '')
  const sqlLine = sql.split('\n')[line - 1] ?? ''
  const start = sqlLine.indexOf(shown.slice(0, 20))
  const trimmed = (lines[at] ?? '').slice(prefix?.[0].length ?? 0).startsWith('...') ? 3 : 0
  return { line, column: start > 0 ? start + column - trimmed : column }
}
