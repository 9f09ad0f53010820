import { describe, expect, it } from 'vitest'
import { DslError, nextFireTimes, schedule, toZonedIso, type ScheduleNode } from '@dlc/dsl'

/** The next fire times as UTC ISO strings. */
function next(expression: string, timezone: string, from: string, count: number): string[] {
  return nextFireTimes(schedule(expression, { timezone }), new Date(from), count).map((instant) => instant.toISOString())
}

/** The same, as the zone's clock shows them. */
function nextLocal(expression: string, timezone: string, from: string, count: number): string[] {
  return nextFireTimes(schedule(expression, { timezone }), new Date(from), count).map((instant) => toZonedIso(instant, timezone))
}

describe('nextFireTimes: cron in a time zone', () => {
  it('reads the fields as wall-clock time in the zone', () => {
    expect(nextLocal('cron(0 3 * * ? *)', 'America/Bogota', '2026-05-01T00:00:00Z', 2)).toEqual(['2026-05-01T03:00:00-05:00', '2026-05-02T03:00:00-05:00'])
    expect(next('cron(0 3 * * ? *)', 'America/Bogota', '2026-05-01T00:00:00Z', 2)).toEqual(['2026-05-01T08:00:00.000Z', '2026-05-02T08:00:00.000Z'])
  })

  it('counts from `from` itself: a fire exactly at `from` is included, one a second earlier is not', () => {
    expect(next('cron(0 3 * * ? *)', 'UTC', '2026-05-01T03:00:00Z', 1)).toEqual(['2026-05-01T03:00:00.000Z'])
    expect(next('cron(0 3 * * ? *)', 'UTC', '2026-05-01T03:00:01Z', 1)).toEqual(['2026-05-02T03:00:00.000Z'])
  })

  it('America/Bogota keeps UTC-5 while New York and Berlin change their clocks', () => {
    expect(next('cron(0 3 * * ? *)', 'America/Bogota', '2026-03-07T00:00:00Z', 3)).toEqual(['2026-03-07T08:00:00.000Z', '2026-03-08T08:00:00.000Z', '2026-03-09T08:00:00.000Z'])
    expect(next('cron(0 3 * * ? *)', 'America/Bogota', '2026-10-24T00:00:00Z', 3)).toEqual(['2026-10-24T08:00:00.000Z', '2026-10-25T08:00:00.000Z', '2026-10-26T08:00:00.000Z'])
  })

  it('America/Bogota 1992: the midnight clocks skipped when Colombia moved to UTC-4 does not run', () => {
    expect(nextLocal('cron(0 0 * * ? *)', 'America/Bogota', '1992-05-01T00:00:00Z', 3)).toEqual(['1992-05-01T00:00:00-05:00', '1992-05-02T00:00:00-05:00', '1992-05-04T00:00:00-04:00'])
  })

  it('America/Bogota 1993: 23:30 runs once when clocks fall back from midnight to 23:00', () => {
    expect(next('cron(30 23 * * ? *)', 'America/Bogota', '1993-02-05T12:00:00Z', 3)).toEqual([
      '1993-02-06T03:30:00.000Z',
      '1993-02-07T03:30:00.000Z', // 23:30 on 6 February at UTC-4, before the change
      '1993-02-08T04:30:00.000Z',
    ])
    // From 23:10 the second time round, 23:30 of 6 February has already run.
    expect(next('cron(30 23 * * ? *)', 'America/Bogota', '1993-02-07T04:10:00Z', 1)).toEqual(['1993-02-08T04:30:00.000Z'])
  })

  it('Europe/Berlin spring forward (29 March 2026, 02:00 -> 03:00): 02:30 is skipped that day, 03:00 runs', () => {
    expect(nextLocal('cron(30 2 * * ? *)', 'Europe/Berlin', '2026-03-27T12:00:00Z', 3)).toEqual(['2026-03-28T02:30:00+01:00', '2026-03-30T02:30:00+02:00', '2026-03-31T02:30:00+02:00'])
    expect(next('cron(0 3 * * ? *)', 'Europe/Berlin', '2026-03-28T00:00:00Z', 2)).toEqual(['2026-03-28T02:00:00.000Z', '2026-03-29T01:00:00.000Z'])
  })

  it('Europe/Berlin fall back (25 October 2026, 03:00 -> 02:00): 02:30 runs once, before the change', () => {
    expect(next('cron(30 2 * * ? *)', 'Europe/Berlin', '2026-10-24T00:00:00Z', 3)).toEqual(['2026-10-24T00:30:00.000Z', '2026-10-25T00:30:00.000Z', '2026-10-26T01:30:00.000Z'])
    expect(nextLocal('cron(30 2 * * ? *)', 'Europe/Berlin', '2026-10-25T00:31:00Z', 1)).toEqual(['2026-10-26T02:30:00+01:00'])
  })

  it('America/New_York spring forward (8 March 2026, 02:00 -> 03:00): 02:30 is skipped, the next day runs normally', () => {
    expect(nextLocal('cron(30 2 * * ? *)', 'America/New_York', '2026-03-07T00:00:00Z', 3)).toEqual(['2026-03-07T02:30:00-05:00', '2026-03-09T02:30:00-04:00', '2026-03-10T02:30:00-04:00'])
  })

  it('America/New_York fall back (1 November 2026, 02:00 -> 01:00): 01:30 runs once, at 01:30 EDT', () => {
    expect(nextLocal('cron(30 1 * * ? *)', 'America/New_York', '2026-10-31T00:00:00Z', 3)).toEqual(['2026-10-31T01:30:00-04:00', '2026-11-01T01:30:00-04:00', '2026-11-02T01:30:00-05:00'])
  })

  it('America/New_York fall back: an every-30-minutes cron does not repeat the wall times of the repeated hour', () => {
    expect(nextLocal('cron(0/30 * * * ? *)', 'America/New_York', '2026-11-01T04:45:00Z', 5)).toEqual([
      '2026-11-01T01:00:00-04:00',
      '2026-11-01T01:30:00-04:00',
      '2026-11-01T02:00:00-05:00',
      '2026-11-01T02:30:00-05:00',
      '2026-11-01T03:00:00-05:00',
    ])
  })

  it('America/New_York: a nightly run keeps its wall time, so its UTC time moves by an hour each way', () => {
    expect(next('cron(0 3 * * ? *)', 'America/New_York', '2026-03-07T00:00:00Z', 2)).toEqual(['2026-03-07T08:00:00.000Z', '2026-03-08T07:00:00.000Z'])
    expect(next('cron(0 3 * * ? *)', 'America/New_York', '2026-10-31T00:00:00Z', 2)).toEqual(['2026-10-31T07:00:00.000Z', '2026-11-01T08:00:00.000Z'])
  })
})

