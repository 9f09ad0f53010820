import type { BuildFailure, Message } from 'esbuild'
import { isAbsolute, resolve } from 'node:path'
import { cachedBundle, saveBundle } from './bundle-cache.js'
import type { Entry } from './entry.js'

/** The module as one ESM file with its source map, or esbuild's findings about why it is not one. */
export type BundleResult =
  | { readonly ok: true; readonly code: string; readonly sourceMap: string; readonly warnings: readonly SourceMessage[] }
  | { readonly ok: false; readonly errors: readonly SourceMessage[]; readonly warnings: readonly SourceMessage[] }

/** An esbuild message, its file made absolute. */
export interface SourceMessage {
  readonly text: string
  readonly file?: string
  /** 1-based */
  readonly line?: number
  /** 1-based */
  readonly column?: number
  readonly notes: readonly string[]
}

/**
 * Bundles a TypeScript module and everything it imports (packages included, so `@dlc/dsl`
 * is whatever the user's project resolves it to) into one ESM file meant to live at
 * `outfile`. Node builtins stay imports; `require` is the project's, for bundled CommonJS.
 */
export async function bundleModule(entry: Entry, outfile: string): Promise<BundleResult> {
  const cached = await cachedBundle(entry)
  if (cached !== undefined) return { ok: true, ...cached }
  // Loaded here, not at the top: a cached bundle needs neither esbuild's module nor its service.
  const { build } = await import('esbuild')
  try {
    const result = await build({
      entryPoints: [entry.file],
      absWorkingDir: entry.projectDir,
      outfile,
      bundle: true,
      packages: 'bundle',
      platform: 'node',
      format: 'esm',
      target: 'node20',
      write: false,
      sourcemap: 'external',
      sourcesContent: false,
      logLevel: 'silent',
      metafile: true,
      banner: {
        js: `import { createRequire as __dlcCreateRequire } from 'node:module'; const require = __dlcCreateRequire(${JSON.stringify(entry.file)});`,
      },
    })
    const code = result.outputFiles.find((file) => file.path === outfile)?.text
    const sourceMap = result.outputFiles.find((file) => file.path === `${outfile}.map`)?.text
    if (code === undefined || sourceMap === undefined) throw new Error(`esbuild wrote no ${outfile} or no source map for it`)
    const warnings = result.warnings.map((message) => fromEsbuild(message, entry.projectDir))
    await saveBundle(entry, Object.keys(result.metafile.inputs), { code, sourceMap, warnings })
    return { ok: true, code, sourceMap, warnings }
  } catch (error) {
    if (!isBuildFailure(error)) throw error
    const messages = (list: readonly Message[]) => list.map((message) => fromEsbuild(message, entry.projectDir))
    return { ok: false, errors: messages(error.errors), warnings: messages(error.warnings) }
  }
}

function isBuildFailure(error: unknown): error is BuildFailure {
  return error instanceof Error && Array.isArray((error as Partial<BuildFailure>).errors)
}

function fromEsbuild(message: Message, workingDir: string): SourceMessage {
  const location = message.location
  const notes = message.notes.map((note) => note.text)
  if (location === null) return { text: message.text, notes }
  return {
    text: message.text,
    file: isAbsolute(location.file) ? location.file : resolve(workingDir, location.file),
    line: location.line,
    column: location.column + 1,
    notes,
  }
}
