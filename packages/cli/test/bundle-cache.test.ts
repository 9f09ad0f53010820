import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { dlc, project } from './helpers.js'

const entry = `import { workflow } from '@dlc/dsl'
import { name } from './name.js'
export default workflow(name).define((f) => f.pass('Start').succeed('Done'))
`

describe('the bundle cache', () => {
  afterEach(() => {
    delete process.env['DLC_NO_CACHE']
  })

  it('keeps the bundle under .dlc/cache and never serves it once a file it was built from changed', async () => {
    const dir = await project({ 'workflow.ts': entry, 'name.ts': "export const name = 'first'\n" })
    expect((await dlc(['compile', '.'], dir)).code).toBe(0)
    expect(await readdir(join(dir, '.dlc', 'cache', 'bundles'))).toHaveLength(1)
    expect(await readdir(join(dir, 'out'))).toEqual(['first.asl.json'])

    expect((await dlc(['compile', '.'], dir)).stdout).toBe('wrote out/first.asl.json (2 states)\n')

    await writeFile(join(dir, 'name.ts'), "export const name = 'second'\n")
    expect((await dlc(['compile', '.'], dir)).stdout).toBe('wrote out/second.asl.json (2 states)\n')
  })

  it('is not used or written with DLC_NO_CACHE=1', async () => {
    process.env['DLC_NO_CACHE'] = '1'
    const dir = await project({ 'workflow.ts': entry, 'name.ts': "export const name = 'first'\n" })
    expect((await dlc(['compile', '.'], dir)).code).toBe(0)
    expect(await readdir(dir)).not.toContain('.dlc')
  })
})
