import { describe, expect, it } from 'vitest'
import { DslError, parseScheduleExpression, schedule } from '@dlc/dsl'

/** What a refused expression throws, as the CLI would report it. */
function refusal(expression: string): { code: string; location: string; message: string; hint: string | undefined } {
  try {
    parseScheduleExpression(expression)
  } catch (error) {
    if (!(error instanceof DslError)) throw error
    return { code: error.code, location: error.location, message: error.message, hint: error.hint }
  }
  throw new Error(`${expression} was accepted`)
}

describe('cron() expressions', () => {
  it('expands every field: values, lists, ranges, increments and names', () => {
    expect(parseScheduleExpression('cron(5,35 14 * * ? *)')).toMatchObject({
      kind: 'CronExpression',
      expression: 'cron(5,35 14 * * ? *)',
      minutes: [5, 35],
      hours: [14],
      daysOfMonth: { rule: 'days', days: Array.from({ length: 31 }, (_, i) => i + 1) },
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      daysOfWeek: { rule: 'any' },
    })
    const busy = parseScheduleExpression('cron(0/15 8-17 ? JAN,MAR-MAY MON-FRI 2026-2028)')
    expect(busy).toMatchObject({
      minutes: [0, 15, 30, 45],
      hours: [8, 9, 10, 11, 12, 13, 14, 15, 16, 17],
      daysOfMonth: { rule: 'any' },
      months: [1, 3, 4, 5],
      daysOfWeek: { rule: 'days', days: [2, 3, 4, 5, 6] },
      years: [2026, 2027, 2028],
    })
  })

  it('reads 1/10 as every tenth minute from minute 1, and a/n up to the end of the field', () => {
    expect(parseScheduleExpression('cron(1/10 */6 1/10 */4 ? 2190/3)')).toMatchObject({
      minutes: [1, 11, 21, 31, 41, 51],
      hours: [0, 6, 12, 18],
      daysOfMonth: { rule: 'days', days: [1, 11, 21, 31] },
      months: [1, 5, 9],
      years: [2190, 2193, 2196, 2199],
    })
    expect(parseScheduleExpression('cron(0 10-20/5 * * ? *)')).toMatchObject({ hours: [10, 15, 20] })
  })

  it('wraps ranges that run past the end of minutes, hours, months and weekdays, as AWS shows with 20-2 hours', () => {
    expect(parseScheduleExpression('cron(0/30 20-2 ? * MON-FRI *)')).toMatchObject({ hours: [0, 1, 2, 20, 21, 22, 23] })
    expect(parseScheduleExpression('cron(0 3 ? NOV-FEB FRI-MON *)')).toMatchObject({ months: [1, 2, 11, 12], daysOfWeek: { rule: 'days', days: [1, 2, 6, 7] } })
    expect(parseScheduleExpression('cron(50-10/10 * * * ? *)')).toMatchObject({ minutes: [0, 10, 50] })
  })

  it('takes month names JAN-DEC and day names SUN-SAT, with 1 = SUN and 7 = SAT', () => {
    const names = parseScheduleExpression('cron(0 0 ? JAN,FEB,MAR,APR,MAY,JUN,JUL,AUG,SEP,OCT,NOV,DEC SUN,MON,TUE,WED,THU,FRI,SAT *)')
    expect(names).toMatchObject({ months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], daysOfWeek: { rule: 'days', days: [1, 2, 3, 4, 5, 6, 7] } })
    expect(parseScheduleExpression('cron(0 0 ? 12 1,7 *)')).toMatchObject({ months: [12], daysOfWeek: { rule: 'days', days: [1, 7] } })
  })

  it('parses L, W and # day rules', () => {
    expect(parseScheduleExpression('cron(0 0 L * ? *)')).toMatchObject({ daysOfMonth: { rule: 'last' } })
    expect(parseScheduleExpression('cron(0 0 15W * ? *)')).toMatchObject({ daysOfMonth: { rule: 'nearestWeekday', day: 15 } })
    expect(parseScheduleExpression('cron(15 10 ? * 6L 2022-2023)')).toMatchObject({ daysOfWeek: { rule: 'last', day: 6 }, years: [2022, 2023] })
    expect(parseScheduleExpression('cron(0 0 ? * FRIL *)')).toMatchObject({ daysOfWeek: { rule: 'last', day: 6 } })
    expect(parseScheduleExpression('cron(0 0 ? * L *)')).toMatchObject({ daysOfWeek: { rule: 'last', day: 7 } })
    expect(parseScheduleExpression('cron(0 9 ? * 2#1 *)')).toMatchObject({ daysOfWeek: { rule: 'nth', day: 2, nth: 1 } })
    expect(parseScheduleExpression('cron(0 9 ? * TUE#5 *)')).toMatchObject({ daysOfWeek: { rule: 'nth', day: 3, nth: 5 } })
  })

  it('accepts the year field from 1970 to 2199', () => {
    expect(parseScheduleExpression('cron(0 0 1 1 ? 1970)')).toMatchObject({ years: [1970] })
    expect(parseScheduleExpression('cron(0 0 1 1 ? 2199)')).toMatchObject({ years: [2199] })
    expect(parseScheduleExpression('cron(0 0 1 1 ? *)')).toMatchObject({ years: Array.from({ length: 230 }, (_, i) => 1970 + i) })
  })

  it('normalises white space to single spaces and freezes the node', () => {
    const node = parseScheduleExpression('  cron( 0   3 *  * ? * ) ')
    expect(node.expression).toBe('cron(0 3 * * ? *)')
    expect(Object.isFrozen(node)).toBe(true)
    expect(node.kind === 'CronExpression' && Object.isFrozen(node.minutes)).toBe(true)
  })

  it.each([
    ['cron(0 3 * * * *)', 'cron day-of-month "*" and day-of-week "*" are both set', 'day-of-month and day-of-week cannot both be set: use ? in one of them'],
    ['cron(0 3 1 * MON *)', 'cron day-of-month "1" and day-of-week "MON" are both set', 'day-of-month and day-of-week cannot both be set: use ? in one of them'],
    ['cron(0 3 ? * ? *)', 'cron day-of-month and day-of-week are both "?"', 'use ? in only one of them'],
    ['cron(0 3 * * ?)', 'cron(0 3 * * ?) has 5 fields, not 6', 'add the year field: * for every year'],
    ['cron(0 3 * * ? * *)', 'has 7 fields, not 6', 'write six fields'],
    ['cron()', 'cron() has 0 fields, not 6', 'write six fields'],
    ['cron(60 3 * * ? *)', 'cron minutes "60": 60 is not a minute (0-59)', 'use 0-59'],
    ['cron(0 24 * * ? *)', 'cron hours "24": 24 is not an hour (0-23)', 'use 0-23'],
    ['cron(0 3 0 * ? *)', 'cron day-of-month "0": 0 is not a day of the month (1-31)', 'use 1-31'],
    ['cron(0 3 32 * ? *)', 'cron day-of-month "32": 32 is not a day of the month (1-31)', 'use 1-31'],
    ['cron(0 3 * 13 ? *)', 'cron month "13": 13 is not a month (1-12 or JAN-DEC)', 'use 1-12 or JAN-DEC'],
    ['cron(0 3 * JANUARY ? *)', 'cron month "JANUARY": "JANUARY" is not a month (1-12 or JAN-DEC)', 'use 1-12 or JAN-DEC'],
    ['cron(0 3 ? * 0 *)', 'cron day-of-week "0": 0 is not a day of the week (1-7 or SUN-SAT); Sunday is 1 (SUN), not 0', 'use 1-7 or SUN-SAT'],
    ['cron(0 3 ? * 8 *)', 'cron day-of-week "8": 8 is not a day of the week', 'use 1-7 or SUN-SAT'],
    ['cron(0 3 ? * mon-fri *)', 'cron day-of-week "mon-fri": "mon" is not upper case', 'write MON'],
    ['cron(0 3 ? * MON/2 *)', 'cron day-of-week "MON/2": / increments are not allowed in day-of-week', 'list the values instead'],
    ['cron(0 3 * * ? 1969)', 'cron year "1969": 1969 is not a year (1970-2199)', 'use 1970-2199'],
    ['cron(0 3 * * ? 2200)', 'cron year "2200": 2200 is not a year (1970-2199)', 'use 1970-2199'],
    ['cron(0 3 * * ? 2030-2026)', 'cron year "2030-2026": the range 2030-2026 runs backwards', 'write the smaller year first'],
    ['cron(0 3 20-10 * ? *)', 'cron day-of-month "20-10": the range 20-10 runs backwards', 'write the smaller day-of-month first'],
    ['cron(0/0 3 * * ? *)', 'cron minutes "0/0": the increment "0" is not a whole number of at least 1', 'write start/increment'],
    ['cron(0/5/5 3 * * ? *)', 'cron minutes "0/5/5": "0/5/5" has more than one /', 'write start/increment'],
    ['cron(0,,30 3 * * ? *)', 'cron minutes "0,,30": the list has an empty item', 'separate values with single commas'],
    ['cron(0 3- * * ? *)', 'cron hours "3-": "3-" is not a range', 'write first-last'],
    ['cron(0 3 ? * 3#1,6#3 *)', 'cron day-of-week "3#1,6#3": # can be used once, alone in the field', 'write one day#instance'],
    ['cron(0 3 ? * 3#6 *)', 'cron day-of-week "3#6": "6" after # is not an instance 1-5', 'a month has at most five of each weekday'],
    ['cron(0 3 ? * 8#1 *)', 'cron day-of-week "8#1": 8 is not a day of the week', 'use 1-7 or SUN-SAT'],
    ['cron(0 3 ? * 1L,3 *)', 'cron day-of-week "1L,3": L stands alone in the field', 'write L for Saturday'],
    ['cron(0 3 L,15 * ? *)', 'cron day-of-month "L,15": L and W stand alone in the field', 'write L for the last day of the month'],
    ['cron(0 3 LW * ? *)', 'cron day-of-month "LW": L and W stand alone in the field', 'write L for the last day of the month'],
    ['cron(0 3 32W * ? *)', 'cron day-of-month "32W": 32 is not a day of the month (1-31)', 'use 1-31'],
    ['cron(0 3 1,? * ? *)', 'cron day-of-month "1,?": "?" is not a day of the month (1-31)', '? stands alone in the field'],
    ['cron(? 3 * * ? *)', 'cron minutes "?": "?" is not a minute (0-59)', '? is allowed only in day-of-month or day-of-week'],
    ['cron(0 L * * ? *)', 'cron hours "L": "L" is not an hour (0-23)', 'L is allowed only in day-of-month and day-of-week'],
    ['cron(0 3 * 2#1 ? *)', 'cron month "2#1": "2#1" is not a month (1-12 or JAN-DEC)', '# is allowed only in day-of-week'],
    ['cron(0 3 30 FEB ? *)', 'cron day-of-month "30": never occurs in FEB, so the schedule would never run', 'use a day up to 29'],
    ['cron(0 3 31 APR,JUN,SEP,NOV ? *)', 'never occurs in APR,JUN,SEP,NOV', 'use a day up to 30'],
  ])('refuses %s', (expression, message, hint) => {
    const found = refusal(expression)
    expect(found.code).toBe('DLC_INVALID_CRON')
    expect(found.location).toBe('/schedule/expression')
    expect(found.message).toContain(message)
    expect(found.hint).toContain(hint)
  })
})

