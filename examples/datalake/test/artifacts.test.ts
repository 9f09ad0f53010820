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
import { col, csv, dataset, pipeline, sql, zones } from '@dlc/dsl'
import nightly, { sales } from '../pipeline.js'

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

  it.each(['nightly-sales.asl.json', 'template.yaml', 'glue/nightly-sales-sales-etl.py', 'glue/nightly-sales-erp-sales-etl.py', 'sql/sales.etl.sql', 'sql/erp_sales.etl.sql'])('%s matches its reviewed golden file', (path) => {
    expectGolden(path)
  })

  it.each(['template.yaml', 'template.json'])('%s gets no ERROR or WARN from @aws/cloudformation-validate nor from dlc’s security rules', async (path) => {
    expect(await checkTemplate(content(path), path)).toEqual([])
  }, 120_000)

  it('a variant (a bucket per zone, a Spark job, no schedule or topic) also passes both, with a hardened bucket each', async () => {
    const erp = dataset('erp_sales', { source: csv({ delimiter: ';', encoding: 'windows-1252', decimalComma: true }), columns: { order_id: col.string().required(), day: col.date({ formats: ['%d.%m.%Y'] }) } })
    const variant = pipeline('erp-sales')
      .zones(zones({ raw: 'erp-landing', processed: 'erp-lake/processed/', rejected: 'erp-lake/rejected/', scripts: 'erp-code', athenaResults: 'erp-queries' }))
      .expectBatch(erp, { ifMissing: 'fail' })
      .etl(erp, { engine: 'spark' })
      .etl(sales)
      .crawl({ database: 'erp_db' })
      .query('days', sql`SELECT ${erp.columns.day}, count(*) AS n FROM ${erp} GROUP BY 1`)
      .build()
    const result = compilePipeline(variant)
    expect(result.diagnostics).toEqual([])
    const template = JSON.parse(result.artifacts.find((file) => file.path === 'template.json')?.content ?? '{}') as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> }
    const buckets = Object.values(template.Resources).filter((resource) => resource.Type === 'AWS::S3::Bucket')
    expect(buckets.map((bucket) => bucket.Properties['BucketName'])).toEqual(['erp-landing', 'erp-lake', 'erp-code', 'erp-queries'].map((name) => ({ 'Fn::Sub': `${name}-\${Stage}` })))
    expect(buckets.map((bucket) => 'VersioningConfiguration' in bucket.Properties)).toEqual([true, false, false, false])
    expect(Object.values(template.Resources).filter((resource) => resource.Type === 'AWS::S3::BucketPolicy')).toHaveLength(4)
    expect(template.Resources['ErpSalesErpSalesEtlJob']?.Properties['Command']).toMatchObject({ Name: 'glueetl' })
    expect(await checkTemplate(result.artifacts.find((file) => file.path === 'template.yaml')?.content ?? '', 'variant.yaml')).toEqual([])
  }, 120_000)

  it('dlc compile --strict writes every artifact, and dlc validate finds nothing in them', async () => {
    const out = await mkdtemp(join(tmpdir(), 'dlc-example-'))
    try {
      const run = await dlc(['compile', 'examples/datalake', '--out', out, '--strict'], repoRoot)
      expect(run.stderr).toBe('')
      expect(run.code).toBe(0)
      expect((await readdir(out)).sort()).toEqual(['glue', 'manifest.json', 'nightly-sales.asl.json', 'nightly-sales.workflow-studio.asl.json', 'sql', 'template.json', 'template.yaml'])
      expect(await readFile(join(out, 'template.yaml'), 'utf8')).toBe(content('template.yaml'))
      const validated = await dlc(['validate', join(out, 'template.yaml'), join(out, 'template.json'), join(out, 'nightly-sales.asl.json')], repoRoot)
      expect(validated.stdout).toContain('3 files, 0 invalid: 0 errors, 0 warnings')
      expect(validated.code).toBe(0)
    } finally {
      await rm(out, { recursive: true, force: true })
    }
  }, 120_000)
})
