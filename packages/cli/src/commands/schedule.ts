import { isScheduleNode, nextFireTimes, schedule, toZonedIso, type ScheduleNode } from '@dlc/dsl'
import { readFileSync } from 'node:fs'
import { dirname, relative, resolve } from 'node:path'
import { projectPath, UsageError, type ParsedArgs } from '../args.js'
import type { Command } from '../command.js'
import { isError, printDiagnostics, type FileDiagnostic } from '../diagnostics.js'
import type { Io } from '../io.js'
import { findEntry } from '../load/entry.js'
import { isPipeline, loadModule } from '../load/module.js'

const HELP = `Usage: dlc schedule <dir|file> [options]

Prints when the EventBridge Scheduler schedules a TypeScript module exports run next,
each time in the schedule's own time zone and in UTC, with AWS's daylight-saving rules.
A schedule is an exported schedule(...), or the schedule of an exported pipeline.
<dir> is searched for workflow.ts, pipeline.ts and index.ts, in that order.

Options:
  -n, --next <N>         How many runs to print per schedule (default 5, at most 1000)
      --from <instant>   Count from this ISO 8601 instant instead of now,
                         e.g. 2026-05-01T00:00:00Z or 2026-05-01T00:00:00-05:00
      --format <format>  text (default), or json: a report on stdout for tools
  -h, --help             Show this help

Exit codes: 0 printed, 1 no schedule or an invalid one, 2 bad usage.
`

const DEFAULT_COUNT = 5
const MAX_COUNT = 1000

/** `dlc schedule`: a module in, the next run times of its schedules out. */
export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'Print the next run times of the schedules a module exports, in their zone and UTC',
  help: HELP,
  options: {
    next: { type: 'string', short: 'n' },
    from: { type: 'string' },
    format: { type: 'string', choices: ['text', 'json'] },
  },
  async run(args, io) {
    const target = projectPath(args, 'schedule')
    const count = countOption(args)
    const from = fromOption(args)
    const found = await findSchedules(resolve(io.cwd, target), io.cwd)
    const report: Report = {
      ok: !found.diagnostics.some(isError) && found.schedules.length > 0,
      from,
      count,
      schedules: found.schedules.map((entry) => ({ ...entry, next: nextFireTimes(entry.node, from, count) })),
      diagnostics: found.diagnostics,
    }
    if (args.options['format'] === 'json') printJson(io, report)
    else printText(io, report)
    return report.ok ? 0 : 1
  },
}

function countOption(args: ParsedArgs): number {
  const text = args.options['next']
  if (typeof text !== 'string') return DEFAULT_COUNT
  const count = /^\d+$/.test(text) ? Number(text) : NaN
  if (!(count >= 1 && count <= MAX_COUNT)) throw new UsageError(`--next must be a whole number from 1 to ${MAX_COUNT}, not "${text}"`, 'schedule')
  return count
}

function fromOption(args: ParsedArgs): Date {
  const text = args.options['from']
  if (typeof text !== 'string') return new Date()
  const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(text) ? new Date(text) : new Date(NaN)
  if (Number.isNaN(instant.getTime())) throw new UsageError(`--from must be an ISO 8601 instant with Z or an offset, e.g. 2026-05-01T00:00:00Z, not "${text}"`, 'schedule')
  return instant
}

/** A schedule the module exports, validated again by this dlc. */
interface FoundSchedule {
  /** The pipeline's name, or the export's. */
  readonly name: string
  readonly exportName: string
  readonly source: 'pipeline' | 'schedule'
  readonly node: ScheduleNode
}

interface Report {
  readonly ok: boolean
  readonly from: Date
  /** How many runs were asked for per schedule. */
  readonly count: number
  readonly schedules: readonly (FoundSchedule & { readonly next: readonly Date[] })[]
  readonly diagnostics: readonly FileDiagnostic[]
}

