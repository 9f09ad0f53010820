import { EventEmitter } from 'node:events'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RunSummary } from '@dlc/runtime'
import { describe, expect, it } from 'vitest'
import { parseArgs } from '../../src/args.js'
import { runCommand } from '../../src/commands/run.js'
import { runProject } from '../../src/run/run-project.js'
import type { ScheduleClock } from '../../src/run/schedule-loop.js'
import { dlc } from '../helpers.js'
import { spawnDlc } from './child.js'
import { editPipeline, exampleProject } from './example-project.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** A clock that jumps over each wait at once; `onSleep` sees each wait (1, 2, ...) as it begins. */
class FakeClock implements ScheduleClock {
  readonly sleeps: number[] = []
  private time: number

  constructor(
    start: string,
    private readonly onSleep: (count: number) => void = () => undefined,
  ) {
    this.time = Date.parse(start)
  }

  now(): Date {
    return new Date(this.time)
  }

  async sleep(ms: number, signal: AbortSignal): Promise<void> {
    this.sleeps.push(ms)
    this.onSleep(this.sleeps.length)
    if (!signal.aborted) this.time += ms
  }
}

interface ScheduledRun {
  readonly code: number
  readonly stderr: string
  /** The fake clock's time whenever an execution started (its first state entered). */
  readonly startedAt: string[]
}

/**
 * `dlc run <dir> --schedule` in-process with a fake clock and a fake source of SIGINT/SIGTERM.
 * `onLine` sees each line printed on stderr, with the signal source, so a test can press Ctrl-C
 * at a chosen point.
 */
async function runScheduled(dir: string, clock: FakeClock, signals: EventEmitter, onLine: (line: string) => void = () => undefined, options: readonly string[] = []): Promise<ScheduledRun> {
  let stderr = ''
  const startedAt: string[] = []
  const io = {
    stdout: { write: () => true },
    stderr: {
      write: (text: string) => {
        stderr += text
        for (const line of text.split('\n')) {
          if (line === '▸ Start') startedAt.push(clock.now().toISOString())
          onLine(line)
        }
        return true
      },
    },
    cwd: dir,
  }
  const code = await runProject(parseArgs([dir, '--schedule', ...options], runCommand.options, 'run'), io, { clock, signals })
  return { code, stderr, startedAt }
}

/** How long after `instant` a run's execution started: its clock starts there and runs at real speed, so by a millisecond or so. */
const startedAfter = (summary: RunSummary | undefined, instant: string): number => Date.parse(summary?.startDate ?? '') - Date.parse(instant)

/** Every run's summary.json, in the order the runs started. */
function summaries(dir: string): RunSummary[] {
  const runs = join(dir, '.dlc/runs')
  if (!existsSync(runs)) return []
  return readdirSync(runs)
    .map((name) => JSON.parse(readFileSync(join(runs, name, 'summary.json'), 'utf8')) as RunSummary)
    .sort((a, b) => a.startDate.localeCompare(b.startDate))
}

