import type { Dirent } from 'node:fs'
import { open, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { TEMP_PREFIX } from '../s3/keys.js'

/** One object under a table's folder, with the local file that holds it. */
export interface DataFile {
  readonly key: string
  readonly file: string
  readonly size: number
}

/**
 * The objects under `s3://<bucket>/<prefix>` in the local S3 folder, in key order, leaving out
 * what Glue and Athena leave out: any path segment starting with `_` or `.` (`_SUCCESS`,
 * `_temporary/`, hidden files) and the local S3's own temp files.
 *
 * @example await dataFiles('.dlc/s3', 'dlc-sales-lake-local', 'processed/sales/')
 */
export async function dataFiles(s3Root: string, bucket: string, prefix: string): Promise<DataFile[]> {
  const segments = prefix.split('/').filter((segment) => segment !== '')
  const found: DataFile[] = []
  const walk = async (dir: string, keyPrefix: string): Promise<void> => {
    let entries: Dirent[]
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (error) {
      if (typeof error === 'object' && error !== null && 'code' in error && (error.code === 'ENOENT' || error.code === 'ENOTDIR')) return
      throw error
    }
    for (const entry of entries) {
      if (entry.name.startsWith('_') || entry.name.startsWith('.') || entry.name.startsWith(TEMP_PREFIX)) continue
      const path = join(dir, entry.name)
      if (entry.isDirectory()) await walk(path, `${keyPrefix}${entry.name}/`)
      else if (entry.isFile()) found.push({ key: `${keyPrefix}${entry.name}`, file: path, size: (await stat(path)).size })
    }
  }
  await walk(join(s3Root, bucket, ...segments), segments.length === 0 ? '' : `${segments.join('/')}/`)
  return found.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
}

/** Whether a file is Parquet: it starts with the `PAR1` magic. */
export async function isParquet(file: string): Promise<boolean> {
  const handle = await open(file, 'r')
  try {
    const magic = Buffer.alloc(4)
    const { bytesRead } = await handle.read(magic, 0, 4, 0)
    return bytesRead === 4 && magic.toString('latin1') === 'PAR1'
  } finally {
    await handle.close()
  }
}

/** A folder between the table's folder and a file: `year=2026` is the partition key `year` with value `2026`. */
export interface PartitionFolder {
  readonly key: string
  readonly value: string
}

/**
 * The partition folders of a key below the table's prefix. A folder that is not `name=value`
 * gets the name Glue gives it, `partition_<n>`.
 *
 * @example partitionFolders('processed/sales/', 'processed/sales/year=2026/month=11/part-0.parquet') // [{key:'year',value:'2026'},{key:'month',value:'11'}]
 */
export function partitionFolders(prefix: string, key: string): PartitionFolder[] {
  const folders = key.slice(prefix.length).split('/').slice(0, -1)
  return folders.map((folder, index) => {
    const equals = folder.indexOf('=')
    return equals > 0 ? { key: folder.slice(0, equals).toLowerCase(), value: decodeURIComponentSafe(folder.slice(equals + 1)) } : { key: `partition_${index}`, value: folder }
  })
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}
