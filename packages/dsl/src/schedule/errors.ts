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
