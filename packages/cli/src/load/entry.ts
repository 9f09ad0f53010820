import { stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'

/** The files a project directory may keep its workflows in, in the order they are looked for. */
export const ENTRY_FILES = ['workflow.ts', 'pipeline.ts', 'index.ts'] as const

/** The module to load and the project directory it belongs to. */
export interface Entry {
  readonly file: string
  readonly projectDir: string
}

export type EntryLookup = { readonly found: Entry } | { readonly missing: string; readonly hint: string }

/**
 * Finds the module behind what the user named: the file itself, or the first of
 * `workflow.ts`, `pipeline.ts`, `index.ts` in a directory.
 *
 * @example await findEntry('/repo/examples/datalake') // { found: { file: '/repo/examples/datalake/workflow.ts', projectDir: '/repo/examples/datalake' } }
 */
export async function findEntry(path: string): Promise<EntryLookup> {
  const kind = await kindOf(path)
  if (kind === 'file') return { found: { file: path, projectDir: dirname(path) } }
  if (kind === 'missing') return { missing: `no such file or directory`, hint: 'pass a project directory or a .ts file that exports a workflow' }
  for (const name of ENTRY_FILES) {
    const file = join(path, name)
    if ((await kindOf(file)) === 'file') return { found: { file, projectDir: path } }
  }
  return { missing: `no ${ENTRY_FILES.join(', ')} in this directory`, hint: 'name the module that exports your workflow, e.g. dlc compile <dir>/my-flow.ts' }
}

async function kindOf(path: string): Promise<'file' | 'directory' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'directory' : 'file'
  } catch {
    return 'missing'
  }
}
