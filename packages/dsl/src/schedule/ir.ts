/**
 * Schedules in the IR: when EventBridge Scheduler starts the pipeline. `ScheduleNode` is what
 * the CloudFormation `AWS::Scheduler::Schedule` needs; the expression nodes are its parsed form.
 */

/** An EventBridge Scheduler schedule: `ScheduleExpression`, its time zone, window and state. */
export interface ScheduleNode {
  readonly kind: 'Schedule'
  /** `cron(...)`, `rate(...)` or `at(...)`, validated and with single spaces. */
  readonly expression: string
  /** The IANA zone the expression is read in (`ScheduleExpressionTimezone`); `UTC` by default. */
  readonly timezone: string
  /** `FlexibleTimeWindow` `FLEXIBLE` with this `MaximumWindowInMinutes` (1-1440); absent means `OFF`. */
  readonly flexibleWindowMinutes?: number
  /** `State`: `ENABLED` or `DISABLED`. */
  readonly enabled: boolean
}

export function isScheduleNode(value: unknown): value is ScheduleNode {
  if (typeof value !== 'object' || value === null) return false
  const node = value as Partial<ScheduleNode>
  return node.kind === 'Schedule' && typeof node.expression === 'string' && typeof node.timezone === 'string' && typeof node.enabled === 'boolean'
}

/** Which days of the month a cron expression names. */
export type DayOfMonthRule =
  /** `?`: the day-of-week field decides. */
  | { readonly rule: 'any' }
  | { readonly rule: 'days'; readonly days: readonly number[] }
  /** `L`: the last day of the month. */
  | { readonly rule: 'last' }
  /** `15W`: the weekday (Monday-Friday) nearest the 15th, in the same month. */
  | { readonly rule: 'nearestWeekday'; readonly day: number }

/** Which days of the week a cron expression names; 1 is Sunday, 7 is Saturday. */
export type DayOfWeekRule =
  /** `?`: the day-of-month field decides. */
  | { readonly rule: 'any' }
  | { readonly rule: 'days'; readonly days: readonly number[] }
  /** `6L`: the last Friday of the month; `L` alone is the last Saturday. */
  | { readonly rule: 'last'; readonly day: number }
  /** `3#2`: the second Tuesday of the month. */
  | { readonly rule: 'nth'; readonly day: number; readonly nth: number }

/** `cron(minutes hours day-of-month month day-of-week year)`, every field expanded. */
export interface CronExpressionNode {
  readonly kind: 'CronExpression'
  readonly expression: string
  readonly minutes: readonly number[]
  readonly hours: readonly number[]
  readonly daysOfMonth: DayOfMonthRule
  /** 1-12 */
  readonly months: readonly number[]
  readonly daysOfWeek: DayOfWeekRule
  /** 1970-2199 */
  readonly years: readonly number[]
}

export type RateUnit = 'minute' | 'minutes' | 'hour' | 'hours' | 'day' | 'days'

/** `rate(value unit)`: a fixed interval; a day is 24 hours whatever the clocks do. */
export interface RateExpressionNode {
  readonly kind: 'RateExpression'
  readonly expression: string
  readonly value: number
  readonly unit: RateUnit
  readonly intervalMinutes: number
}

/** A date and time as a clock in some zone shows it. `month` is 1-12. */
export interface WallClock {
  readonly year: number
  readonly month: number
  readonly day: number
  readonly hour: number
  readonly minute: number
  readonly second: number
}

/** `at(yyyy-mm-ddThh:mm:ss)`: once, at this wall-clock time in the schedule's zone. */
export interface AtExpressionNode extends WallClock {
  readonly kind: 'AtExpression'
  readonly expression: string
}

export type ScheduleExpressionNode = CronExpressionNode | RateExpressionNode | AtExpressionNode
