import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach } from 'vitest'
import { main } from '../src/index.js'

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url))
const created: string[] = []

afterEach(async () => {
  await Promise.all(created.splice(0).map((dir) => rm(dir, { recursive: true, force: true })))
})

/**
 * A throwaway workflow project. By default it lives under the OS temp directory with a
 * tsconfig.json whose `paths` point `@dlc/dsl` at the workspace source, as vitest does, so
 * tests see the DSL as it is now rather than its last build. `inRepo` puts it under
 * test/.tmp-* instead, where `@dlc/dsl` resolves through node_modules to the built package,
 * as it does in a user's project.
 */
export async function project(files: Record<string, string>, options: { readonly inRepo?: boolean } = {}): Promise<string> {
  const dir = options.inRepo
    ? await mkdtemp(join(fileURLToPath(new URL('.', import.meta.url)), '.tmp-'))
    : await mkdtemp(join(tmpdir(), 'dlc-cli-test-'))
  created.push(dir)
  const tsconfig = { compilerOptions: { paths: { '@dlc/dsl': [join(repoRoot, 'packages/dsl/src/index.ts')] } } }
  const all = options.inRepo ? files : { 'tsconfig.json': JSON.stringify(tsconfig), ...files }
  for (const [path, content] of Object.entries(all)) {
    await mkdir(dirname(join(dir, path)), { recursive: true })
    await writeFile(join(dir, path), content)
  }
  return dir
}

export interface Run {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs `dlc` in-process in `cwd`, capturing what it prints. */
export async function dlc(argv: readonly string[], cwd: string): Promise<Run> {
  let stdout = ''
  let stderr = ''
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd,
  })
  return { code, stdout, stderr }
}

export { repoRoot }
