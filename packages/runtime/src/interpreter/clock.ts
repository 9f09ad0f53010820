import { setImmediate as nextTurn } from 'node:timers/promises'

/**
 * Where an execution reads the time and waits. `sleep` is a Wait state or a retry interval: on the
 * virtual clock it takes no real time. `deadline` is a timeout: it fires when the clock passes it,
 * and never pushes the virtual clock forward by itself, so a slow handler is not cut short by a
 * clock that jumped for another branch's Wait.
 */
export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
  deadline(ms: number): Deadline
}

export interface Deadline {
  readonly passed: Promise<void>
  cancel(): void
}

/** setTimeout's limit (about 24.8 days); longer timers fire at once with a warning, so they are chained. */
const MAX_TIMER_MS = 2_147_483_647

/** Calls `fire` after `ms` real milliseconds, however long; returns a way to cancel it. */
function realTimer(ms: number, fire: () => void): () => void {
  let timer: NodeJS.Timeout
  const arm = (left: number): void => {
    timer = setTimeout(() => (left > MAX_TIMER_MS ? arm(left - MAX_TIMER_MS) : fire()), Math.min(Math.max(0, left), MAX_TIMER_MS))
  }
  arm(ms)
  return () => clearTimeout(timer)
}

/** The clock of the wall: waits take their real time. */
export class RealClock implements Clock {
  now(): number {
    return Date.now()
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => realTimer(ms, resolve))
  }

  deadline(ms: number): Deadline {
    let cancel = (): void => {}
    const passed = new Promise<void>((resolve) => {
      cancel = realTimer(ms, resolve)
    })
    return { passed, cancel: () => cancel() }
  }
}

interface Timer {
  readonly at: number
  readonly active: boolean
  readonly fire: () => void
  cancelled: boolean
}

/**
 * A clock that runs at real speed but jumps over waits: when every branch is waiting, time moves
 * to the earliest wake-up at once. A nightly pipeline with 30-second crawler polls runs in
 * milliseconds, and Parallel branches that wait side by side still take the longest wait, not the sum.
 *
 * @example const clock = new VirtualClock(Date.parse('2026-11-24T02:00:00Z')); await clock.sleep(3_600_000) // returns at once
 */
export class VirtualClock implements Clock {
  private offset: number
  private readonly timers: Timer[] = []
  private draining = false

  constructor(start: number = Date.now()) {
    this.offset = start - Date.now()
  }

  now(): number {
    return Date.now() + this.offset
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.add(this.now() + Math.max(0, ms), true, resolve))
  }

  deadline(ms: number): Deadline {
    let timer: Timer | undefined
    let cancelReal = (): void => {}
    const passed = new Promise<void>((resolve) => {
      timer = this.add(this.now() + Math.max(0, ms), false, resolve)
      // A timeout also passes in real time, for handlers that really take that long.
      cancelReal = realTimer(ms, resolve)
    })
    return {
      passed,
      cancel: () => {
        if (timer !== undefined) timer.cancelled = true
        cancelReal()
      },
    }
  }

  private add(at: number, active: boolean, fire: () => void): Timer {
    const timer: Timer = { at, active, fire, cancelled: false }
    const index = this.timers.findIndex((other) => other.at > at)
    this.timers.splice(index === -1 ? this.timers.length : index, 0, timer)
    if (!this.draining) void this.drain()
    return timer
  }

  /** Fires timers in time order while some active wait is pending, letting ready work run between. */
  private async drain(): Promise<void> {
    this.draining = true
    try {
      for (;;) {
        await nextTurn()
        this.prune()
        if (!this.timers.some((timer) => timer.active)) return
        const next = this.timers.shift()
        if (next === undefined) return
        this.offset = Math.max(this.offset, next.at - Date.now())
        next.fire()
      }
    } finally {
      this.draining = false
    }
  }

  private prune(): void {
    for (let index = this.timers.length - 1; index >= 0; index -= 1) {
      if (this.timers[index]?.cancelled === true) this.timers.splice(index, 1)
    }
  }
}
