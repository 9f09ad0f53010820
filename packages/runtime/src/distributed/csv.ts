import { ItemReaderFailed } from './failure.js'
import type { CsvDelimiter, ReaderConfig } from './types.js'

const DELIMITERS: Readonly<Record<CsvDelimiter, string>> = { COMMA: ',', PIPE: '|', SEMICOLON: ';', SPACE: ' ', TAB: '\t' }

/** The character a `CSVDelimiter` value names; COMMA when absent. */
export function delimiterOf(config: ReaderConfig | undefined): string {
  const name = config?.CSVDelimiter ?? 'COMMA'
  const char = Object.hasOwn(DELIMITERS, name) ? DELIMITERS[name] : undefined
  if (char === undefined) throw new ItemReaderFailed(`CSVDelimiter '${String(name)}' is not one of COMMA, PIPE, SEMICOLON, SPACE, TAB.`)
  return char
}

/**
 * Splits delimited text into records of string fields by the rules of "How Step Functions parses
 * input CSV files": newlines end records (`\n`, `\r\n` or `\r`; a newline at the very end adds no
 * record); a field that starts with `"` is quoted and may hold delimiters and newlines; `""` is one
 * `"`, inside quotes or out; a backslash escapes a backslash, a `"` or the delimiter, and before
 * any other character it is dropped. A leading UTF-8 byte order mark is dropped.
 *
 * Not confirmed against AWS: a lone `"` in the middle of an unquoted field is kept as a character;
 * an unclosed quote runs to the end of the text; `\"` is one `"` whether or not it is paired.
 *
 * @example parseDelimited('abc,"x, ""y"""\n', ',') // [['abc', 'x, "y"']]
 */
export function parseDelimited(text: string, delimiter: string): string[][] {
  const records: string[][] = []
  let fields: string[] = []
  let field = ''
  let started = false
  let quoted = false
  const endField = (): void => {
    fields.push(field)
    field = ''
    started = false
  }
  let at = text.startsWith('\uFEFF') ? 1 : 0
  while (at < text.length) {
    const char = text[at] as string
    const next = text[at + 1]
    if (char === '\\') {
      if (next === '\\' || next === '"' || next === delimiter) {
        field += next
        started = true
        at += 2
      } else at += 1
      continue
    }
    if (char === '"') {
      if (next === '"' && (quoted || started)) {
        field += '"'
        at += 2
      } else if (quoted) {
        quoted = false
        at += 1
      } else if (!started) {
        quoted = true
        started = true
        at += 1
      } else {
        field += '"'
        at += 1
      }
      continue
    }
    if (quoted) {
      field += char
      at += 1
      continue
    }
    if (char === delimiter) {
      endField()
      at += 1
      continue
    }
    if (char === '\n' || char === '\r') {
      endField()
      records.push(fields)
      fields = []
      at += char === '\r' && next === '\n' ? 2 : 1
      continue
    }
    field += char
    started = true
    at += 1
  }
  if (started || field !== '' || fields.length > 0) {
    endField()
    records.push(fields)
  }
  return records
}

/**
 * Turns delimited text into Map items, one object per record keyed by the column headers, every
 * value a string: the first record is the header for `CSVHeaderLocation: FIRST_ROW`, `CSVHeaders`
 * for `GIVEN`. A record shorter than the header gets empty strings, a longer one loses its extra
 * fields. At most `limit` items, counted after the header row.
 *
 * @example csvItems('id,qty\n1,2\n', { CSVHeaderLocation: 'FIRST_ROW' }, 10) // [{ id: '1', qty: '2' }]
 */
export function csvItems(text: string, config: ReaderConfig | undefined, limit: number): Record<string, string>[] {
  const records = parseDelimited(text, delimiterOf(config))
  const location = config?.CSVHeaderLocation ?? 'FIRST_ROW'
  let headers: readonly string[]
  if (location === 'FIRST_ROW') headers = records.shift() ?? []
  else if (location === 'GIVEN') {
    if (!Array.isArray(config?.CSVHeaders)) throw new ItemReaderFailed('CSVHeaderLocation GIVEN needs CSVHeaders, an array of column names.')
    headers = config.CSVHeaders
  } else throw new ItemReaderFailed(`CSVHeaderLocation '${String(location)}' is not one of FIRST_ROW, GIVEN.`)
  return rowsToItems(headers, records, limit)
}

/** Pairs records with headers: missing values are `''`, extra values are dropped. Duplicate headers fail as in AWS. */
export function rowsToItems(headers: readonly string[], records: readonly string[][], limit: number): Record<string, string>[] {
  if (new Set(headers).size < headers.length) throw new ItemReaderFailed('CSV headers cannot contain duplicates.')
  return records.slice(0, limit).map((record) => Object.fromEntries(headers.map((header, i) => [header, record[i] ?? ''])))
}
