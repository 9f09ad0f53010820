import { csvItems } from './csv.js'
import { ItemReaderFailed, NotSupportedLocally } from './failure.js'
import { selectPointer } from './json-pointer.js'
import type { InputType, ReaderConfig } from './types.js'

/**
 * Turns the text of one data object into Map items by its InputType: a JSON file holds an array
 * (or `ItemsPointer` points at one), a JSON Lines file one value per line, a CSV file one item
 * per record. `where` names the object in error causes. At most `limit` items.
 *
 * @example parseItems('{"a":1}\n{"a":2}\n', 'JSONL', undefined, 10, 's3://raw/x.jsonl') // [{ a: 1 }, { a: 2 }]
 */
export function parseItems(text: string, inputType: InputType, config: ReaderConfig | undefined, limit: number, where: string): unknown[] {
  switch (inputType) {
    case 'JSON':
      return jsonItems(text, config?.ItemsPointer, where).slice(0, limit)
    case 'JSONL':
      return jsonLinesItems(text, limit, where)
    case 'CSV':
      return csvItems(text, config, limit)
    case 'PARQUET':
      throw new NotSupportedLocally(`ItemReader InputType PARQUET (${where}) is not supported by the local runtime; AWS reads it, dlc run does not`)
    case 'MANIFEST':
      throw new ItemReaderFailed(`InputType MANIFEST names an S3 inventory manifest, not a data file (${where}).`)
    default:
      throw new ItemReaderFailed(`InputType '${String(inputType)}' is not one of CSV, JSON, JSONL, PARQUET, MANIFEST.`)
  }
}

function jsonItems(text: string, pointer: string | undefined, where: string): unknown[] {
  let document: unknown
  try {
    document = JSON.parse(text)
  } catch (error) {
    throw new ItemReaderFailed(`${where} is not a JSON document: ${(error as Error).message}`)
  }
  const node = pointer === undefined ? document : selectPointer(document, pointer)
  if (node === undefined) throw new ItemReaderFailed(`The ItemsPointer '${pointer ?? ''}' selects nothing in ${where}.`)
  if (!Array.isArray(node)) throw new ItemReaderFailed('Attempting to map over non-iterable node.')
  return node
}

function jsonLinesItems(text: string, limit: number, where: string): unknown[] {
  const items: unknown[] = []
  const lines = text.split(/\r?\n/)
  for (let index = 0; index < lines.length && items.length < limit; index++) {
    const line = lines[index] as string
    if (line.trim() === '') continue
    try {
      items.push(JSON.parse(line))
    } catch (error) {
      throw new ItemReaderFailed(`Line ${index + 1} of ${where} is not a JSON value: ${(error as Error).message}`)
    }
  }
  return items
}