async function findSchedules(target: string, cwd: string): Promise<{ schedules: FoundSchedule[]; diagnostics: FileDiagnostic[] }> {
  const display = (path: string) => relative(cwd, path) || '.'
  const lookup = await findEntry(target)
  if ('missing' in lookup) return { schedules: [], diagnostics: [{ file: display(target), severity: 'ERROR', code: 'DLC_ENTRY_NOT_FOUND', message: lookup.missing, hint: lookup.hint }] }
  const file = display(lookup.found.file)
  const loaded = await loadModule(lookup.found, cwd)
  if (!loaded.ok) return { schedules: [], diagnostics: [...loaded.diagnostics] }
  const { namespace, run } = loaded.module

  const schedules: FoundSchedule[] = []
  const diagnostics: FileDiagnostic[] = []
  const unscheduled: string[] = []
  /** The node came from the module's own copy of `@dlc/dsl`: check it with this one, which computes the times. */
  const revalidate = async (node: ScheduleNode, name: string, exportName: string, source: FoundSchedule['source']) => {
    const checked = await run(`checking the schedule of ${name}`, () => schedule(node.expression, { timezone: node.timezone, flexibleWindowMinutes: node.flexibleWindowMinutes, enabled: node.enabled }))
    if ('error' in checked) diagnostics.push({ ...checked.error, workflow: name })
    else schedules.push({ name, exportName, source, node: checked.value })
  }
  for (const [exportName, value] of distinctExports(namespace)) {
    if (isScheduleNode(value)) {
      await revalidate(value, exportName, exportName, 'schedule')
      continue
    }
    if (!isPipeline(value)) continue
    const readSql = (sqlFile: string) => readFileSync(resolve(dirname(lookup.found.file), sqlFile), 'utf8')
    const built = await run(`building the pipeline exported as ${exportName}`, () => value.build({ readSql }))
    if ('error' in built) {
      diagnostics.push(built.error)
      continue
    }
    const node: unknown = built.value.schedule
    if (node === undefined) {
      unscheduled.push(built.value.name)
      continue
    }
    if (!isScheduleNode(node)) {
      diagnostics.push({ file, workflow: built.value.name, severity: 'ERROR', code: 'DLC_INVALID_SCHEDULE', message: "the pipeline's schedule is not a schedule node", location: '/schedule', hint: "set it with .schedule('cron(0 3 * * ? *)', { timezone: 'America/Bogota' })" })
      continue
    }
    await revalidate(node, built.value.name, exportName, 'pipeline')
  }
  if (schedules.length === 0 && diagnostics.length === 0) {
    const message = unscheduled.length === 0 ? 'the module exports no schedule' : `${unscheduled.map((name) => `pipeline "${name}"`).join(', ')} ${unscheduled.length === 1 ? 'has' : 'have'} no schedule`
    const hint = unscheduled.length === 0 ? "export one: export const nightly = schedule('cron(0 3 * * ? *)', { timezone: 'America/Bogota' })" : "give the pipeline one: .schedule('cron(0 3 * * ? *)', { timezone: 'America/Bogota' })"
    diagnostics.push({ file, severity: 'ERROR', code: 'DLC_NO_SCHEDULE', message, hint })
  }
  return { schedules, diagnostics }
}

/** Each exported object once, under a name of its own rather than `default` where it has one. */
function distinctExports(namespace: Record<string, unknown>): [string, unknown][] {
  const names = new Map<unknown, string>()
  for (const [exportName, value] of Object.entries(namespace)) {
    if (typeof value !== 'object' || value === null) continue
    const seen = names.get(value)
    if (seen === undefined || seen === 'default') names.set(value, exportName)
  }
  return [...names].map(([value, exportName]) => [exportName, value])
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

/** `Fri 2026-05-01 03:00 -05:00` from `2026-05-01T03:00:00-05:00`; seconds only when some run has them. */
function readable(iso: string, seconds: boolean, offset: boolean): string {
  const date = iso.slice(0, 10)
  const time = iso.slice(11, seconds ? 19 : 16)
  const weekday = WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()] ?? ''
  return `${weekday} ${date} ${time}${offset ? ` ${iso.slice(19)}` : ''}`
}

function printText(io: Io, report: Report): void {
  report.schedules.forEach((found, index) => {
    const { node, next } = found
    const label = found.source === 'pipeline' ? `pipeline ${found.name}` : `export ${found.exportName}`
    const notes = [
      ...(node.flexibleWindowMinutes === undefined ? [] : [`flexible window ${node.flexibleWindowMinutes} min`]),
      ...(node.enabled ? [] : ['disabled: AWS will not run it until enabled']),
    ]
    io.stdout.write(`${index === 0 ? '' : '\n'}${label}: ${node.expression} in ${node.timezone}${notes.length === 0 ? '' : ` (${notes.join('; ')})`}\n`)
    if (next.length === 0) {
      io.stdout.write(`  no run at or after ${report.from.toISOString()}\n`)
      return
    }
    const seconds = next.some((instant) => instant.getUTCSeconds() !== 0)
    const rows = next.map((instant, i) => [String(i + 1), readable(toZonedIso(instant, node.timezone), seconds, true), readable(toZonedIso(instant, 'UTC'), seconds, false)] as const)
    const widths = [Math.max(1, ...rows.map((row) => row[0].length)), Math.max(node.timezone.length, ...rows.map((row) => row[1].length))] as const
    io.stdout.write(`  ${'#'.padStart(widths[0])}  ${node.timezone.padEnd(widths[1])}  UTC\n`)
    for (const [number, local, utc] of rows) io.stdout.write(`  ${number.padStart(widths[0])}  ${local.padEnd(widths[1])}  ${utc}\n`)
    if (next.length < report.count) io.stdout.write(`  (${node.expression.startsWith('at(') ? 'runs once' : 'no later runs'})\n`)
  })
  printDiagnostics(io.stderr, report.diagnostics)
}

function printJson(io: Io, report: Report): void {
  const json = {
    ok: report.ok,
    from: report.from.toISOString(),
    schedules: report.schedules.map((found) => ({
      name: found.name,
      export: found.exportName,
      source: found.source,
      expression: found.node.expression,
      timezone: found.node.timezone,
      ...(found.node.flexibleWindowMinutes === undefined ? {} : { flexibleWindowMinutes: found.node.flexibleWindowMinutes }),
      enabled: found.node.enabled,
      next: found.next.map((instant) => ({ local: toZonedIso(instant, found.node.timezone), utc: instant.toISOString() })),
    })),
    diagnostics: report.diagnostics,
  }
  io.stdout.write(JSON.stringify(json, null, 2) + '\n')
}