describe('rate() expressions', () => {
  it.each([
    ['rate(1 minute)', 1, 'minute', 1],
    ['rate(5 minutes)', 5, 'minutes', 5],
    ['rate(1 hour)', 1, 'hour', 60],
    ['rate(12 hours)', 12, 'hours', 720],
    ['rate(1 day)', 1, 'day', 1440],
    ['rate(7 days)', 7, 'days', 10080],
  ] as const)('%s is every %s %s', (expression, value, unit, intervalMinutes) => {
    expect(parseScheduleExpression(expression)).toEqual({ kind: 'RateExpression', expression, value, unit, intervalMinutes })
  })

  it.each([
    ['rate(1 hours)', 'rate unit "hours" is plural but the value is 1', 'write rate(1 hour)'],
    ['rate(5 hour)', 'rate unit "hour" is singular but the value is 5', 'write rate(5 hours)'],
    ['rate(1 minutes)', 'rate unit "minutes" is plural but the value is 1', 'write rate(1 minute)'],
    ['rate(2 day)', 'rate unit "day" is singular but the value is 2', 'write rate(2 days)'],
    ['rate(0 minutes)', 'rate value 0 is not positive', 'the shortest rate is rate(1 minute)'],
    ['rate(-5 minutes)', 'rate value "-5" is not a positive whole number', 'write a whole number'],
    ['rate(1.5 hours)', 'rate value "1.5" is not a positive whole number', 'rate(90 minutes)'],
    ['rate(30 seconds)', 'rate unit "seconds" is not minute(s), hour(s) or day(s)', 'the shortest rate is rate(1 minute)'],
    ['rate(2 weeks)', 'rate unit "weeks" is not minute(s), hour(s) or day(s)', 'rate(14 days)'],
    ['rate(10 mins)', 'rate unit "mins" is not minute(s), hour(s) or day(s)', 'write rate(10 minutes)'],
    ['rate(1 Hour)', 'rate unit "Hour" is not minute(s), hour(s) or day(s)', 'write rate(1 hour)'],
    ['rate(5)', 'rate(5) needs a value and a unit', 'rate(5 minutes)'],
    ['rate(5 minutes please)', 'needs a value and a unit', 'rate(value unit)'],
  ])('refuses %s', (expression, message, hint) => {
    const found = refusal(expression)
    expect(found).toMatchObject({ code: 'DLC_INVALID_RATE', location: '/schedule/expression' })
    expect(found.message).toContain(message)
    expect(found.hint).toContain(hint)
  })
})

