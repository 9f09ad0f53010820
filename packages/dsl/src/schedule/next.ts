import { parseScheduleExpression } from './expression.js'
import type { CronExpressionNode, ScheduleNode } from './ir.js'
import { schedule } from './schedule.js'
import { instantsAt, wallClockAt, zonedDay } from './zone.js'

const DAY_MS = 86_400_000
const MINUTE_MS = 60_000

/**
 * The next `count` instants at or after `from` when the schedule fires, earliest first; fewer
 * when it stops firing (an `at()` runs once, a cron's years end). Cron fields are wall-clock
 * time in the schedule's zone, with EventBridge Scheduler's daylight-saving rules: a time the
 * clocks skip does not run that day, a time they repeat runs once, at its first occurrence.
 * `rate()` runs at `from` and every interval after it, as a schedule without a StartDate does.
 * Whether the schedule is enabled does not matter here.
 * @example nextFireTimes(schedule('cron(0 3 * * ? *)', { timezone: 'America/Bogota' }), new Date('2026-05-01T00:00:00Z'), 1) // [2026-05-01T08:00:00.000Z]
 */
export function nextFireTimes(node: ScheduleNode, from: Date, count: number): Date[] {
  const start = from.getTime()
  if (Number.isNaN(start)) throw new RangeError('nextFireTimes: from is an invalid Date')
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`nextFireTimes: count must be a whole number, not ${count}`)
  const { timezone } = schedule(node.expression, { timezone: node.timezone })
  const parsed = parseScheduleExpression(node.expression)
  if (count === 0) return []
  switch (parsed.kind) {
    case 'RateExpression':
      return Array.from({ length: count }, (_, k) => new Date(start + k * parsed.intervalMinutes * MINUTE_MS))
    case 'AtExpression': {
      const [first] = instantsAt(parsed, timezone)
      return first !== undefined && first >= start ? [new Date(first)] : []
    }
    case 'CronExpression':
      return cronFireTimes(parsed, timezone, start, count).map((instant) => new Date(instant))
  }
}

function cronFireTimes(cron: CronExpressionNode, zone: string, start: number, count: number): number[] {
  const found: number[] = []
  const years = new Set(cron.years)
  const months = new Set(cron.months)
  const lastYear = Math.max(...cron.years)
  const today = wallClockAt(start, zone)
  // From the day before: where clocks fall back across midnight, yesterday's late times come again.
  let date = Date.UTC(today.year, today.month - 1, today.day) - DAY_MS
  for (;;) {
    const day = new Date(date)
    const year = day.getUTCFullYear()
    const month = day.getUTCMonth() + 1
    if (year > lastYear) return found
    if (!years.has(year)) {
      date = Date.UTC(year + 1, 0, 1)
      continue
    }
    if (!months.has(month)) {
      date = Date.UTC(year, month, 1)
      continue
    }
    if (dayMatches(cron, year, month, day.getUTCDate())) {
      const resolve = zonedDay(year, month, day.getUTCDate(), zone)
      for (const hour of cron.hours) {
        for (const minute of cron.minutes) {
          // The first occurrence only: AWS does not repeat a run when the clocks fall back.
          const [instant] = resolve(hour, minute)
          if (instant === undefined || instant < start) continue
          found.push(instant)
          if (found.length === count) return found
        }
      }
    }
    date += DAY_MS
  }
}

/** Whether the day-of-month and day-of-week fields name this date (one of them is `?`). */
function dayMatches(cron: CronExpressionNode, year: number, month: number, day: number): boolean {
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate()
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 1
  const dom = cron.daysOfMonth
  const dow = cron.daysOfWeek
  const domMatches =
    dom.rule === 'any' ||
    (dom.rule === 'days' && dom.days.includes(day)) ||
    (dom.rule === 'last' && day === length) ||
    (dom.rule === 'nearestWeekday' && day === nearestWeekday(year, month, dom.day, length))
  const dowMatches =
    dow.rule === 'any' ||
    (dow.rule === 'days' && dow.days.includes(weekday)) ||
    (dow.rule === 'last' && weekday === dow.day && day + 7 > length) ||
    (dow.rule === 'nth' && weekday === dow.day && Math.ceil(day / 7) === dow.nth)
  return domMatches && dowMatches
}

/**
 * The Monday-Friday nearest `target` without leaving the month: a Saturday moves to Friday
 * (to Monday the 3rd for the 1st), a Sunday to Monday (to Friday for the month's last day).
 * A day the month does not have (31W in April) names no day.
 */
function nearestWeekday(year: number, month: number, target: number, length: number): number | undefined {
  if (target > length) return undefined
  const weekday = new Date(Date.UTC(year, month - 1, target)).getUTCDay()
  if (weekday === 6) return target > 1 ? target - 1 : target + 2
  if (weekday === 0) return target < length ? target + 1 : target - 2
  return target
}
