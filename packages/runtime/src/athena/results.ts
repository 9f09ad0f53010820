import type { AthenaColumnInfo } from './values.js'

/** One row of GetQueryResults: a Datum per column, `{}` for NULL as Athena gives it. */
export interface AthenaRow {
  readonly Data: readonly { readonly VarCharValue?: string }[]
}

/** GetQueryResults' answer (https://docs.aws.amazon.com/athena/latest/APIReference/API_GetQueryResults.html). */
export interface AthenaQueryResults {
  readonly UpdateCount: number
  readonly ResultSet: {
    readonly Rows: readonly AthenaRow[]
    readonly ResultSetMetadata: { readonly ColumnInfo: readonly AthenaColumnInfo[] }
  }
  readonly NextToken?: string
}

/** A cell of a result: its text, or undefined for NULL. */
export type ResultCell = string | undefined

/**
 * A result as Athena's output CSV: a header row, every value in double quotes (a quote doubled),
 * NULL as an empty unquoted field, `\n` after each row.
 *
 * @example resultCsv(['n'], [['1'], [undefined]]) // '"n"\n"1"\n\n'
 */
export function resultCsv(names: readonly string[], rows: readonly (readonly ResultCell[])[]): string {
  const line = (cells: readonly ResultCell[]): string => cells.map((cell) => (cell === undefined ? '' : `"${cell.replaceAll('"', '""')}"`)).join(',')
  return [line(names), ...rows.map(line)].map((text) => `${text}\n`).join('')
}

/** Reads a result CSV back, header row first, telling NULL (empty, unquoted) from '' (`""`). */
export function parseResultCsv(text: string, columns: number): ResultCell[][] {
  const rows: ResultCell[][] = []
  let row: ResultCell[] = []
  let index = 0
  while (index < text.length) {
    let cell: ResultCell
    if (text[index] === '"') {
      let value = ''
      index++
      while (index < text.length) {
        if (text[index] === '"') {
          if (text[index + 1] === '"') {
            value += '"'
            index += 2
            continue
          }
          index++
          break
        }
        value += text[index]
        index++
      }
      cell = value
    } else cell = undefined
    row.push(cell)
    if (text[index] === ',') {
      index++
      continue
    }
    if (text[index] === '\n') index++
    // A row of one NULL column is an empty line: it still has its one cell.
    rows.push(columns === 0 ? [] : row)
    row = []
  }
  return rows
}

/**
 * One page of results as GetQueryResults gives it: the header row counts as the first page's
 * first row, MaxResults rows a page (at most 1000), NextToken while rows remain.
 */
export function resultPage(columns: readonly AthenaColumnInfo[], rows: readonly (readonly ResultCell[])[], maxResults: number, nextToken: string | undefined): AthenaQueryResults {
  const start = nextToken === undefined ? 0 : decodeToken(nextToken)
  const end = Math.min(rows.length, start + maxResults)
  const page = rows.slice(start, end).map((cells) => ({ Data: cells.map((cell) => (cell === undefined ? {} : { VarCharValue: cell })) }))
  return {
    UpdateCount: 0,
    ResultSet: { Rows: page, ResultSetMetadata: { ColumnInfo: columns } },
    ...(end < rows.length ? { NextToken: encodeToken(end) } : {}),
  }
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64')
}

/** The row a NextToken points at, or -1 when it is not one this service gave. */
export function decodeToken(token: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { offset?: unknown }
    return typeof parsed.offset === 'number' && Number.isInteger(parsed.offset) && parsed.offset >= 0 ? parsed.offset : -1
  } catch {
    return -1
  }
}