describe('at() expressions', () => {
  it('parses a local date and time', () => {
    expect(parseScheduleExpression('at(2026-11-20T13:00:00)')).toEqual({ kind: 'AtExpression', expression: 'at(2026-11-20T13:00:00)', year: 2026, month: 11, day: 20, hour: 13, minute: 0, second: 0 })
    expect(parseScheduleExpression('at(2028-02-29T23:59:59)')).toMatchObject({ day: 29, second: 59 })
  })

  it.each([
    ['at(2026-11-20T13:00:00Z)', 'is not yyyy-mm-ddThh:mm:ss', "the schedule's timezone option says where it is"],
    ['at(2026-11-20T13:00:00-05:00)', 'is not yyyy-mm-ddThh:mm:ss', 'without Z or an offset'],
    ['at(2026-11-20T13:00)', 'is not yyyy-mm-ddThh:mm:ss', 'with seconds'],
    ['at(2026-11-20 13:00:00)', 'is not yyyy-mm-ddThh:mm:ss', 'with seconds'],
    ['at(2026-13-01T00:00:00)', 'month 13 is not 1-12', 'write the month as 01-12'],
    ['at(2026-02-29T00:00:00)', 'day 29 does not exist in February 2026', 'write a day from 01 to 28'],
    ['at(2026-04-31T00:00:00)', 'day 31 does not exist in April 2026', 'write a day from 01 to 30'],
    ['at(2026-04-01T24:00:00)', 'hour 24 is not 00-23', 'midnight is 00:00:00 of the next day'],
    ['at(2026-04-01T10:60:00)', 'minute 60 is not 00-59', 'write the minutes as 00-59'],
    ['at(2026-04-01T10:00:60)', 'second 60 is not 00-59', 'write the seconds as 00-59'],
  ])('refuses %s', (expression, message, hint) => {
    const found = refusal(expression)
    expect(found).toMatchObject({ code: 'DLC_INVALID_AT', location: '/schedule/expression' })
    expect(found.message).toContain(message)
    expect(found.hint).toContain(hint)
  })
})

