import { createNode } from '../ir/json.js'
import { parseCron } from './cron.js'
import { SCHEDULE_CODES, scheduleError } from './errors.js'
import type { AtExpressionNode, RateExpressionNode, RateUnit, ScheduleExpressionNode } from './ir.js'

const FORMS = 'write cron(minutes hours day-of-month month day-of-week year), rate(value unit) or at(yyyy-mm-ddThh:mm:ss)'

const UNIT_MINUTES: Readonly<Record<RateUnit, number>> = { minute: 1, minutes: 1, hour: 60, hours: 60, day: 1440, days: 1440 }

/**
 * Parses and validates an EventBridge Scheduler `ScheduleExpression`, or throws a DslError
 * that names the wrong field and how to fix it.
 * @example parseScheduleExpression('cron(0 3 * * ? *)').hours // [3]
 */
export function parseScheduleExpression(expression: string): ScheduleExpressionNode {
  if (typeof expression !== 'string') throw scheduleError(SCHEDULE_CODES.schedule, `the schedule expression is ${expression === null ? 'null' : typeof expression}, not a string`, FORMS)
  const match = /^(cron|rate|at)\((.*)\)$/s.exec(expression.trim())
  if (!match) throw scheduleError(SCHEDULE_CODES.schedule, `"${expression}" is not a cron(), rate() or at() expression`, formHint(expression.trim()))
  const [, form, body = ''] = match
  if (form === 'cron') return parseCron(body)
  if (form === 'rate') return parseRate(body)
  return parseAt(body)
}

function formHint(text: string): string {
  if (/^(cron|rate|at)\s*\(/i.test(text) && !/^(cron|rate|at)\(/.test(text)) return 'write cron, rate and at in lower case, with ( right after the word'
  if (/^(cron|rate|at)\(/.test(text)) return 'close the expression with )'
  const words = text.split(/\s+/)
  if (words.length === 6) return `wrap the fields in cron(...): cron(${words.join(' ')})`
  if (words.length === 5) return `wrap the fields in cron(...) and add a year field: cron(${words.join(' ')} *)`
  return FORMS
}

function parseRate(body: string): RateExpressionNode {
  const parts = body.trim().split(/\s+/).filter((part) => part !== '')
  const [valueText, unitText] = parts
  if (parts.length !== 2 || valueText === undefined || unitText === undefined) {
    throw scheduleError(SCHEDULE_CODES.rate, `rate(${body}) needs a value and a unit`, 'write rate(value unit), e.g. rate(5 minutes) or rate(1 day)')
  }
  if (!/^\d+$/.test(valueText) || !Number.isSafeInteger(Number(valueText))) {
    throw scheduleError(SCHEDULE_CODES.rate, `rate value "${valueText}" is not a positive whole number`, 'write a whole number of minutes, hours or days, e.g. rate(90 minutes)')
  }
  const value = Number(valueText)
  if (value === 0) throw scheduleError(SCHEDULE_CODES.rate, 'rate value 0 is not positive', 'the shortest rate is rate(1 minute)')
  if (!(unitText in UNIT_MINUTES)) throw scheduleError(SCHEDULE_CODES.rate, `rate unit "${unitText}" is not minute(s), hour(s) or day(s)`, unitHint(unitText, value))
  const unit = unitText as RateUnit
  const plural = unit.endsWith('s')
  if (value === 1 && plural) throw scheduleError(SCHEDULE_CODES.rate, `rate unit "${unit}" is plural but the value is 1`, `the unit is singular for 1: write rate(1 ${unit.slice(0, -1)})`)
  if (value > 1 && !plural) throw scheduleError(SCHEDULE_CODES.rate, `rate unit "${unit}" is singular but the value is ${value}`, `the unit is plural above 1: write rate(${value} ${unit}s)`)
  return createNode<RateExpressionNode>({ kind: 'RateExpression', expression: `rate(${value} ${unit})`, value, unit, intervalMinutes: value * UNIT_MINUTES[unit] })
}

function unitHint(unit: string, value: number): string {
  const singular = value === 1
  if (/^s(ec(ond)?s?)?$/i.test(unit)) return 'EventBridge Scheduler runs at most once a minute: the shortest rate is rate(1 minute)'
  if (/^w(ee)?ks?$/i.test(unit)) return `write weeks as days: rate(${value * 7} days)`
  const known = /^m(in(ute)?s?)?$/i.test(unit) ? 'minute' : /^h((ou)?rs?)?$/i.test(unit) ? 'hour' : /^d(ays?)?$/i.test(unit) ? 'day' : undefined
  if (known !== undefined) return `write rate(${value} ${known}${singular ? '' : 's'})`
  return 'the units are minute, minutes, hour, hours, day and days (singular for 1), e.g. rate(5 minutes)'
}

const MONTH_LABELS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

function parseAt(body: string): AtExpressionNode {
  const text = body.trim()
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(text)
  if (!match) {
    const zoned = /(Z|[+-]\d{2}:?\d{2})$/.test(text) && /T/.test(text)
    const hint = zoned
      ? "write the local time without Z or an offset: the schedule's timezone option says where it is, e.g. at(2026-11-20T13:00:00)"
      : 'write the local date and time with seconds, e.g. at(2026-11-20T13:00:00)'
    throw scheduleError(SCHEDULE_CODES.at, `at(${body}) is not yyyy-mm-ddThh:mm:ss`, hint)
  }
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number) as [number, number, number, number, number, number]
  if (month < 1 || month > 12) throw scheduleError(SCHEDULE_CODES.at, `at(${text}) month ${month} is not 1-12`, 'write the month as 01-12')
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate()
  if (day < 1 || day > days) throw scheduleError(SCHEDULE_CODES.at, `at(${text}) day ${day} does not exist in ${MONTH_LABELS[month - 1]} ${year}`, `write a day from 01 to ${days}`)
  if (hour > 23) throw scheduleError(SCHEDULE_CODES.at, `at(${text}) hour ${hour} is not 00-23`, 'midnight is 00:00:00 of the next day')
  if (minute > 59) throw scheduleError(SCHEDULE_CODES.at, `at(${text}) minute ${minute} is not 00-59`, 'write the minutes as 00-59')
  if (second > 59) throw scheduleError(SCHEDULE_CODES.at, `at(${text}) second ${second} is not 00-59`, 'write the seconds as 00-59')
  return createNode<AtExpressionNode>({ kind: 'AtExpression', expression: `at(${text})`, year, month, day, hour, minute, second })
}
