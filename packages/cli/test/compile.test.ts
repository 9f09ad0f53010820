import { compileWorkflow, toJson, toYaml } from '@dlc/compiler'
import { lambdaInvoke, workflow } from '@dlc/dsl'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dlc, project } from './helpers.js'

/** The module the user writes, and the same workflow built here to know what the files must hold. */
const ORDERS_MODULE = `import { lambdaInvoke, workflow } from '@dlc/dsl'

export const orders = workflow('orders').define((f) =>
  f.pass('Start').task('Score', { resource: lambdaInvoke('score-order') }).succeed('Done'),
)
export default orders
`
const orders = workflow('orders').define((f) => f.pass('Start').task('Score', { resource: lambdaInvoke('score-order') }).succeed('Done'))

describe('dlc compile', () => {
  it('writes <name>.asl.json with exactly what toJson prints, one line per file', async () => {
    const dir = await project({ 'workflow.ts': ORDERS_MODULE })
    const run = await dlc(['compile', '.'], dir)
    expect(run).toEqual({ code: 0, stdout: 'wrote out/orders.asl.json (3 states)\n', stderr: '' })
    expect(await readFile(join(dir, 'out/orders.asl.json'), 'utf8')).toBe(toJson(compileWorkflow(orders.build()).definition))
    expect(await readdir(join(dir, 'out'))).toEqual(['orders.asl.json'])
  })

  it('writes YAML beside the JSON with --yaml, into --out relative to the working directory', async () => {
    const dir = await project({ 'flows/pipeline.ts': ORDERS_MODULE })
    const run = await dlc(['compile', 'flows', '--yaml', '--out', 'build/asl'], dir)
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('wrote build/asl/orders.asl.json (3 states)\nwrote build/asl/orders.asl.yaml (3 states)\n')
    expect(await readFile(join(dir, 'build/asl/orders.asl.yaml'), 'utf8')).toBe(toYaml(compileWorkflow(orders.build()).definition))
  })

  it('looks for workflow.ts, then pipeline.ts, then index.ts, and writes to <dir>/out', async () => {
    const dir = await project({
      'flows/pipeline.ts': ORDERS_MODULE,
      'flows/index.ts': "export { default } from './pipeline'\nthrow new Error('index.ts must not be loaded')\n",
    })
    const run = await dlc(['compile', 'flows'], dir)
    expect(run).toMatchObject({ code: 0, stdout: 'wrote flows/out/orders.asl.json (3 states)\n' })
  })

  it('compiles a named file and every workflow it exports, default included, each once', async () => {
    const dir = await project({
      'two.ts': `${ORDERS_MODULE}\nexport const refunds = workflow('refunds').define((f) => f.succeed('Done'))\n`,
    })
    const run = await dlc(['compile', 'two.ts'], dir)
    expect(run.code).toBe(0)
    expect(run.stdout.split('\n').sort()).toEqual(['', 'wrote out/orders.asl.json (3 states)', 'wrote out/refunds.asl.json (1 state)'])
  })

  it('reports artifacts and findings as JSON with --format json', async () => {
    const dir = await project({ 'workflow.ts': ORDERS_MODULE })
    const run = await dlc(['compile', '.', '--format', 'json', '--yaml'], dir)
    expect(run.code).toBe(0)
    const content = await readFile(join(dir, 'out/orders.asl.json'), 'utf8')
    const report = JSON.parse(run.stdout)
    expect(report).toEqual({
      ok: true,
      artifacts: [
        { path: 'out/orders.asl.json', name: 'orders', states: 3, sha256: createHash('sha256').update(content).digest('hex') },
        { path: 'out/orders.asl.yaml', name: 'orders', states: 3, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      ],
      diagnostics: [],
    })
  })

  it('also writes a Workflow Studio definition with placeholders resolved for --account/--region/--stage', async () => {
    const dir = await project({ 'workflow.ts': ORDERS_MODULE })
    const run = await dlc(['compile', '.', '--account', '123456789012', '--region', 'eu-west-1', '--stage', 'dev'], dir)
    expect(run.stdout).toBe('wrote out/orders.asl.json (3 states)\nwrote out/orders.workflow-studio.asl.json (3 states)\n')
    const resolved = compileWorkflow(orders.build(), { resolve: { account: '123456789012', region: 'eu-west-1', stage: 'dev' } })
    const studio = await readFile(join(dir, 'out/orders.workflow-studio.asl.json'), 'utf8')
    expect(studio).toBe(toJson(resolved.definition))
    expect(studio).toContain('arn:aws:lambda:eu-west-1:123456789012:function:score-order-dev')
    expect(await readFile(join(dir, 'out/orders.asl.json'), 'utf8')).toContain('${ScoreOrderFunctionArn}')
  })
})

describe('dlc compile: errors', () => {
  it('prints a DslError with its file, JSON pointer, code and hint, exits 1 and writes nothing', async () => {
    const dir = await project({
      'workflow.ts': "import { workflow } from '@dlc/dsl'\n\nexport default workflow('dup').define((f) => f.pass('A').pass('A').succeed('Done'))\n",
    })
    const run = await dlc(['compile', '.'], dir)
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toMatch(/^workflow\.ts \/States\/A: error DUPLICATE_STATE_NAME: state name "A" is used twice/)
    expect(run.stderr).toContain('\n  hint: state names must be unique')
    expect(run.stderr).toMatch(/1 error, 0 warnings; nothing written\n$/)
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })

  it('reports the DslError as JSON with --format json', async () => {
    const dir = await project({
      'workflow.ts': "import { workflow } from '@dlc/dsl'\n\nexport default workflow('dup').define((f) => f.pass('A').pass('A').succeed('Done'))\n",
    })
    const run = await dlc(['compile', '.', '--format', 'json'], dir)
    expect(run.code).toBe(1)
    expect(JSON.parse(run.stdout)).toEqual({
      ok: false,
      artifacts: [],
      diagnostics: [
        {
          file: 'workflow.ts',
          severity: 'ERROR',
          code: 'DUPLICATE_STATE_NAME',
          message: 'state name "A" is used twice (also at /States/A)',
          location: '/States/A',
          hint: expect.stringContaining('unique'),
        },
      ],
    })
  })

  it('points a DslError thrown while the module loads at the line that caused it', async () => {
    const dir = await project({ 'workflow.ts': "import { workflow } from '@dlc/dsl'\n\nexport default workflow('no spaces').define((f) => f.succeed('Done'))\n" })
    const run = await dlc(['compile', '.'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^workflow\.ts:3:16 \/name: error DLC_INVALID_NAME: "no spaces" is not a valid state machine name\n/)
  })

  it('maps a TypeScript syntax error to file:line:column', async () => {
    const dir = await project({ 'workflow.ts': "import { workflow } from '@dlc/dsl'\n\nexport default workflow('x').define((f) => f.succeed('Done') +)\n" })
    const run = await dlc(['compile', '.'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^workflow\.ts:3:\d+: error DLC_INVALID_MODULE: Unexpected "\)"\n/)
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })

  it('names an import that does not resolve', async () => {
    const dir = await project({ 'workflow.ts': "import { steps } from './stepz'\nexport default steps\n" })
    const run = await dlc(['compile', '.'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^workflow\.ts:1:23: error DLC_UNRESOLVED_IMPORT: Could not resolve "\.\/stepz"\n/)
  })

  it('reports an error thrown by the module at its source line, without a stack trace', async () => {
    const dir = await project({
      'workflow.ts': "import { workflow } from '@dlc/dsl'\n\nconst names: string[] = []\nexport default workflow('x').define((f) => f.succeed(names[0]!.trim()))\n",
    })
    const run = await dlc(['compile', '.'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^workflow\.ts:4:\d+: error DLC_WORKFLOW_THREW: TypeError: Cannot read properties of undefined/)
    expect(run.stderr).not.toMatch(/^\s+at /m)
  })

  it('fails on an ERROR from the compiler and writes none of the files, not even the valid ones', async () => {
    const dir = await project({
      'workflow.ts': `${ORDERS_MODULE}export const typo = workflow('typo').define((f) => f.task('Call', { resource: lambdaInvoke('\${NoSuchFunction}') }).succeed('Done'))\n`,
    })
    const run = await dlc(['compile', '.', '--account', '123456789012', '--region', 'eu-west-1'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^workflow\.ts \(typo\) \/States\/Call\/Arguments\/FunctionName: error UNKNOWN_SUBSTITUTION: /m)
    expect(existsSync(join(dir, 'out'))).toBe(false)
  })

  it('leaves earlier artifacts untouched when a compile fails', async () => {
    const dir = await project({ 'workflow.ts': "import { workflow } from '@dlc/dsl'\nexport default workflow('orders').define((f) => f.pass('A').pass('A').succeed('Done'))\n" })
    await mkdir(join(dir, 'out'))
    await writeFile(join(dir, 'out/orders.asl.json'), 'the last good definition\n')
    expect((await dlc(['compile', '.'], dir)).code).toBe(1)
    expect(await readdir(join(dir, 'out'))).toEqual(['orders.asl.json'])
    expect(await readFile(join(dir, 'out/orders.asl.json'), 'utf8')).toBe('the last good definition\n')
  })

  it('prints warnings but still writes', async () => {
    const dir = await project({ 'workflow.ts': `${ORDERS_MODULE}export const settings = { retries: 1, retries: 2 }\n` })
    const run = await dlc(['compile', '.'], dir)
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(/^workflow\.ts:\d+:\d+: warning DLC_MODULE_WARNING: Duplicate key "retries" in object literal\n/)
    expect(run.stdout).toBe('wrote out/orders.asl.json (3 states)\n')
  })

  it('reports a write that fails as an error, not a crash', async () => {
    const dir = await project({ 'workflow.ts': ORDERS_MODULE, 'taken': 'a file, not a directory\n' })
    const run = await dlc(['compile', '.', '--out', 'taken'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^taken: error DLC_WRITE_FAILED: /)
    expect(run.stderr).not.toContain('bug in dlc')
  })

  it('says so when the module exports no workflow', async () => {
    const dir = await project({ 'workflow.ts': 'export const answer = 42\n' })
    const run = await dlc(['compile', '.'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/^workflow\.ts: error DLC_NO_WORKFLOW: the module exports no workflow or pipeline\n {2}hint: export one/)
  })

  it('refuses two workflows with the same name, which would write the same file', async () => {
    const dir = await project({
      'workflow.ts': "import { workflow } from '@dlc/dsl'\nexport const a = workflow('same').define((f) => f.succeed('A'))\nexport const b = workflow('same').define((f) => f.succeed('B'))\n",
    })
    const run = await dlc(['compile', '.'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('error DLC_DUPLICATE_WORKFLOW_NAME: exports a and b are both named "same"')
  })

  it('says what is missing when the path does not exist or holds no entry module', async () => {
    const dir = await project({ 'empty/README.md': 'nothing here\n' })
    const missing = await dlc(['compile', 'nope'], dir)
    expect(missing.code).toBe(1)
    expect(missing.stderr).toMatch(/^nope: error DLC_ENTRY_NOT_FOUND: no such file or directory\n/)
    const empty = await dlc(['compile', 'empty'], dir)
    expect(empty.code).toBe(1)
    expect(empty.stderr).toMatch(/^empty: error DLC_ENTRY_NOT_FOUND: no workflow\.ts, pipeline\.ts, index\.ts in this directory\n/)
  })
})
