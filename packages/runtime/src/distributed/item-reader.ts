import { S3Error, type LocalS3 } from '../s3/index.js'
import { ItemReaderFailed } from './failure.js'
import { athenaItems, inventoryItems } from './manifests.js'
import { parseItems } from './parse-items.js'
import { readObjectText } from './read-object.js'
import type { ItemReader, ReaderConfig } from './types.js'

/** AWS stops reading items after this many, and a MaxItems of 0 means this. */
export const MAX_ITEMS_LIMIT = 100_000_000

/** An item `arn:aws:states:::s3:listObjectsV2` gives: note `Etag`, not `ETag`, and LastModified in epoch seconds. */
export interface ListedObjectItem {
  readonly Etag: string
  readonly Key: string
  readonly LastModified: number
  readonly Size: number
  readonly StorageClass: string
}

/**
 * Reads a Distributed Map's items from the local S3 as AWS's ItemReader does (developer guide,
 * "ItemReader (Map)" and "How Step Functions parses input CSV files"):
 *
 * - `arn:aws:states:::s3:getObject` with `ReaderConfig.InputType` `JSON` (an array, or the one
 *   `ItemsPointer` selects), `JSONL`, `CSV` (`CSVHeaderLocation`, `CSVHeaders`, `CSVDelimiter`;
 *   every value a string), `MANIFEST` / `ManifestType: S3_INVENTORY` (an S3 Inventory manifest)
 *   and `ManifestType: ATHENA_DATA`; `.gz` objects are gunzipped;
 * - `arn:aws:states:::s3:listObjectsV2`: every object under `Prefix` as `{ Etag, Key,
 *   LastModified, Size, StorageClass }`, or with `Transformation: LOAD_AND_FLATTEN` the items of
 *   every listed object, read by `InputType`;
 * - `ReaderConfig.MaxItems` (or `maxItemsOverride`, the value of `MaxItemsPath` or of a JSONata
 *   `MaxItems`): at most that many items; 0 means no limit.
 *
 * Failures are `ItemReaderFailed` (`States.ItemReaderFailed`). PARQUET input is refused with
 * `NotSupportedLocally`. Causes AWS was recorded giving are reproduced ("CSV headers cannot contain
 * duplicates.", "Attempting to map over non-iterable node.", "field MaxItems must be positive");
 * the wording of the others (missing object, bad JSON, bad configuration) is the local runtime's own.
 *
 * @example
 * await readItems({ Resource: 'arn:aws:states:::s3:getObject', ReaderConfig: { InputType: 'CSV', CSVHeaderLocation: 'FIRST_ROW' }, Parameters: { Bucket: 'raw', Key: 'ratings.csv' } }, s3)
 * // [{ userId: '1', movieId: '307', rating: '3.5', timestamp: '1256677221' }, ...]
 */
export async function readItems(itemReader: ItemReader, s3: LocalS3, maxItemsOverride?: number): Promise<unknown[]> {
  const config = itemReader.ReaderConfig
  const limit = maxItemsOf(maxItemsOverride ?? config?.MaxItems)
  const args = itemReader.Arguments ?? itemReader.Parameters ?? {}
  const bucket = stringArgument(args, 'Bucket')
  const action = /^arn:aws[\w-]*:states:::s3:(getObject|listObjectsV2)$/.exec(itemReader.Resource)?.[1]
  if (action === 'listObjectsV2') return listedItems(s3, bucket, args, config, limit)
  if (action !== 'getObject') {
    throw new ItemReaderFailed(`The ItemReader Resource '${itemReader.Resource}' is not arn:aws:states:::s3:getObject or arn:aws:states:::s3:listObjectsV2.`)
  }
  const key = stringArgument(args, 'Key')
  if (config?.ManifestType === 'ATHENA_DATA') return athenaItems(s3, bucket, key, config, limit)
  if (config?.ManifestType === 'S3_INVENTORY') {
    if (config.InputType !== undefined) throw new ItemReaderFailed('ManifestType S3_INVENTORY takes no InputType; the inventory is read as CSV.')
    return inventoryItems(s3, bucket, key, config, limit)
  }
  if (config?.ManifestType !== undefined) throw new ItemReaderFailed(`ManifestType '${String(config.ManifestType)}' is not one of ATHENA_DATA, S3_INVENTORY.`)
  if (config?.InputType === 'MANIFEST') return inventoryItems(s3, bucket, key, config, limit)
  if (config?.InputType === undefined) throw new ItemReaderFailed('An ItemReader with arn:aws:states:::s3:getObject needs ReaderConfig.InputType.')
  return parseItems(await readObjectText(s3, bucket, key), config.InputType, config, limit, `s3://${bucket}/${key}`)
}

