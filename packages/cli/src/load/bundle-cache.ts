import { createHash, randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import packageJson from '../../package.json'
import type { SourceMessage } from './bundle.js'
import type { Entry } from './entry.js'

/** A bundle as `bundleModule` returns it, and what it was built from. */
interface CachedBundle {
  readonly code: string
  readonly sourceMap: string
  readonly warnings: readonly SourceMessage[]
}

interface CacheFile extends CachedBundle {
  /** Every file esbuild read, absolute, with the sha256 of its content then. */
  readonly inputs: readonly { readonly file: string; readonly sha256: string }[]
}

/**
 * Bundling a module starts esbuild's service, which costs more than compiling a pipeline. A
 * bundle is kept in `<project>/.dlc/cache/bundles/` with the content hash of every file esbuild
 * read; it is reused only while all of them are unchanged, so it is never stale. `DLC_NO_CACHE=1`
 * bundles afresh every time.
 */
function cacheFile(entry: Entry): string | undefined {
  if (process.env['DLC_NO_CACHE'] === '1') return undefined
  const key = createHash('sha256').update(JSON.stringify([packageJson.version, entry.file, entry.projectDir])).digest('hex').slice(0, 32)
  return join(entry.projectDir, '.dlc', 'cache', 'bundles', `${key}.json`)
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex')

/** The cached bundle of the entry, if every file it was built from is as it was. */
export async function cachedBundle(entry: Entry): Promise<CachedBundle | undefined> {
  const file = cacheFile(entry)
  if (file === undefined) return undefined
  try {
    const cached = JSON.parse(await readFile(file, 'utf8')) as CacheFile
    const current = await Promise.all(cached.inputs.map(async (input) => sha256(await readFile(input.file)) === input.sha256))
    return current.every(Boolean) ? { code: cached.code, sourceMap: cached.sourceMap, warnings: cached.warnings } : undefined
  } catch {
    // No cache yet, an input gone, or a file from another dlc: bundle afresh.
    return undefined
  }
}

/** Keeps the bundle for the next run; a cache that cannot be written is no error. */
export async function saveBundle(entry: Entry, inputs: readonly string[], bundle: CachedBundle): Promise<void> {
  const file = cacheFile(entry)
  if (file === undefined) return
  try {
    const hashed = await Promise.all(
      inputs.map(async (input) => {
        const absolute = resolve(entry.projectDir, input)
        return { file: absolute, sha256: sha256(await readFile(absolute)) }
      }),
    )
    const content: CacheFile = { ...bundle, inputs: hashed }
    await mkdir(join(file, '..'), { recursive: true })
    const temp = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`
    await writeFile(temp, JSON.stringify(content))
    await rename(temp, file)
  } catch {
    // A read-only project or a full disk: the next run bundles again.
  }
}
