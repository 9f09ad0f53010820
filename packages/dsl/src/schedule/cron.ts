import { createNode } from '../ir/json.js'
import { SCHEDULE_CODES, scheduleError } from './errors.js'
import type { CronExpressionNode, DayOfMonthRule, DayOfWeekRule } from './ir.js'

/** One of the six fields, with what AWS allows in it (EventBridge "Cron expressions" table). */
interface Field {
  readonly name: 'minutes' | 'hours' | 'day-of-month' | 'month' | 'day-of-week' | 'year'
  /** How a single value is described in messages, with its article. */
  readonly what: string
  readonly min: number
  readonly max: number
  /** Names for min, min+1, ...: JAN-DEC, SUN-SAT. */
  readonly names?: readonly string[]
  /** A range may run past the end and wrap (`20-2` hours: 20:00 to 02:00), as AWS's examples show. */
  readonly cyclic: boolean
  /** Whether `/` increments are allowed. */
  readonly steps: boolean
}

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const

const MINUTES: Field = { name: 'minutes', what: 'a minute (0-59)', min: 0, max: 59, cyclic: true, steps: true }
const HOURS: Field = { name: 'hours', what: 'an hour (0-23)', min: 0, max: 23, cyclic: true, steps: true }
const DAY_OF_MONTH: Field = { name: 'day-of-month', what: 'a day of the month (1-31)', min: 1, max: 31, cyclic: false, steps: true }
const MONTH: Field = { name: 'month', what: 'a month (1-12 or JAN-DEC)', min: 1, max: 12, names: MONTH_NAMES, cyclic: true, steps: true }
const DAY_OF_WEEK: Field = { name: 'day-of-week', what: 'a day of the week (1-7 or SUN-SAT)', min: 1, max: 7, names: DAY_NAMES, cyclic: true, steps: false }
const YEAR: Field = { name: 'year', what: 'a year (1970-2199)', min: 1970, max: 2199, cyclic: false, steps: true }

/** The longest each month can be: a day-of-month past it never fires. */
const LONGEST_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const SIX_FIELDS = 'write six fields separated by spaces: minutes hours day-of-month month day-of-week year, e.g. cron(0 3 * * ? *)'

/**
 * Parses the inside of `cron(...)` by EventBridge's rules: six fields, `, - * ? / L W #`
 * where each field allows them, and `?` in exactly one of day-of-month and day-of-week.
 */
export function parseCron(body: string): CronExpressionNode {
  const fields = body.trim().split(/\s+/).filter((field) => field !== '')
  const [minutesText, hoursText, domText, monthText, dowText, yearText] = fields
  if (fields.length !== 6 || minutesText === undefined || hoursText === undefined || domText === undefined || monthText === undefined || dowText === undefined || yearText === undefined) {
    const hint = fields.length === 5 ? 'add the year field: * for every year, e.g. cron(0 3 * * ? *)' : SIX_FIELDS
    throw scheduleError(SCHEDULE_CODES.cron, `cron(${body}) has ${fields.length} ${fields.length === 1 ? 'field' : 'fields'}, not 6`, hint)
  }
  const daysOfMonth = parseDayOfMonth(domText)
  const daysOfWeek = parseDayOfWeek(dowText)
  if (daysOfMonth.rule === 'any' && daysOfWeek.rule === 'any') {
    throw scheduleError(SCHEDULE_CODES.cron, 'cron day-of-month and day-of-week are both "?"', 'use ? in only one of them and * or a value in the other: cron(0 3 * * ? *) runs every day')
  }
  if (daysOfMonth.rule !== 'any' && daysOfWeek.rule !== 'any') {
    throw scheduleError(
      SCHEDULE_CODES.cron,
      `cron day-of-month "${domText}" and day-of-week "${dowText}" are both set`,
      'day-of-month and day-of-week cannot both be set: use ? in one of them, e.g. cron(0 3 ? * MON-FRI *) or cron(0 3 1 * ? *)',
    )
  }
  const months = parseList(MONTH, monthText)
  checkDayOccurs(daysOfMonth, domText, months)
  return createNode<CronExpressionNode>({
    kind: 'CronExpression',
    expression: `cron(${fields.join(' ')})`,
    minutes: parseList(MINUTES, minutesText),
    hours: parseList(HOURS, hoursText),
    daysOfMonth,
    months,
    daysOfWeek,
    years: parseList(YEAR, yearText),
  })
}

function fieldError(field: Field, text: string, problem: string, hint: string): Error {
  return scheduleError(SCHEDULE_CODES.cron, `cron ${field.name} "${text}": ${problem}`, hint)
}

function parseDayOfMonth(text: string): DayOfMonthRule {
  if (text === '?') return { rule: 'any' }
  if (text === 'L') return { rule: 'last' }
  const weekday = /^(\d+)W$/.exec(text)
  if (weekday) return { rule: 'nearestWeekday', day: value(DAY_OF_MONTH, text, weekday[1] ?? '') }
  if (/[LW]/.test(text)) {
    throw fieldError(DAY_OF_MONTH, text, 'L and W stand alone in the field', 'write L for the last day of the month, or one day followed by W (15W: the weekday nearest the 15th)')
  }
  return { rule: 'days', days: parseList(DAY_OF_MONTH, text) }
}

