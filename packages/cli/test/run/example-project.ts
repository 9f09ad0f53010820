import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { project, repoRoot } from '../helpers.js'

/** A copy of examples/datalake in a temp folder: the pipeline, its SQL, its sample batch and its generator. */
export async function exampleProject(): Promise<string> {
  const dir = await project({})
  for (const part of ['pipeline.ts', 'sql', 'data', 'generator']) cpSync(join(repoRoot, 'examples/datalake', part), join(dir, part), { recursive: true })
  return dir
}

/** Rewrites the copy's pipeline.ts; throws when `from` is not in it, so a changed example fails loudly. */
export function editPipeline(dir: string, from: string, to: string): void {
  const file = join(dir, 'pipeline.ts')
  const text = readFileSync(file, 'utf8')
  if (!text.includes(from)) throw new Error(`pipeline.ts has no ${JSON.stringify(from)}`)
  writeFileSync(file, text.replace(from, to))
}