describe('nextFireTimes: day rules, names and years', () => {
  it('6L is the last Friday of the month, and the years field ends the schedule (AWS example)', () => {
    expect(next('cron(15 10 ? * 6L 2022-2023)', 'UTC', '2022-01-01T00:00:00Z', 3)).toEqual(['2022-01-28T10:15:00.000Z', '2022-02-25T10:15:00.000Z', '2022-03-25T10:15:00.000Z'])
    expect(next('cron(15 10 ? * 6L 2022-2023)', 'UTC', '2023-11-01T00:00:00Z', 5)).toEqual(['2023-11-24T10:15:00.000Z', '2023-12-29T10:15:00.000Z'])
  })

  it('L alone is the last day of the month, 29 February in a leap year', () => {
    expect(next('cron(0 0 L * ? *)', 'UTC', '2028-01-15T00:00:00Z', 3)).toEqual(['2028-01-31T00:00:00.000Z', '2028-02-29T00:00:00.000Z', '2028-03-31T00:00:00.000Z'])
  })

  it('L alone in day-of-week is the last Saturday', () => {
    expect(next('cron(0 0 ? * L *)', 'UTC', '2026-01-01T00:00:00Z', 2)).toEqual(['2026-01-31T00:00:00.000Z', '2026-02-28T00:00:00.000Z'])
  })

  it('2#1 is the first Monday, MON#5 only in months with five Mondays', () => {
    expect(next('cron(0 9 ? * 2#1 *)', 'UTC', '2026-01-01T00:00:00Z', 3)).toEqual(['2026-01-05T09:00:00.000Z', '2026-02-02T09:00:00.000Z', '2026-03-02T09:00:00.000Z'])
    expect(next('cron(0 9 ? * MON#5 2026)', 'UTC', '2026-01-01T00:00:00Z', 9)).toEqual([
      '2026-03-30T09:00:00.000Z',
      '2026-06-29T09:00:00.000Z',
      '2026-08-31T09:00:00.000Z',
      '2026-11-30T09:00:00.000Z',
    ])
  })

  it('15W is the weekday nearest the 15th: a Sunday moves to Monday', () => {
    expect(next('cron(0 9 15W * ? *)', 'UTC', '2026-01-01T00:00:00Z', 3)).toEqual(['2026-01-15T09:00:00.000Z', '2026-02-16T09:00:00.000Z', '2026-03-16T09:00:00.000Z'])
  })

  it('1W never leaves the month: Saturday the 1st moves to Monday the 3rd', () => {
    expect(next('cron(0 9 1W * ? *)', 'UTC', '2026-07-15T00:00:00Z', 4)).toEqual(['2026-08-03T09:00:00.000Z', '2026-09-01T09:00:00.000Z', '2026-10-01T09:00:00.000Z', '2026-11-02T09:00:00.000Z'])
  })

  it('31W moves a weekend back into the month and skips months without a 31st', () => {
    expect(next('cron(0 9 31W * ? *)', 'UTC', '2026-01-01T00:00:00Z', 3)).toEqual(['2026-01-30T09:00:00.000Z', '2026-03-31T09:00:00.000Z', '2026-05-29T09:00:00.000Z'])
  })

  it('month and weekday names select the same days as numbers', () => {
    const named = next('cron(0 12 ? JAN,JUL SAT,SUN 2027)', 'UTC', '2027-01-01T00:00:00Z', 20)
    expect(named).toEqual(next('cron(0 12 ? 1,7 7,1 2027)', 'UTC', '2027-01-01T00:00:00Z', 20))
    expect(named.slice(0, 3)).toEqual(['2027-01-02T12:00:00.000Z', '2027-01-03T12:00:00.000Z', '2027-01-09T12:00:00.000Z'])
    expect(named).toHaveLength(19) // ten weekend days in January 2027, nine in July, then the year ends
    expect(named.at(-1)).toBe('2027-07-31T12:00:00.000Z')
  })

  it('a weekday range that wraps (FRI-MON) is Friday to Monday', () => {
    expect(next('cron(0 6 ? * FRI-MON *)', 'UTC', '2026-01-01T00:00:00Z', 4)).toEqual(['2026-01-02T06:00:00.000Z', '2026-01-03T06:00:00.000Z', '2026-01-04T06:00:00.000Z', '2026-01-05T06:00:00.000Z'])
  })

  it('stops at the last year in the year field, 2199 at the latest', () => {
    expect(next('cron(0 0 1 1 ? 2199)', 'UTC', '2198-06-01T00:00:00Z', 3)).toEqual(['2199-01-01T00:00:00.000Z'])
    expect(next('cron(0 0 1 1 ? *)', 'UTC', '2199-06-01T00:00:00Z', 3)).toEqual([])
    expect(next('cron(0 0 1 1 ? 1970)', 'UTC', '1969-12-31T00:00:00Z', 3)).toEqual(['1970-01-01T00:00:00.000Z'])
    expect(next('cron(0 0 ? FEB 1#5 2026-2199)', 'UTC', '2026-01-01T00:00:00Z', 2)).toEqual(['2032-02-29T00:00:00.000Z', '2060-02-29T00:00:00.000Z'])
  })
})

