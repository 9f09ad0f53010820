import * as zlib from 'node:zlib'
import { S3Error, type LocalS3 } from '../s3/index.js'
import { ItemReaderFailed, NotSupportedLocally } from './failure.js'

/**
 * Reads an object for the ItemReader as text, decompressed by its name as AWS does: `.gz` is
 * GZIP, `.zst`/`.zstd` is ZSTD (only where this Node has zstd). S3 failures become
 * `States.ItemReaderFailed`, naming the object and S3's error.
 *
 * @example await readObjectText(s3, 'raw', 'sales/orders.jsonl.gz')
 */
export async function readObjectText(s3: LocalS3, bucket: string, key: string): Promise<string> {
  let body: Uint8Array
  try {
    body = (await s3.getObject({ Bucket: bucket, Key: key })).Body
  } catch (error) {
    if (error instanceof S3Error) throw new ItemReaderFailed(`Reading s3://${bucket}/${key} failed: ${error.name}: ${error.message}`)
    throw error
  }
  return new TextDecoder('utf-8').decode(decompress(body, bucket, key))
}

function decompress(body: Uint8Array, bucket: string, key: string): Uint8Array {
  const lower = key.toLowerCase()
  try {
    if (lower.endsWith('.gz')) return zlib.gunzipSync(body)
    if (lower.endsWith('.zst') || lower.endsWith('.zstd')) return unzstd(body)
  } catch (error) {
    if (error instanceof NotSupportedLocally) throw error
    throw new ItemReaderFailed(`s3://${bucket}/${key} could not be decompressed: ${(error as Error).message}`)
  }
  return body
}

function unzstd(body: Uint8Array): Uint8Array {
  const decompressSync: unknown = (zlib as unknown as Record<string, unknown>)['zstdDecompressSync']
  if (typeof decompressSync !== 'function') {
    throw new NotSupportedLocally(`ZSTD-compressed ItemReader input needs Node.js 22.15 or later (zlib.zstdDecompressSync); this is Node.js ${process.versions.node}`)
  }
  return (decompressSync as (input: Uint8Array) => Uint8Array)(body)
}
