import { describe, expect, it } from 'vitest'
import { dlc, project } from './helpers.js'

const NIGHTLY = `import { schedule } from '@dlc/dsl'

export default schedule('cron(0 3 * * ? *)', { timezone: 'America/Bogota' })
`

/** The pipeline shape dlc schedule reads: kind 'Pipeline' and a build() with name and schedule. */
const PIPELINE = `import { schedule } from '@dlc/dsl'

export const nightlySales = {
  kind: 'Pipeline',
  build: () => ({ name: 'nightly-sales', schedule: schedule('cron(30 2 * * ? *)', { timezone: 'Europe/Berlin', flexibleWindowMinutes: 15 }) }),
}
export default nightlySales
`

describe('dlc schedule', () => {
  it('prints the next five runs of an exported schedule, in its zone and in UTC', async () => {
    const dir = await project({ 'workflow.ts': NIGHTLY })
    const run = await dlc(['schedule', '.', '--from', '2026-05-01T00:00:00Z'], dir)
    expect(run).toEqual({
      code: 0,
      stdout: [
        'export default: cron(0 3 * * ? *) in America/Bogota',
        '  #  America/Bogota               UTC',
        '  1  Fri 2026-05-01 03:00 -05:00  Fri 2026-05-01 08:00',
        '  2  Sat 2026-05-02 03:00 -05:00  Sat 2026-05-02 08:00',
        '  3  Sun 2026-05-03 03:00 -05:00  Sun 2026-05-03 08:00',
        '  4  Mon 2026-05-04 03:00 -05:00  Mon 2026-05-04 08:00',
        '  5  Tue 2026-05-05 03:00 -05:00  Tue 2026-05-05 08:00',
        '',
      ].join('\n'),
      stderr: '',
    })
  })

  it('counts from now without --from', async () => {
    const dir = await project({ 'workflow.ts': NIGHTLY })
    const before = Date.now()
    const run = await dlc(['schedule', 'workflow.ts', '--format', 'json'], dir)
    expect(run.code).toBe(0)
    const report = JSON.parse(run.stdout) as { from: string; schedules: { next: { utc: string }[] }[] }
    expect(Date.parse(report.from)).toBeGreaterThanOrEqual(before)
    const next = report.schedules[0]?.next ?? []
    expect(next).toHaveLength(5)
    expect(Date.parse(next[0]?.utc ?? '')).toBeGreaterThanOrEqual(before)
    expect(Date.parse(next[0]?.utc ?? '') - before).toBeLessThanOrEqual(86_400_000)
  })

  it('reads the schedule of an exported pipeline and follows daylight saving in its zone', async () => {
    const dir = await project({ 'pipeline.ts': PIPELINE })
    const run = await dlc(['schedule', '.', '--next', '3', '--from', '2026-03-27T12:00:00Z'], dir)
    expect(run).toEqual({
      code: 0,
      stdout: [
        'pipeline nightly-sales: cron(30 2 * * ? *) in Europe/Berlin (flexible window 15 min)',
        '  #  Europe/Berlin                UTC',
        '  1  Sat 2026-03-28 02:30 +01:00  Sat 2026-03-28 01:30',
        '  2  Mon 2026-03-30 02:30 +02:00  Mon 2026-03-30 00:30',
        '  3  Tue 2026-03-31 02:30 +02:00  Tue 2026-03-31 00:30',
        '',
      ].join('\n'),
      stderr: '',
    })
  })

  it('builds a pipeline with a reader for the .sql files it names, beside the module', async () => {
    const dir = await project({
      'flows/pipeline.ts': `import { schedule } from '@dlc/dsl'
export default {
  kind: 'Pipeline',
  build: (options: { readSql?: (file: string) => string } = {}) => {
    if (options.readSql?.('sql/check.sql').trim() !== 'select 1') throw new Error('no SQL reader')
    return { name: 'checked', schedule: schedule('rate(1 day)') }
  },
}
`,
      'flows/sql/check.sql': 'select 1\n',
    })
    const run = await dlc(['schedule', 'flows', '-n', '1', '--from', '2026-05-01T00:00:00Z'], dir)
    expect(run).toMatchObject({ code: 0, stderr: '', stdout: expect.stringContaining('pipeline checked: rate(1 day) in UTC\n') })
  })

  it('reports every schedule as JSON with --format json', async () => {
    const dir = await project({ 'workflow.ts': `${NIGHTLY}export const once = schedule('at(2026-11-01T01:30:00)', { timezone: 'America/New_York', enabled: false })\n` })
    const run = await dlc(['schedule', '.', '-n', '2', '--format', 'json', '--from', '2026-10-31T12:00:00-05:00'], dir)
    expect(run.code).toBe(0)
    expect(JSON.parse(run.stdout)).toEqual({
      ok: true,
      from: '2026-10-31T17:00:00.000Z',
      schedules: [
        {
          name: 'default',
          export: 'default',
          source: 'schedule',
          expression: 'cron(0 3 * * ? *)',
          timezone: 'America/Bogota',
          enabled: true,
          next: [
            { local: '2026-11-01T03:00:00-05:00', utc: '2026-11-01T08:00:00.000Z' },
            { local: '2026-11-02T03:00:00-05:00', utc: '2026-11-02T08:00:00.000Z' },
          ],
        },
        {
          name: 'once',
          export: 'once',
          source: 'schedule',
          expression: 'at(2026-11-01T01:30:00)',
          timezone: 'America/New_York',
          enabled: false,
          next: [{ local: '2026-11-01T01:30:00-04:00', utc: '2026-11-01T05:30:00.000Z' }],
        },
      ],
      diagnostics: [],
    })
  })

  it('says when a one-time schedule runs once and when one has no run left', async () => {
    const dir = await project({ 'workflow.ts': "import { schedule } from '@dlc/dsl'\nexport const once = schedule('at(2026-11-20T13:00:00)')\n" })
    const ahead = await dlc(['schedule', '.', '--from', '2026-01-01T00:00:00Z'], dir)
    expect(ahead.stdout).toBe(['export once: at(2026-11-20T13:00:00) in UTC', '  #  UTC                          UTC', '  1  Fri 2026-11-20 13:00 +00:00  Fri 2026-11-20 13:00', '  (runs once)', ''].join('\n'))
    const past = await dlc(['schedule', '.', '--from', '2027-01-01T00:00:00Z'], dir)
    expect(past).toEqual({ code: 0, stdout: 'export once: at(2026-11-20T13:00:00) in UTC\n  no run at or after 2027-01-01T00:00:00.000Z\n', stderr: '' })
  })

  it('exits 1 with DLC_NO_SCHEDULE when the module exports no schedule', async () => {
    const dir = await project({ 'workflow.ts': "import { workflow } from '@dlc/dsl'\nexport default workflow('orders').define((f) => f.succeed('Done'))\n" })
    const run = await dlc(['schedule', '.'], dir)
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: "workflow.ts: error DLC_NO_SCHEDULE: the module exports no schedule\n  hint: export one: export const nightly = schedule('cron(0 3 * * ? *)', { timezone: 'America/Bogota' })\n",
    })
  })

  it('names the pipeline that has no schedule', async () => {
    const dir = await project({ 'workflow.ts': "export default { kind: 'Pipeline', build: () => ({ name: 'nightly-sales' }) }\n" })
    const run = await dlc(['schedule', '.'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toBe(
      `workflow.ts: error DLC_NO_SCHEDULE: pipeline "nightly-sales" has no schedule\n  hint: give the pipeline one: .schedule('cron(0 3 * * ? *)', { timezone: 'America/Bogota' })\n`,
    )
  })

  it('exits 1 with the DSL error at the module line, its pointer and hint, and no stack trace, when the module builds an invalid schedule', async () => {
    const dir = await project({ 'workflow.ts': "import { schedule } from '@dlc/dsl'\nexport default schedule('cron(0 3 * * * *)', { timezone: 'America/Bogota' })\n" })
    const run = await dlc(['schedule', '.'], dir)
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'workflow.ts:2:16 /schedule/expression: error DLC_INVALID_CRON: cron day-of-month "*" and day-of-week "*" are both set\n' +
        '  hint: day-of-month and day-of-week cannot both be set: use ? in one of them, e.g. cron(0 3 ? * MON-FRI *) or cron(0 3 1 * ? *)\n',
    })
  })

  it('checks a schedule node the module made by hand, and still prints the valid ones', async () => {
    const dir = await project({
      'workflow.ts': `${NIGHTLY}export const broken = { kind: 'Pipeline', build: () => ({ name: 'hourly-sync', schedule: { kind: 'Schedule', expression: 'rate(1 hours)', timezone: 'UTC', enabled: true } }) }\n`,
    })
    const run = await dlc(['schedule', '.', '-n', '1', '--from', '2026-05-01T00:00:00Z'], dir)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('  1  Fri 2026-05-01 03:00 -05:00  Fri 2026-05-01 08:00\n')
    expect(run.stderr).toBe('workflow.ts (hourly-sync) /schedule/expression: error DLC_INVALID_RATE: rate unit "hours" is plural but the value is 1\n  hint: the unit is singular for 1: write rate(1 hour)\n')
  })

  it('reports what a pipeline build() throws as a finding', async () => {
    const dir = await project({ 'workflow.ts': "export default { kind: 'Pipeline', build: () => { throw new TypeError('no steps') } }\n" })
    const run = await dlc(['schedule', '.'], dir)
    expect(run).toEqual({ code: 1, stdout: '', stderr: 'workflow.ts:1:57: error DLC_WORKFLOW_THREW: TypeError: no steps\n  hint: thrown while building the pipeline exported as default\n' })
  })

  it('reports a module that does not compile, and a path that does not exist', async () => {
    const dir = await project({ 'workflow.ts': "import { nope } from './missing'\nexport default nope\n" })
    const broken = await dlc(['schedule', '.'], dir)
    expect(broken.code).toBe(1)
    expect(broken.stderr).toMatch(/^workflow\.ts:1:\d+: error DLC_UNRESOLVED_IMPORT: Could not resolve "\.\/missing"/)
    const missing = await dlc(['schedule', 'nowhere'], dir)
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('nowhere: error DLC_ENTRY_NOT_FOUND: no such file or directory') })
  })

  it.each([
    [[], 'dlc: schedule needs a project directory or a .ts file'],
    [['a', 'b'], 'dlc: schedule takes one path, not 2'],
    [['.', '--next', '0'], 'dlc: --next must be a whole number from 1 to 1000, not "0"'],
    [['.', '--next', 'five'], 'dlc: --next must be a whole number from 1 to 1000, not "five"'],
    [['.', '--next', '1001'], 'dlc: --next must be a whole number from 1 to 1000, not "1001"'],
    [['.', '--from', '2026-05-01'], 'dlc: --from must be an ISO 8601 instant with Z or an offset, e.g. 2026-05-01T00:00:00Z, not "2026-05-01"'],
    [['.', '--from', '2026-13-01T00:00:00Z'], 'dlc: --from must be an ISO 8601 instant with Z or an offset'],
    [['.', '--format', 'xml'], 'dlc: --format must be one of text, json, not "xml"'],
  ])('exits 2 on bad usage: %j', async (argv, message) => {
    const run = await dlc(['schedule', ...argv], process.cwd())
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(message)
    expect(run.stderr).toContain('Run "dlc help schedule" for usage.')
  })

  it('is listed in dlc --help and has its own help', async () => {
    expect((await dlc(['--help'], process.cwd())).stdout).toMatch(/^ {2}schedule +Print the next run times/m)
    expect((await dlc(['help', 'schedule'], process.cwd())).stdout).toContain('Usage: dlc schedule <dir|file> [options]')
  })
})
