import { DslError } from '../expr/expr.js'

/** The stable codes a schedule is refused with; docs/schedule.md lists them. */
export const SCHEDULE_CODES = {
  /** Not `cron(...)`, `rate(...)` or `at(...)`, or an option that is not what it should be. */
  schedule: 'DLC_INVALID_SCHEDULE',
  cron: 'DLC_INVALID_CRON',
  rate: 'DLC_INVALID_RATE',
  at: 'DLC_INVALID_AT',
  timezone: 'DLC_INVALID_TIMEZONE',
  flexibleWindow: 'DLC_INVALID_FLEXIBLE_WINDOW',
} as const

export type ScheduleErrorCode = (typeof SCHEDULE_CODES)[keyof typeof SCHEDULE_CODES]

export const EXPRESSION_AT = '/schedule/expression'

/** A DslError about one part of a schedule. */
export function scheduleError(code: ScheduleErrorCode, message: string, hint: string, location: string = EXPRESSION_AT): DslError {
  return new DslError(message, location, hint, code)
}

/** The closest of `candidates` to `typed`, if one is close enough to be what was meant. */
export function closest(typed: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  const lower = typed.toLowerCase()
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(typed.length / 4)) ? best : undefined
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution))
    }
    previous = current
  }
  return previous[b.length] ?? 0
}