describe('dlc run --schedule', () => {
  it("starts a run at each fire time of the example's schedule (03:00 in Bogotá), with the batch date it derives, and stops on Ctrl-C while waiting", async () => {
    const dir = await exampleProject()
    const signals = new EventEmitter()
    // A minute before 03:00 in Bogotá (UTC-5) on 25 November; Ctrl-C during the third wait.
    const clock = new FakeClock('2026-11-25T07:59:00Z', (count) => count === 3 && signals.emit('SIGINT'))
    const run = await runScheduled(dir, clock, signals)

    expect(run.code, run.stderr).toBe(0)
    expect(clock.sleeps).toEqual([60_000, DAY, DAY])
    expect(run.startedAt).toEqual(['2026-11-25T08:00:00.000Z', '2026-11-26T08:00:00.000Z'])
    // lagDays 1: each night's run loads the day before, as a date in Bogotá.
    const [first, second, ...more] = summaries(dir)
    expect(more).toEqual([])
    expect(first).toMatchObject({ batchDate: '2026-11-24', status: 'SUCCEEDED' })
    expect(startedAfter(first, '2026-11-25T08:00:00Z')).toBeGreaterThanOrEqual(0)
    expect(startedAfter(first, '2026-11-25T08:00:00Z')).toBeLessThan(1000)
    expect(first?.datasets.every((figures) => (figures.rowsWritten ?? 0) > 0)).toBe(true)
    expect(first?.notifications.map((message) => message.subject)).toEqual(['nightly-sales: batch 2026-11-24 loaded'])
    // data/ has no batch for 25 November: the pipeline says so and succeeds.
    expect(second).toMatchObject({ batchDate: '2026-11-25', status: 'SUCCEEDED' })
    expect(startedAfter(second, '2026-11-26T08:00:00Z')).toBeGreaterThanOrEqual(0)
    expect(startedAfter(second, '2026-11-26T08:00:00Z')).toBeLessThan(1000)
    expect(second?.notifications.map((message) => message.subject)).toContain('nightly-sales: no sales batch for 2026-11-25')
    // The execution's input is what EventBridge Scheduler sends, not a batch date.
    const history = JSON.parse(readFileSync(join(dir, '.dlc/runs', second?.executionArn.split(':').at(-1) ?? '', 'history.json'), 'utf8')) as Array<{ executionStartedEventDetails?: { input: string } }>
    expect(JSON.parse(history[0]?.executionStartedEventDetails?.input ?? '{}')).toEqual({ scheduledTime: '2026-11-26T08:00:00.000Z' })

    expect(run.stderr).toContain('next run at 2026-11-25T03:00:00-05:00 (2026-11-25T08:00:00.000Z); waiting (Ctrl-C to stop)\n')
    expect(run.stderr).toContain('next run at 2026-11-27T03:00:00-05:00 (2026-11-27T08:00:00.000Z); waiting (Ctrl-C to stop)\nstopping\nstopped after 2 runs\n')
    expect(signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')).toBe(0)
  }, 120_000)

  it('lets the run in progress finish when stopped during it, then starts no other', async () => {
    const dir = await exampleProject()
    const signals = new EventEmitter()
    const clock = new FakeClock('2026-11-25T07:59:00Z')
    let listenersAfterStop: number | undefined
    const run = await runScheduled(dir, clock, signals, (line) => {
      if (line !== '▸ Clean sales') return
      signals.emit('SIGTERM')
      listenersAfterStop = signals.listenerCount('SIGINT') + signals.listenerCount('SIGTERM')
    })

    expect(run.code, run.stderr).toBe(0)
    expect(clock.sleeps).toEqual([60_000])
    const [only, ...more] = summaries(dir)
    expect(more).toEqual([])
    expect(only).toMatchObject({ batchDate: '2026-11-24', status: 'SUCCEEDED' })
    expect(only?.states.at(-1)?.name).toBe('Done')
    expect(run.stderr).toContain('▸ Clean sales\nstopping once the run in progress ends (Ctrl-C again stops it at once)\n')
    expect(run.stderr.endsWith('stopped after 1 run\n')).toBe(true)
    // A second Ctrl-C finds no listener of dlc's: Node's default ends the process at once.
    expect(listenersAfterStop).toBe(0)
  }, 120_000)

  it('follows daylight saving: in Berlin the wait across the last Sunday of October is 25 hours', async () => {
    const dir = await exampleProject()
    editPipeline(dir, "timezone: 'America/Bogota'", "timezone: 'Europe/Berlin'")
    const signals = new EventEmitter()
    // 02:59 CEST on Saturday 24 October; the clocks go back from 03:00 CEST to 02:00 CET on the 25th.
    const clock = new FakeClock('2026-10-24T00:59:00Z', (count) => count === 3 && signals.emit('SIGINT'))
    const run = await runScheduled(dir, clock, signals)

    expect(run.code, run.stderr).toBe(0)
    expect(clock.sleeps).toEqual([60_000, 25 * HOUR, DAY])
    expect(run.startedAt).toEqual(['2026-10-24T01:00:00.000Z', '2026-10-25T02:00:00.000Z'])
    expect(summaries(dir).map((summary) => summary.batchDate)).toEqual(['2026-10-23', '2026-10-24'])
    expect(run.stderr).toContain('next run at 2026-10-25T03:00:00+01:00 (2026-10-25T02:00:00.000Z)')
  }, 120_000)

  it('runs a rate() schedule when it starts and then every interval, not back to back', async () => {
    const dir = await exampleProject()
    editPipeline(dir, "'cron(0 3 * * ? *)'", "'rate(5 minutes)'")
    const signals = new EventEmitter()
    const clock = new FakeClock('2026-11-25T08:00:00Z', (count) => count === 2 && signals.emit('SIGINT'))
    const run = await runScheduled(dir, clock, signals)

    expect(run.code, run.stderr).toBe(0)
    expect(clock.sleeps).toEqual([5 * 60_000, 5 * 60_000])
    expect(run.startedAt).toEqual(['2026-11-25T08:00:00.000Z', '2026-11-25T08:05:00.000Z'])
  }, 120_000)

  it('with --rows, generates each run its rows for the day before the fire time', async () => {
    const dir = await exampleProject()
    const signals = new EventEmitter()
    const clock = new FakeClock('2026-11-25T07:59:00Z', (count) => count === 2 && signals.emit('SIGINT'))
    const run = await runScheduled(dir, clock, signals, undefined, ['--rows', '400', '--seed', '3'])

    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toContain('dlc: generating 400 messy rows for 2026-11-24 (seed 3)\n')
    expect(run.stderr).toContain('dlc: placed 400 generated rows for 2026-11-24\n')
    const [only] = summaries(dir)
    expect(only).toMatchObject({ batchDate: '2026-11-24', status: 'SUCCEEDED' })
    expect(only?.datasets.reduce((sum, figures) => sum + (figures.rowsRead ?? 0), 0)).toBe(400)
  }, 120_000)

  it('stops with exit 0 on a real SIGTERM while waiting', async () => {
    const dir = await exampleProject()
    const run = await spawnDlc(['run', dir, '--schedule'], (line, child) => {
      if (line.endsWith('waiting (Ctrl-C to stop)')) child.kill('SIGTERM')
    })
    expect(run.signal).toBeNull()
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toMatch(/waiting \(Ctrl-C to stop\)\nstopping\nstopped after 0 runs\n$/)
    expect(existsSync(join(dir, '.dlc/runs'))).toBe(false)
  }, 60_000)

  it('on a real Ctrl-C during a run, lets it finish and exits 0; a second Ctrl-C ends the process at once', async () => {
    // rate() fires when the loop starts, so a run is under way at once.
    const finishing = await exampleProject()
    editPipeline(finishing, "'cron(0 3 * * ? *)'", "'rate(1 minute)'")
    const finished = await spawnDlc(['run', finishing, '--schedule'], (line, child) => {
      if (line === '▸ Clean sales') child.kill('SIGINT')
    })
    expect(finished.code, finished.stderr).toBe(0)
    expect(finished.stderr).toContain('▸ Clean sales\nstopping once the run in progress ends (Ctrl-C again stops it at once)\n')
    expect(finished.stderr).toMatch(/✓ Done .*\nstopped after 1 run\n$/)
    expect(summaries(finishing).map((summary) => summary.status)).toEqual(['SUCCEEDED'])

    const interrupted = await exampleProject()
    editPipeline(interrupted, "'cron(0 3 * * ? *)'", "'rate(1 minute)'")
    const ended = await spawnDlc(['run', interrupted, '--schedule'], (line, child) => {
      if (line === '▸ Clean sales' || line.startsWith('stopping once')) child.kill('SIGINT')
    })
    expect(ended.signal, ended.stderr).toBe('SIGINT')
    expect(ended.stderr).not.toContain('stopped after')
    expect(summaries(interrupted)).toEqual([])
  }, 90_000)

  it('refuses a pipeline without a schedule (DLC_NO_SCHEDULE, exit 1), and --batch-date or --at with --schedule (exit 2)', async () => {
    const dir = await exampleProject()
    expect((await dlc(['run', dir, '--schedule', '--batch-date', '2026-11-24'], dir)).code).toBe(2)
    expect((await dlc(['run', dir, '--schedule', '--at', '2026-11-25T03:00:00-05:00'], dir)).code).toBe(2)
    editPipeline(dir, ".schedule('cron(0 3 * * ? *)', { timezone: 'America/Bogota', flexibleWindowMinutes: 15, lagDays: 1 })", '')
    const run = await dlc(['run', dir, '--schedule'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain("error DLC_NO_SCHEDULE: the pipeline 'nightly-sales' has no schedule")
    expect(existsSync(join(dir, '.dlc/runs'))).toBe(false)
  }, 60_000)
})
