import { createNode } from '../ir/json.js'
import { didYouMean } from '../did-you-mean.js'
import { SCHEDULE_CODES, scheduleError } from './errors.js'
import { parseScheduleExpression } from './expression.js'
import type { AtExpressionNode, ScheduleNode } from './ir.js'
import { canonicalZone, instantsAt, isKnownZone } from './zone.js'

export interface ScheduleOptions {
  /** The IANA time zone the expression is read in (`ScheduleExpressionTimezone`); default `UTC`. */
  readonly timezone?: string | undefined
  /** Let AWS start the run up to this many minutes late (`FlexibleTimeWindow`, 1-1440); default: on time. */
  readonly flexibleWindowMinutes?: number | undefined
  /** Create the schedule disabled with `false`; default `true`. */
  readonly enabled?: boolean | undefined
}

/** The longest `MaximumWindowInMinutes` AWS takes: one day. */
const MAX_WINDOW_MINUTES = 1440

/**
 * Describes when EventBridge Scheduler starts the pipeline: a validated `cron()`, `rate()` or
 * `at()` expression read as wall-clock time in an IANA zone. Throws a DslError saying what to fix.
 * @example schedule('cron(0 3 * * ? *)', { timezone: 'America/Bogota' }) // every night at 03:00 in Bogotá
 */
export function schedule(expression: string, options: ScheduleOptions = {}): ScheduleNode {
  const parsed = parseScheduleExpression(expression)
  const timezone = checkTimezone(options.timezone ?? 'UTC')
  const window = checkWindow(options.flexibleWindowMinutes)
  if (options.enabled !== undefined && typeof options.enabled !== 'boolean') {
    throw scheduleError(SCHEDULE_CODES.schedule, `enabled is ${typeof options.enabled}, not true or false`, 'leave enabled out to create the schedule enabled, or write enabled: false', '/schedule/enabled')
  }
  if (parsed.kind === 'AtExpression') checkAtExists(parsed, timezone)
  return createNode<ScheduleNode>({ kind: 'Schedule', expression: parsed.expression, timezone, flexibleWindowMinutes: window, enabled: options.enabled ?? true })
}

const TIMEZONE_AT = '/schedule/timezone'

/** An IANA name the engine knows, spelt as the database spells it: AWS matches names exactly. */
function checkTimezone(zone: string): string {
  const fail = (problem: string, hint: string) => scheduleError(SCHEDULE_CODES.timezone, `timezone ${problem}`, hint, TIMEZONE_AT)
  if (typeof zone !== 'string') throw fail(`is ${typeof zone}, not a string`, 'write an IANA time zone name such as America/Bogota, or leave it out for UTC')
  if (/^[+-]\d/.test(zone)) throw fail(`"${zone}" is a UTC offset, not an IANA time zone`, 'write the zone by name, e.g. America/Bogota, so daylight saving is followed; a fixed offset is Etc/GMT+5 for UTC-05:00 (the sign is inverted)')
  if (!isKnownZone(zone)) {
    const guess = didYouMean(zone, [...Intl.supportedValuesOf('timeZone'), 'UTC'])
    throw fail(`"${zone}" is not an IANA time zone`, guess === undefined ? 'write an IANA name such as America/Bogota, Europe/Berlin or UTC' : `did you mean "${guess}"?`)
  }
  const canonical = canonicalZone(zone)
  const spelt = zone.split('/').every((segment) => /^[A-Z]/.test(segment))
  if (!spelt || (zone !== canonical && zone.toLowerCase() === canonical.toLowerCase())) {
    throw fail(`"${zone}" is not spelt as in the IANA database`, `time zone names are case-sensitive: write "${canonical}"`)
  }
  return zone
}

function checkWindow(minutes: number | undefined): number | undefined {
  if (minutes === undefined) return undefined
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_WINDOW_MINUTES) {
    const text = typeof minutes === 'number' ? String(minutes) : JSON.stringify(minutes)
    const hint = minutes === 0 ? 'leave flexibleWindowMinutes out to run on time (FlexibleTimeWindow Mode OFF)' : `give whole minutes from 1 to ${MAX_WINDOW_MINUTES} (FlexibleTimeWindow MaximumWindowInMinutes)`
    throw scheduleError(SCHEDULE_CODES.flexibleWindow, `flexibleWindowMinutes ${text} is not a whole number from 1 to ${MAX_WINDOW_MINUTES}`, hint, '/schedule/flexibleWindowMinutes')
  }
  return minutes
}

/** A one-time schedule at a time the zone skips would never run: say so now rather than never. */
function checkAtExists(at: AtExpressionNode, zone: string): void {
  if (instantsAt(at, zone).length > 0) return
  const time = `${String(at.hour).padStart(2, '0')}:${String(at.minute).padStart(2, '0')}`
  throw scheduleError(
    SCHEDULE_CODES.at,
    `${at.expression} does not exist in ${zone}: clocks skip ${time} that day when daylight saving time starts`,
    'pick a time outside the skipped hour, e.g. one hour later',
  )
}
