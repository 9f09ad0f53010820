import { execFile, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { project, repoRoot } from './helpers.js'

const bin = join(repoRoot, 'packages/cli/bin/dlc.js')

/** Runs the built bin as a user would; the workspace's `prepare` script builds it on install. */
async function spawnDlc(argv: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...argv], { cwd })
    return { code: 0, stdout, stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr }
  }
}

describe('the dlc bin', () => {
  beforeAll(() => {
    for (const pkg of ['cli', 'dsl', 'compiler']) {
      if (!existsSync(join(repoRoot, `packages/${pkg}/dist/index.js`))) throw new Error(`packages/${pkg} is not built: run pnpm build`)
    }
  })

  it('ends quietly when the reader closes the pipe first (dlc --help | head -c 0)', () => {
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" --help | head -c 0; echo "dlc exited \${PIPESTATUS[0]}" >&2`], { cwd: repoRoot, encoding: 'utf8' })
    expect(run.stderr).toBe('dlc exited 0\n')
  })

  it('prints help and exits 0', async () => {
    const run = await spawnDlc(['--help'], repoRoot)
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Usage: dlc <command> [options]')
  })

  it('exits 2 on an unknown command', async () => {
    const run = await spawnDlc(['frobnicate'], repoRoot)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('unknown command "frobnicate"')
  })

  it("compiles a project whose '@dlc/dsl' resolves through node_modules to the built package", async () => {
    const dir = await project(
      { 'workflow.ts': "import { workflow } from '@dlc/dsl'\nexport default workflow('hello').define((f) => f.pass('Hi').succeed('Done'))\n" },
      { inRepo: true },
    )
    const run = await spawnDlc(['compile', '.'], dir)
    expect(run).toEqual({ code: 0, stdout: 'wrote out/hello.asl.json (2 states)\n', stderr: '' })
    expect(JSON.parse(await readFile(join(dir, 'out/hello.asl.json'), 'utf8'))).toMatchObject({ StartAt: 'Hi', States: { Hi: { Type: 'Pass', Next: 'Done' } } })
  })

  it('exits 1 with a located error and no stack trace for a broken workflow', async () => {
    const dir = await project(
      { 'workflow.ts': "import { workflow } from '@dlc/dsl'\nexport default workflow('dup').define((f) => f.pass('A').pass('A').succeed('Done'))\n" },
      { inRepo: true },
    )
    const run = await spawnDlc(['compile', '.'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^workflow\.ts \/States\/A: error DUPLICATE_STATE_NAME: /)
    expect(run.stderr).not.toMatch(/^\s+at /m)
  })
})
