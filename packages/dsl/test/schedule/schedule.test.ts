import { describe, expect, it } from 'vitest'
import { DslError, isScheduleNode, schedule, type ScheduleNode } from '@dlc/dsl'

function refusal(run: () => unknown): { code: string; location: string; message: string; hint: string | undefined } {
  try {
    run()
  } catch (error) {
    if (!(error instanceof DslError)) throw error
    return { code: error.code, location: error.location, message: error.message, hint: error.hint }
  }
  throw new Error('accepted')
}

describe('schedule()', () => {
  it('returns a frozen Schedule node, UTC and enabled by default, no window unless asked', () => {
    const nightly = schedule('cron(0 3 * * ? *)')
    expect(nightly).toEqual({ kind: 'Schedule', expression: 'cron(0 3 * * ? *)', timezone: 'UTC', enabled: true })
    expect('flexibleWindowMinutes' in nightly).toBe(false)
    expect(Object.isFrozen(nightly)).toBe(true)
    expect(isScheduleNode(nightly)).toBe(true)
    expect(JSON.parse(JSON.stringify(nightly))).toEqual(nightly)
  })

  it('keeps the zone, the flexible window and the state it is given', () => {
    const node: ScheduleNode = schedule('rate(15 minutes)', { timezone: 'America/Bogota', flexibleWindowMinutes: 15, enabled: false })
    expect(node).toEqual({ kind: 'Schedule', expression: 'rate(15 minutes)', timezone: 'America/Bogota', flexibleWindowMinutes: 15, enabled: false })
  })

  it('stores the expression with single spaces, as it goes to AWS', () => {
    expect(schedule(' cron(0  3 * * ?  *)').expression).toBe('cron(0 3 * * ? *)')
  })

  it('never changes a node it returned earlier', () => {
    const first = schedule('cron(0 3 * * ? *)', { timezone: 'Europe/Berlin' })
    schedule('cron(0 4 * * ? *)', { timezone: 'America/New_York' })
    expect(first).toEqual({ kind: 'Schedule', expression: 'cron(0 3 * * ? *)', timezone: 'Europe/Berlin', enabled: true })
  })

  it.each(['UTC', 'Etc/UTC', 'America/Bogota', 'Europe/Berlin', 'America/New_York', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata', 'Etc/GMT+5', 'US/Eastern'])('accepts the IANA zone %s as written', (timezone) => {
    expect(schedule('cron(0 3 * * ? *)', { timezone }).timezone).toBe(timezone)
  })

  it.each([
    ['America/Bogata', 'timezone "America/Bogata" is not an IANA time zone', 'did you mean "America/Bogota"?'],
    ['Europe/Berlim', 'timezone "Europe/Berlim" is not an IANA time zone', 'did you mean "Europe/Berlin"?'],
    ['Mars/Olympus_Mons', 'timezone "Mars/Olympus_Mons" is not an IANA time zone', 'write an IANA name such as America/Bogota, Europe/Berlin or UTC'],
    ['america/bogota', 'timezone "america/bogota" is not spelt as in the IANA database', 'time zone names are case-sensitive: write "America/Bogota"'],
    ['utc', 'timezone "utc" is not spelt as in the IANA database', 'time zone names are case-sensitive: write "UTC"'],
    ['+05:00', 'timezone "+05:00" is a UTC offset, not an IANA time zone', 'a fixed offset is Etc/GMT+5 for UTC-05:00 (the sign is inverted)'],
    ['', 'timezone "" is not an IANA time zone', 'write an IANA name'],
  ])('refuses the time zone %j', (timezone, message, hint) => {
    const found = refusal(() => schedule('cron(0 3 * * ? *)', { timezone }))
    expect(found).toMatchObject({ code: 'DLC_INVALID_TIMEZONE', location: '/schedule/timezone', message: `/schedule/timezone: ${message}` })
    expect(found.hint).toContain(hint)
  })

  it.each([1, 15, 1440])('accepts a flexible window of %i minutes', (minutes) => {
    expect(schedule('cron(0 3 * * ? *)', { flexibleWindowMinutes: minutes }).flexibleWindowMinutes).toBe(minutes)
  })

  it.each([
    [0, 'flexibleWindowMinutes 0 is not a whole number from 1 to 1440', 'leave flexibleWindowMinutes out to run on time (FlexibleTimeWindow Mode OFF)'],
    [1441, 'flexibleWindowMinutes 1441 is not a whole number from 1 to 1440', 'give whole minutes from 1 to 1440 (FlexibleTimeWindow MaximumWindowInMinutes)'],
    [-5, 'flexibleWindowMinutes -5 is not a whole number from 1 to 1440', 'give whole minutes from 1 to 1440'],
    [2.5, 'flexibleWindowMinutes 2.5 is not a whole number from 1 to 1440', 'give whole minutes from 1 to 1440'],
    [Number.NaN, 'flexibleWindowMinutes NaN is not a whole number from 1 to 1440', 'give whole minutes from 1 to 1440'],
  ])('refuses a flexible window of %s minutes', (minutes, message, hint) => {
    const found = refusal(() => schedule('cron(0 3 * * ? *)', { flexibleWindowMinutes: minutes }))
    expect(found).toMatchObject({ code: 'DLC_INVALID_FLEXIBLE_WINDOW', location: '/schedule/flexibleWindowMinutes', message: `/schedule/flexibleWindowMinutes: ${message}` })
    expect(found.hint).toContain(hint)
  })

  it('refuses an enabled flag that is not a boolean', () => {
    const found = refusal(() => schedule('cron(0 3 * * ? *)', { enabled: 'no' as unknown as boolean }))
    expect(found).toMatchObject({ code: 'DLC_INVALID_SCHEDULE', location: '/schedule/enabled', message: '/schedule/enabled: enabled is string, not true or false' })
  })

  it('refuses a one-time schedule at a wall time the zone skips when daylight saving starts', () => {
    const found = refusal(() => schedule('at(2026-03-08T02:30:00)', { timezone: 'America/New_York' }))
    expect(found).toEqual({
      code: 'DLC_INVALID_AT',
      location: '/schedule/expression',
      message: '/schedule/expression: at(2026-03-08T02:30:00) does not exist in America/New_York: clocks skip 02:30 that day when daylight saving time starts',
      hint: 'pick a time outside the skipped hour, e.g. one hour later',
    })
    expect(schedule('at(2026-03-08T02:30:00)', { timezone: 'America/Bogota' }).expression).toBe('at(2026-03-08T02:30:00)')
    expect(schedule('at(2026-03-29T02:30:00)', { timezone: 'America/New_York' }).expression).toBe('at(2026-03-29T02:30:00)')
  })

  it('checks the expression before the options', () => {
    expect(refusal(() => schedule('cron(0 3 * * * *)', { timezone: 'Nowhere' })).code).toBe('DLC_INVALID_CRON')
  })
})
