import { compilePipeline, type PipelineArtifact } from '@dlc/compiler'
import type { StateNode } from '@dlc/dsl'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { expectAcceptedByAws } from '../../../packages/compiler/test/support/aws-validators.js'
import nightly from '../pipeline.js'

const exampleDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const readSql = (file: string) => readFileSync(join(exampleDir, file), 'utf8')
const node = nightly.build({ readSql })

function artifact(artifacts: readonly PipelineArtifact[], path: string): string {
  const found = artifacts.find((candidate) => candidate.path === path)
  if (found === undefined) throw new Error(`no artifact ${path}`)
  return found.content
}

describe('examples/datalake', () => {
  const compiled = compilePipeline(node)

  it('compiles every artifact with no finding', () => {
    expect(compiled.diagnostics).toEqual([])
    expect(compiled.artifacts.map((file) => file.path)).toEqual([
      'nightly-sales.asl.json',
      'nightly-sales.workflow-studio.asl.json',
      'template.yaml',
      'template.json',
      'glue/nightly-sales-sales-etl.py',
      'glue/nightly-sales-erp-sales-etl.py',
      'sql/sales.etl.sql',
      'sql/erp_sales.etl.sql',
      'sql/no_null_keys.sql',
      'sql/row_count_reconciliation.sql',
      'sql/quarantine_reconciliation.sql',
      'sql/rejected_rows.sql',
      'sql/revenue_by_month.sql',
      'sql/top_products.sql',
      'sql/revenue_by_country.sql',
      'manifest.json',
    ])
  })

  it('is deterministic, and the manifest holds each file’s sha256', () => {
    const again = compilePipeline(nightly.build({ readSql }))
    expect(again.artifacts).toEqual(compiled.artifacts)
    const manifest = JSON.parse(artifact(compiled.artifacts, 'manifest.json')) as { artifacts: { path: string; sha256: string; bytes: number }[] }
    expect(manifest.artifacts).toHaveLength(compiled.artifacts.length - 1)
    for (const entry of manifest.artifacts) {
      const content = artifact(compiled.artifacts, entry.path)
      expect(entry.sha256).toBe(createHash('sha256').update(content).digest('hex'))
      expect(entry.bytes).toBe(Buffer.byteLength(content))
    }
  })

  it('both definitions are accepted by the AWS validators; the Workflow Studio one has no placeholder left', async () => {
    await expectAcceptedByAws(JSON.parse(artifact(compiled.artifacts, 'nightly-sales.asl.json')))
    const studio = artifact(compiled.artifacts, 'nightly-sales.workflow-studio.asl.json')
    expect(studio).not.toContain('${')
    expect(studio).toContain('arn:aws:sns:us-east-1:123456789012:dlc-sales-alerts-dev')
    expect(studio).toContain('"JobName": "nightly-sales-sales-etl-dev"')
    await expectAcceptedByAws(JSON.parse(studio))
  })

  it('reads queries from their .sql files, and a missing file is a diagnostic naming it', () => {
    expect(node.queries.find((query) => query.name === 'top_products')?.sql).toBe(readSql('sql/top_products.sql').trim())
    expect(node.queries.find((query) => query.name === 'rejected_rows')?.batchDateParameters).toBe(2)
    expect(() => nightly.build({ readSql: (file) => (file.endsWith('top_products.sql') ? readFileSync(join(exampleDir, 'sql/nope.sql'), 'utf8') : readSql(file)) })).toThrow(
      /query "top_products" reads sql\/top_products.sql, which cannot be read/,
    )
  })

  it('polls the crawler in a loop and routes every failure to one notification', () => {
    const states = Object.fromEntries(node.machine.states.map((state: StateNode) => [state.name, state]))
    expect(states['Crawl finished?']).toMatchObject({ choices: [{ next: 'Wait for crawler' }, { next: 'Crawl failed' }], default: 'Check no_null_keys' })
    expect(states['Start crawler']).toMatchObject({ catch: [{ errorEquals: ['Glue.CrawlerRunningException'], next: 'Wait for crawler' }, { next: 'Notify failure' }] })
    expect(states['Clean sales']).toMatchObject({ retry: [{ errorEquals: ['Glue.ConcurrentRunsExceededException', 'Glue.ThrottlingException', 'Glue.InternalServiceException'] }] })
    expect(states['Notify failure']).toMatchObject({ next: 'Pipeline failed' })
    const failing = node.machine.states.filter((state: StateNode) => state.kind === 'Task' && state.name !== 'Notify failure')
    for (const task of failing) expect(task).toMatchObject({ catch: expect.arrayContaining([expect.objectContaining({ next: 'Notify failure', assign: { failedState: task.name } })]) })
  })
})
