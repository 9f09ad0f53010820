import type { Dirent } from 'node:fs'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { keyOf, TEMP_PREFIX } from './keys.js'
import { compareKeys } from './listing.js'

/**
 * Every key under a prefix, in S3's order (UTF-8 bytes), read from the folders directly: only the
 * folder the prefix names is walked, down to every file; temp files are skipped. LocalS3's
 * listings and the local Glue job (which needs no ETags) both use it.
 */
export async function keysUnder(folder: string, prefix: string): Promise<string[]> {
  const segments = prefix.split('/').slice(0, -1)
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || segment.startsWith(TEMP_PREFIX))) return []
  const keys: string[] = []
  const walk = async (dir: string): Promise<void> => {
    let entries: Dirent[]
    try {
      entries = await readdir(dir, { withFileTypes: true })
    } catch (error) {
      if (hasCode(error, 'ENOENT', 'ENOTDIR')) return
      throw error
    }
    for (const entry of entries) {
      if (entry.name.startsWith(TEMP_PREFIX)) continue
      const path = join(dir, entry.name)
      const isDirectory = entry.isDirectory() || (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isDirectory() === true)
      if (isDirectory) await walk(path)
      else if (entry.isFile() || entry.isSymbolicLink()) keys.push(keyOf(folder, path))
    }
  }
  await walk(join(folder, ...segments))
  return keys.filter((key) => key.startsWith(prefix)).sort(compareKeys)
}

/** Whether a file-system error has one of these codes (`ENOENT`, ...). */
export function hasCode(error: unknown, ...codes: string[]): boolean {
  return typeof error === 'object' && error !== null && codes.includes(String((error as { code?: unknown }).code))
}
