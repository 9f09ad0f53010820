import { setTimeout as delay } from 'node:timers/promises'
import { nextFireTimes, parseScheduleExpression, toZonedIso, type ScheduleNode } from '@dlc/dsl'
import type { Io } from '../io.js'

/** What `dlc run --schedule` reads the time from and waits with; tests pass a fake one. */
export interface ScheduleClock {
  now(): Date
  /** Resolves after `ms`, or as soon as `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>
}

/** The signals that stop the loop (Ctrl-C, SIGTERM); `process` in the CLI, an EventEmitter in tests. */
export interface StopSignals {
  on(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown
  off(signal: 'SIGINT' | 'SIGTERM', listener: () => void): unknown
}

/** The clock and the signals `runOnSchedule` uses. */
export interface ScheduleHooks {
  readonly clock: ScheduleClock
  readonly signals: StopSignals
}

/** The wall clock (a timer per wait) and this process's signals: what `dlc run --schedule` uses. */
export const systemHooks: ScheduleHooks = {
  clock: {
    now: () => new Date(),
    sleep: (ms, signal) =>
      delay(ms, undefined, { signal }).catch((error: unknown) => {
        if (!signal.aborted) throw error
      }),
  },
  signals: process,
}

// setTimeout's longest wait (about 24.8 days); a later fire time is waited for in steps.
const LONGEST_SLEEP = 2_147_483_647
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const

/**
 * Starts a run at each fire time of the schedule, in its zone, until SIGINT or SIGTERM. A signal
 * during the wait ends the loop at once; a signal during a run lets that run finish (its batch
 * published, its summary written) and then ends the loop. The listener is removed at the first
 * signal, so a second one gets Node's default and ends the process at once, as a crash would: the
 * Glue job's staged publish keeps the lake readable, and the next run finishes or discards what
 * the killed one left (docs/local-run.md). Fire times that pass while a run is in progress are
 * skipped (AWS would start them as parallel executions).
 *
 * @returns 0 when stopped or when the schedule fires no more
 */
export async function runOnSchedule(schedule: ScheduleNode, io: Io, hooks: ScheduleHooks, runAt: (fireTime: Date) => Promise<void>): Promise<number> {
  const { clock, signals } = hooks
  const stop = new AbortController()
  let running = false
  const onSignal = (): void => {
    for (const name of STOP_SIGNALS) signals.off(name, onSignal)
    io.stderr.write(running ? 'stopping once the run in progress ends (Ctrl-C again stops it at once)\n' : 'stopping\n')
    stop.abort()
  }
  for (const name of STOP_SIGNALS) signals.on(name, onSignal)
  try {
    const created = clock.now()
    let from = created
    let runs = 0
    while (!stop.signal.aborted) {
      const next = nextFireTime(schedule, created, from)
      if (next === undefined) {
        io.stderr.write(`the schedule fires no more; stopped after ${plural(runs, 'run')}\n`)
        return 0
      }
      io.stderr.write(`next run at ${toZonedIso(next, schedule.timezone)} (${next.toISOString()}); waiting (Ctrl-C to stop)\n`)
      for (let now = clock.now(); now < next && !stop.signal.aborted; now = clock.now()) {
        await clock.sleep(Math.min(next.getTime() - now.getTime(), LONGEST_SLEEP), stop.signal)
      }
      if (stop.signal.aborted) break
      running = true
      try {
        await runAt(next)
      } finally {
        running = false
      }
      runs++
      from = later(clock.now(), new Date(next.getTime() + 1))
    }
    io.stderr.write(`stopped after ${plural(runs, 'run')}\n`)
    return 0
  } finally {
    for (const name of STOP_SIGNALS) signals.off(name, onSignal)
  }
}

/**
 * The first fire time at or after `from`. A rate() counts from when the schedule was created (here:
 * when the loop started), as AWS's does without a StartDate; cron() and at() name wall-clock times.
 */
function nextFireTime(schedule: ScheduleNode, created: Date, from: Date): Date | undefined {
  const parsed = parseScheduleExpression(schedule.expression)
  if (parsed.kind !== 'RateExpression') return nextFireTimes(schedule, from, 1)[0]
  const interval = parsed.intervalMinutes * 60_000
  const elapsed = from.getTime() - created.getTime()
  return new Date(created.getTime() + Math.max(0, Math.ceil(elapsed / interval)) * interval)
}

const later = (a: Date, b: Date): Date => (a > b ? a : b)
const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`