describe('nextFireTimes: rate() and at()', () => {
  it('rate() fires at `from` and every interval after it', () => {
    expect(next('rate(90 minutes)', 'UTC', '2026-05-01T10:07:30Z', 3)).toEqual(['2026-05-01T10:07:30.000Z', '2026-05-01T11:37:30.000Z', '2026-05-01T13:07:30.000Z'])
  })

  it('rate(1 day) is 24 hours even when New York moves its clocks', () => {
    expect(nextLocal('rate(1 day)', 'America/New_York', '2026-03-07T12:00:00Z', 3)).toEqual(['2026-03-07T07:00:00-05:00', '2026-03-08T08:00:00-04:00', '2026-03-09T08:00:00-04:00'])
  })

  it('at() fires once, in its zone, and not at all once past', () => {
    expect(next('at(2026-11-20T13:00:00)', 'America/Los_Angeles', '2026-01-01T00:00:00Z', 3)).toEqual(['2026-11-20T21:00:00.000Z'])
    expect(next('at(2026-11-20T13:00:00)', 'America/Los_Angeles', '2026-11-20T21:00:01Z', 3)).toEqual([])
  })

  it('at() on a wall time the clocks repeat fires at its first occurrence', () => {
    expect(nextLocal('at(2026-11-01T01:30:00)', 'America/New_York', '2026-01-01T00:00:00Z', 1)).toEqual(['2026-11-01T01:30:00-04:00'])
  })
})

