import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { LocalEnvironment } from '@dlc/runtime'
import { placeBatch } from '@dlc/runtime'
import { loadModule } from '../load/module.js'

const DATE_FOLDER = /^\d{4}-\d{2}-\d{2}$/

/** The batch dates under `<project>/data/<dataset>/`, newest last. */
export function sampleDates(projectDir: string, datasets: readonly string[]): string[] {
  const dates = new Set<string>()
  for (const dataset of datasets) {
    const folder = join(projectDir, 'data', dataset)
    if (!existsSync(folder)) continue
    for (const name of readdirSync(folder)) if (DATE_FOLDER.test(name) && statSync(join(folder, name)).isDirectory()) dates.add(name)
  }
  return [...dates].sort()
}

/** Places `<project>/data/<dataset>/<date>/*` of each dataset in the raw zone; returns how many files. */
export async function placeSampleBatch(env: LocalEnvironment, projectDir: string, batchDate: string): Promise<number> {
  let placed = 0
  for (const dataset of env.pipeline.pipeline.datasets) {
    const folder = join(projectDir, 'data', dataset.name, batchDate)
    if (!existsSync(folder)) continue
    const files = Object.fromEntries(readdirSync(folder).filter((name) => statSync(join(folder, name)).isFile()).map((name) => [name, readFileSync(join(folder, name))]))
    placed += (await placeBatch(env, dataset.name, batchDate, files)).length
  }
  return placed
}

export type GeneratedBatch = Record<string, Record<string, Uint8Array | string>>

/**
 * Loads `<project>/generator` (a TypeScript module, bundled like the pipeline) and calls its
 * `generateBatch({ rows, seed, batchDate })`, which gives each dataset's files.
 */
export async function generateBatch(projectDir: string, cwd: string, options: { rows: number; seed: number; batchDate: string }): Promise<GeneratedBatch | { readonly problem: string }> {
  const file = join(projectDir, 'generator', 'index.ts')
  if (!existsSync(file)) return { problem: `--rows needs a generator: ${file} exporting generateBatch({ rows, seed, batchDate })` }
  const loaded = await loadModule({ file, projectDir }, cwd)
  if (!loaded.ok) return { problem: loaded.diagnostics.map((diagnostic) => `${diagnostic.file}: ${diagnostic.message}`).join('\n') }
  const generate = loaded.module.namespace['generateBatch']
  if (typeof generate !== 'function') return { problem: `${file} does not export a function generateBatch({ rows, seed, batchDate })` }
  const result = await loaded.module.run('generating the batch', () => (generate as (options: unknown) => GeneratedBatch)(options))
  return 'error' in result ? { problem: result.error.message } : result.value
}