function parseDayOfWeek(text: string): DayOfWeekRule {
  if (text === '?') return { rule: 'any' }
  if (text === 'L') return { rule: 'last', day: DAY_OF_WEEK.max }
  const last = /^(.+)L$/.exec(text)
  if (last && !/[,#/-]/.test(text)) return { rule: 'last', day: value(DAY_OF_WEEK, text, last[1] ?? '') }
  if (text.includes('#')) {
    const nth = /^([^#,]+)#([^#,]+)$/.exec(text)
    if (!nth) throw fieldError(DAY_OF_WEEK, text, '# can be used once, alone in the field', 'write one day#instance, e.g. 3#2 for the second Tuesday; "3#1,6#3" is two expressions and AWS refuses it')
    const instance = nth[2] ?? ''
    if (!/^[1-5]$/.test(instance)) throw fieldError(DAY_OF_WEEK, text, `"${instance}" after # is not an instance 1-5`, 'a month has at most five of each weekday: 2#1 is the first Monday, 2#5 the fifth')
    return { rule: 'nth', day: value(DAY_OF_WEEK, text, nth[1] ?? ''), nth: Number(instance) }
  }
  if (text.includes('L')) throw fieldError(DAY_OF_WEEK, text, 'L stands alone in the field', 'write L for Saturday, the last day of the week, or a day followed by L (6L: the last Friday of the month)')
  return { rule: 'days', days: parseList(DAY_OF_WEEK, text) }
}

/** A list of values, ranges and increments: `5,35`, `MON-FRI`, `0/15`, `20-2`, `*`. */
function parseList(field: Field, text: string): number[] {
  const found = new Set<number>()
  for (const item of text.split(',')) {
    if (item === '') throw fieldError(field, text, 'the list has an empty item', 'separate values with single commas, e.g. 5,35')
    for (const v of expandItem(field, text, item)) found.add(v)
  }
  return [...found].sort((a, b) => a - b)
}

function expandItem(field: Field, text: string, item: string): number[] {
  const [range = '', step, ...extra] = item.split('/')
  if (extra.length > 0) throw fieldError(field, text, `"${item}" has more than one /`, 'write start/increment, e.g. 0/15')
  let by = 1
  if (step !== undefined) {
    if (!field.steps) throw fieldError(field, text, `/ increments are not allowed in ${field.name}`, `list the values instead, e.g. ${field.name === 'day-of-week' ? 'MON,WED,FRI' : '1,15'}`)
    if (!/^\d+$/.test(step) || Number(step) < 1) throw fieldError(field, text, `the increment "${step}" is not a whole number of at least 1`, 'write start/increment, e.g. 0/15 for every 15 from 0')
    by = Number(step)
  }
  let start: number
  let end: number
  if (range === '*') {
    start = field.min
    end = field.max
  } else if (range.includes('-')) {
    const [from = '', to = '', ...more] = range.split('-')
    if (more.length > 0 || from === '' || to === '') throw fieldError(field, text, `"${range}" is not a range`, `write first-last, e.g. ${field.names ? `${field.names[1]}-${field.names[4]}` : `${field.min}-${field.min + 5}`}`)
    start = value(field, text, from)
    end = value(field, text, to)
    if (start > end && !field.cyclic) throw fieldError(field, text, `the range ${range} runs backwards`, `write the smaller ${field.name} first`)
  } else {
    start = value(field, text, range)
    end = step === undefined ? start : field.max
  }
  const size = field.max - field.min + 1
  const span = end >= start ? end - start : end - start + size
  const values: number[] = []
  for (let offset = 0; offset <= span; offset += by) {
    const v = start + offset
    values.push(v > field.max ? v - size : v)
  }
  return values
}

/** One number or name in a field. */
function value(field: Field, text: string, token: string): number {
  if (/^\d+$/.test(token)) {
    const number = Number(token)
    if (number >= field.min && number <= field.max) return number
    const sunday = field === DAY_OF_WEEK && number === 0 ? '; Sunday is 1 (SUN), not 0' : ''
    throw fieldError(field, text, `${number} is not ${field.what}${sunday}`, `use ${field.min}-${field.max}${field.names ? ` or ${field.names[0]}-${field.names[field.names.length - 1]}` : ''}`)
  }
  const index = field.names?.indexOf(token) ?? -1
  if (index >= 0) return field.min + index
  if (field.names?.includes(token.toUpperCase())) throw fieldError(field, text, `"${token}" is not upper case`, `write ${token.toUpperCase()}`)
  throw fieldError(field, text, `"${token}" is not ${field.what}`, misplacedHint(field, token) ?? `use ${field.what.replace(/^.*\((.*)\)$/, '$1')}`)
}

/** Wildcards written in a field that does not take them. */
function misplacedHint(field: Field, token: string): string | undefined {
  if (token.includes('?')) return field === DAY_OF_MONTH || field === DAY_OF_WEEK ? '? stands alone in the field' : '? is allowed only in day-of-month or day-of-week; use * for every value'
  if (/^\d*L$/.test(token)) return 'L is allowed only in day-of-month and day-of-week, alone in the field'
  if (/^\d+W$/.test(token)) return 'W is allowed only in day-of-month, alone in the field'
  if (token.includes('#')) return '# is allowed only in day-of-week, alone in the field'
  return undefined
}

/** A day-of-month that no selected month has (`30` in `FEB`) would never fire. */
function checkDayOccurs(rule: DayOfMonthRule, text: string, months: readonly number[]): void {
  const days = rule.rule === 'days' ? rule.days : rule.rule === 'nearestWeekday' ? [rule.day] : []
  if (days.length === 0) return
  const longest = Math.max(...months.map((month) => LONGEST_MONTH[month - 1] ?? 31))
  if (days.some((day) => day <= longest)) return
  const names = months.map((month) => MONTH_NAMES[month - 1]).join(',')
  throw fieldError(DAY_OF_MONTH, text, `never occurs in ${names}, so the schedule would never run`, `use a day up to ${longest}, or L for the last day of the month`)
}