describe('nextFireTimes: its arguments', () => {
  const nightly = schedule('cron(0 3 * * ? *)', { timezone: 'America/Bogota' })

  it('returns nothing for a count of 0 and refuses a count that is not a whole number', () => {
    expect(nextFireTimes(nightly, new Date('2026-05-01T00:00:00Z'), 0)).toEqual([])
    expect(() => nextFireTimes(nightly, new Date('2026-05-01T00:00:00Z'), -1)).toThrow(RangeError)
    expect(() => nextFireTimes(nightly, new Date('2026-05-01T00:00:00Z'), 1.5)).toThrow(RangeError)
    expect(() => nextFireTimes(nightly, new Date('not a date'), 1)).toThrow(RangeError)
  })

  it('computes a disabled schedule the same way', () => {
    const disabled = schedule('cron(0 3 * * ? *)', { timezone: 'America/Bogota', enabled: false })
    const from = new Date('2026-05-01T00:00:00Z')
    expect(nextFireTimes(disabled, from, 3)).toEqual(nextFireTimes(nightly, from, 3))
  })

  it('validates a node it did not build, with the same errors as schedule()', () => {
    const handMade: ScheduleNode = { kind: 'Schedule', expression: 'cron(0 3 * * ? *)', timezone: 'Mars/Olympus_Mons', enabled: true }
    expect(() => nextFireTimes(handMade, new Date(), 1)).toThrow(DslError)
    expect(() => nextFireTimes({ ...handMade, timezone: 'UTC', expression: 'rate(1 hours)' }, new Date(), 1)).toThrow('/schedule/expression: rate unit "hours" is plural but the value is 1')
  })

  it('is quick for a cron that fires every minute', () => {
    const everyMinute = schedule('cron(* * * * ? *)', { timezone: 'Europe/Berlin' })
    const times = nextFireTimes(everyMinute, new Date('2026-03-29T00:30:00Z'), 1000)
    expect(times).toHaveLength(1000)
    expect(new Set(times.map((time) => time.getTime())).size).toBe(1000)
    expect(times.every((time, i) => i === 0 || time.getTime() - (times[i - 1]?.getTime() ?? 0) === 60_000)).toBe(true)
  })
})
