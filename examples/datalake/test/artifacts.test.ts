import { compilePipeline } from '@dlc/compiler'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'
import { dlc, repoRoot } from '../../../packages/cli/test/helpers.js'
import { cloudFormationEngine } from '../../../packages/cli/src/validate/cloudformation.js'
import { checkTemplate } from '../../../packages/cli/src/validate/check-template.js'
import nightly from '../pipeline.js'

const exampleDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const goldenDir = join(exampleDir, 'test', 'golden')
const compiled = compilePipeline(nightly.build({ readSql: (file) => readFileSync(join(exampleDir, file), 'utf8') }))
const content = (path: string) => compiled.artifacts.find((file) => file.path === path)?.content ?? ''

/** Reviewed by hand; `UPDATE_GOLDEN=1` rewrites a changed file, whose diff must be reviewed again. */
function expectGolden(path: string): void {
  const file = join(goldenDir, path)
  if (process.env.UPDATE_GOLDEN === '1' && (!existsSync(file) || readFileSync(file, 'utf8') !== content(path))) {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, content(path))
  }
  expect(content(path)).toBe(readFileSync(file, 'utf8'))
}

describe('examples/datalake artifacts', () => {
  beforeAll(() => cloudFormationEngine(), 180_000)

  it.each(['nightly-sales.asl.json', 'template.yaml', 'glue/nightly-sales-sales-etl.py', 'sql/sales.etl.sql'])('%s matches its reviewed golden file', (path) => {
    expectGolden(path)
  })

  it.each(['template.yaml', 'template.json'])('%s gets no ERROR or WARN from @aws/cloudformation-validate nor from dlc’s security rules', async (path) => {
    expect(await checkTemplate(content(path), path)).toEqual([])
  }, 120_000)

  it('dlc compile --strict writes every artifact, checked by AWS’s CloudFormation validator', async () => {
    const out = await mkdtemp(join(tmpdir(), 'dlc-example-'))
    try {
      const run = await dlc(['compile', 'examples/datalake', '--out', out, '--strict'], repoRoot)
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect((await readdir(out)).sort()).toEqual(['glue', 'manifest.json', 'nightly-sales.asl.json', 'nightly-sales.workflow-studio.asl.json', 'sql', 'template.json', 'template.yaml'])
      expect(await readFile(join(out, 'template.yaml'), 'utf8')).toBe(content('template.yaml'))
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  }, 120_000)
})
