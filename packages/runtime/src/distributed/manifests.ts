import type { LocalS3 } from '../s3/index.js'
import { delimiterOf, parseDelimited, rowsToItems } from './csv.js'
import { ItemReaderFailed } from './failure.js'
import { parseItems } from './parse-items.js'
import { readObjectText } from './read-object.js'
import type { ReaderConfig } from './types.js'

/**
 * Reads an S3 Inventory report through its `manifest.json`: every data file it lists (CSV,
 * usually gzipped, in the manifest's destination bucket) becomes items keyed by the manifest's
 * `fileSchema`, every value a string, e.g. `{ Bucket, Key, Size, LastModifiedDate }`. Only CSV
 * inventories are accepted, as in AWS.
 *
 * @example await inventoryItems(s3, 'inventory', 'source/config/2026-11-25T01-00Z/manifest.json', undefined, 100)
 */
export async function inventoryItems(s3: LocalS3, bucket: string, key: string, config: ReaderConfig | undefined, limit: number): Promise<unknown[]> {
  const where = `s3://${bucket}/${key}`
  const manifest = parseManifest(await readObjectText(s3, bucket, key), where)
  const format = manifest.fileFormat
  if (format !== 'CSV') throw new ItemReaderFailed(`The inventory manifest ${where} has fileFormat '${String(format)}'; only CSV inventories can be read.`)
  if (typeof manifest.fileSchema !== 'string') throw new ItemReaderFailed(`The inventory manifest ${where} has no fileSchema.`)
  const headers = manifest.fileSchema.split(',').map((name) => name.trim())
  const dataBucket = typeof manifest.destinationBucket === 'string' ? manifest.destinationBucket.replace(/^arn:[\w-]+:s3:::/, '') : bucket
  const files = Array.isArray(manifest.files) ? manifest.files : []
  const delimiter = delimiterOf(config)
  const items: unknown[] = []
  for (const file of files) {
    if (items.length >= limit) break
    const dataKey = (file as { key?: unknown } | null)?.key
    if (typeof dataKey !== 'string') throw new ItemReaderFailed(`The inventory manifest ${where} lists a file without a key.`)
    const records = parseDelimited(await readObjectText(s3, dataBucket, dataKey), delimiter)
    items.push(...rowsToItems(headers, records, limit - items.length))
  }
  return items
}

/**
 * Reads the data an Athena `UNLOAD` wrote, through its manifest: a list of `s3://` URIs, one per
 * line, each read with the ReaderConfig's InputType (CSV or JSONL here; UNLOAD's CSV has no
 * header row, so CSVHeaders are given).
 *
 * @example await athenaItems(s3, 'results', 'unload/abc-manifest.csv', { ManifestType: 'ATHENA_DATA', InputType: 'JSONL' }, 100)
 */
export async function athenaItems(s3: LocalS3, bucket: string, key: string, config: ReaderConfig | undefined, limit: number): Promise<unknown[]> {
  const inputType = config?.InputType
  if (inputType !== 'CSV' && inputType !== 'JSONL' && inputType !== 'PARQUET') {
    throw new ItemReaderFailed(`ManifestType ATHENA_DATA needs InputType CSV, JSONL or PARQUET, not '${String(inputType)}'.`)
  }
  const uris = (await readObjectText(s3, bucket, key)).split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '')
  const items: unknown[] = []
  for (const uri of uris) {
    if (items.length >= limit) break
    const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri)
    if (match?.[1] === undefined || match[2] === undefined) throw new ItemReaderFailed(`The Athena manifest s3://${bucket}/${key} lists '${uri}', which is not an s3:// URI.`)
    const text = await readObjectText(s3, match[1], match[2])
    items.push(...parseItems(text, inputType, config, limit - items.length, uri))
  }
  return items
}

interface InventoryManifest {
  readonly fileFormat?: unknown
  readonly fileSchema?: unknown
  readonly destinationBucket?: unknown
  readonly files?: unknown
}

function parseManifest(text: string, where: string): InventoryManifest {
  try {
    const manifest: unknown = JSON.parse(text)
    if (typeof manifest === 'object' && manifest !== null && !Array.isArray(manifest)) return manifest
  } catch {
    // reported below, with the object's name
  }
  throw new ItemReaderFailed(`${where} is not an S3 inventory manifest (a JSON object with fileFormat, fileSchema and files).`)
}
