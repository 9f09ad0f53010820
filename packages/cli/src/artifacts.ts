import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** A file to write: where, and its whole content. */
export interface ArtifactFile {
  readonly path: string
  readonly content: string
}

/**
 * Writes every file or none: each is first written to a temp file beside its target, and
 * only when all are written are they renamed into place, so a reader never sees half a file
 * and a failed write leaves the old artifacts as they were.
 *
 * @example await writeArtifacts([{ path: 'out/orders.asl.json', content: toJson(definition) }])
 */
export async function writeArtifacts(files: readonly ArtifactFile[]): Promise<void> {
  const staged: { readonly temp: string; readonly path: string }[] = []
  try {
    for (const { path, content } of files) {
      await mkdir(dirname(path), { recursive: true })
      const temp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`)
      staged.push({ temp, path })
      await writeFile(temp, content)
    }
  } catch (error) {
    await Promise.all(staged.map(({ temp }) => rm(temp, { force: true })))
    throw error
  }
  for (const { temp, path } of staged) await rename(temp, path)
}
