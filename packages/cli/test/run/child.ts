import { spawn, type ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { repoRoot } from '../helpers.js'

export interface ChildExit {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
  readonly stdout: string
  readonly stderr: string
}

/**
 * Starts `dlc <argv>` in a child process, on the CLI's source through tsx (from the repository
 * root, whose tsconfig paths point the `@dlc/*` packages at their source, as vitest's aliases
 * do), so it needs no build. `onLine` sees each line the child prints on stderr as it comes,
 * with the child, to signal or kill it at a chosen point.
 */
export function spawnDlc(argv: readonly string[], onLine: (line: string, child: ChildProcess) => void = () => undefined): Promise<ChildExit> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'packages/cli/test/run/dlc-child.ts'), ...argv], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  let partial = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
    const lines = (partial + chunk).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) onLine(line, child)
  })
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }))
  })
}