/**
 * The item limit a MaxItems value sets. AWS was recorded failing a negative MaxItemsPath value
 * with the cause "field MaxItems must be positive".
 */
function maxItemsOf(value: number | undefined): number {
  if (value === undefined || value === 0) return MAX_ITEMS_LIMIT
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new ItemReaderFailed(`MaxItems must be a non-negative integer, got ${JSON.stringify(value)}.`)
  if (value < 0) throw new ItemReaderFailed('field MaxItems must be positive')
  return Math.min(value, MAX_ITEMS_LIMIT)
}

async function listedItems(s3: LocalS3, bucket: string, args: Readonly<Record<string, unknown>>, config: ReaderConfig | undefined, limit: number): Promise<unknown[]> {
  const transformation = config?.Transformation ?? 'NONE'
  if (transformation !== 'NONE' && transformation !== 'LOAD_AND_FLATTEN') {
    throw new ItemReaderFailed(`Transformation '${String(transformation)}' is not one of NONE, LOAD_AND_FLATTEN.`)
  }
  const loadAs = transformation === 'LOAD_AND_FLATTEN' ? config?.InputType : undefined
  if (transformation === 'LOAD_AND_FLATTEN' && loadAs === undefined) throw new ItemReaderFailed('Transformation LOAD_AND_FLATTEN needs ReaderConfig.InputType.')
  const items: unknown[] = []
  let token: string | undefined
  do {
    const page = await listPage(s3, bucket, args, token)
    for (const object of page.Contents ?? []) {
      if (items.length >= limit) return items
      if (loadAs === undefined) {
        const item: ListedObjectItem = { Etag: object.ETag, Key: object.Key, LastModified: Math.floor(object.LastModified.getTime() / 1000), Size: object.Size, StorageClass: object.StorageClass }
        items.push(item)
        continue
      }
      const text = await readObjectText(s3, bucket, object.Key)
      items.push(...parseItems(text, loadAs, config, limit - items.length, `s3://${bucket}/${object.Key}`))
    }
    token = page.NextContinuationToken
  } while (token !== undefined && items.length < limit)
  return items
}

async function listPage(s3: LocalS3, bucket: string, args: Readonly<Record<string, unknown>>, token: string | undefined): ReturnType<LocalS3['listObjectsV2']> {
  const optional = (name: string): Record<string, string> => (typeof args[name] === 'string' ? { [name]: args[name] } : {})
  try {
    return await s3.listObjectsV2({ Bucket: bucket, ...optional('Prefix'), ...optional('Delimiter'), ...optional('StartAfter'), ...(token === undefined ? {} : { ContinuationToken: token }) })
  } catch (error) {
    if (error instanceof S3Error) throw new ItemReaderFailed(`Listing s3://${bucket}/${String(args['Prefix'] ?? '')} failed: ${error.name}: ${error.message}`)
    throw error
  }
}

function stringArgument(args: Readonly<Record<string, unknown>>, name: 'Bucket' | 'Key'): string {
  const value = args[name]
  if (typeof value !== 'string' || value === '') throw new ItemReaderFailed(`The ItemReader's Parameters (or Arguments) need '${name}', a non-empty string.`)
  return value
}
