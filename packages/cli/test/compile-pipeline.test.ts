import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dlc, project } from './helpers.js'

const module = (steps: string) => `import { col, dataset, pipeline, sql, sqlFile, zones } from '@dlc/dsl'

const sales = dataset('sales', { columns: { id: col.string().required(), day: col.date() } })

export default pipeline('nightly')
  .zones(zones('cli-test-lake'))
  .etl(sales)
  .crawl({ database: 'sales_db' })
${steps}
`

describe('dlc compile <pipeline>', () => {
  it('writes the ASL, the template, the Glue script, the SQL and the manifest', async () => {
    const dir = await project({ 'pipeline.ts': module("  .query('counts', sqlFile('sql/counts.sql'))"), 'sql/counts.sql': 'SELECT count(*) AS n\nFROM sales\n' })
    const run = await dlc(['compile', '.', '--yaml'], dir)
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('wrote out/nightly.asl.json (')
    expect(run.stdout).toContain('wrote out/template.yaml\n')
    expect((await readdir(join(dir, 'out'))).sort()).toEqual(['glue', 'manifest.json', 'nightly.asl.json', 'nightly.asl.yaml', 'nightly.workflow-studio.asl.json', 'sql', 'template.json', 'template.yaml'])
    expect((await readdir(join(dir, 'out', 'sql'))).sort()).toEqual(['counts.sql', 'sales.etl.sql'])
  })

  it('a missing .sql file is an error at the line of the step that names it; nothing is written', async () => {
    const dir = await project({ 'pipeline.ts': module("  .query('counts', sqlFile('sql/missing.sql'))") })
    const run = await dlc(['compile', '.'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/pipeline\.ts:9:4 \/steps\/2\/sql: error DLC_MISSING_SQL_FILE/)
    expect(run.stderr).toContain('query "counts" reads sql/missing.sql, which cannot be read')
    expect(run.stderr).toContain('nothing written')
    expect(await readdir(dir)).not.toContain('out')
  })

  it('an AWS naming rule broken in a step points at that step', async () => {
    const dir = await project({ 'pipeline.ts': module("  .query('Counts!', sql`SELECT 1`)") })
    const run = await dlc(['compile', '.'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/pipeline\.ts:9:4 \/steps\/2\/name: error DLC_INVALID_NAME/)
    expect(run.stderr).toContain('"Counts!" is not a valid query name')
  })
})