describe('expressions that are none of the three', () => {
  it.each([
    ['0 3 * * ? *', 'wrap the fields in cron(...): cron(0 3 * * ? *)'],
    ['0 3 * * *', 'wrap the fields in cron(...) and add a year field: cron(0 3 * * * *)'],
    ['CRON(0 3 * * ? *)', 'write cron, rate and at in lower case, with ( right after the word'],
    ['cron (0 3 * * ? *)', 'write cron, rate and at in lower case, with ( right after the word'],
    ['cron(0 3 * * ? *', 'close the expression with )'],
    ['every day at 3', 'write cron(minutes hours day-of-month month day-of-week year), rate(value unit) or at(yyyy-mm-ddThh:mm:ss)'],
    ['', 'write cron(minutes hours day-of-month month day-of-week year), rate(value unit) or at(yyyy-mm-ddThh:mm:ss)'],
  ])('refuses %j', (expression, hint) => {
    const found = refusal(expression)
    expect(found).toMatchObject({ code: 'DLC_INVALID_SCHEDULE', location: '/schedule/expression', hint })
    expect(found.message).toBe(`/schedule/expression: "${expression}" is not a cron(), rate() or at() expression`)
  })

  it('refuses a value that is not a string, for callers without types', () => {
    expect(() => schedule(3 as unknown as string)).toThrow('/schedule/expression: the schedule expression is number, not a string')
  })
})
