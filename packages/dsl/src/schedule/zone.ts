/**
 * Wall-clock time in an IANA time zone, computed with Intl alone: the zone database is the
 * one the JavaScript engine ships (ICU), the same IANA database EventBridge Scheduler uses.
 */

import type { WallClock } from './ir.js'

export type { WallClock }

const DAY_MS = 86_400_000
const formatters = new Map<string, Intl.DateTimeFormat>()

/** Throws Intl's RangeError when the engine does not know the zone. */
function formatter(zone: string): Intl.DateTimeFormat {
  let format = formatters.get(zone)
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    formatters.set(zone, format)
  }
  return format
}

/** What a clock in `zone` shows at `instant` (milliseconds since the epoch). */
export function wallClockAt(instant: number, zone: string): WallClock {
  const fields: Record<string, number> = {}
  for (const part of formatter(zone).formatToParts(instant)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value)
  }
  return {
    year: fields['year'] ?? 0,
    month: fields['month'] ?? 0,
    day: fields['day'] ?? 0,
    hour: fields['hour'] ?? 0,
    minute: fields['minute'] ?? 0,
    second: fields['second'] ?? 0,
  }
}

/** The wall clock read as if it were UTC, in milliseconds: the arithmetic form of a local time. */
export function wallClockMs(wall: WallClock): number {
  return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second)
}

/** The zone's offset from UTC at `instant`, in milliseconds (UTC-5 is -18,000,000). */
export function offsetAt(instant: number, zone: string): number {
  const whole = Math.floor(instant / 1000) * 1000
  return wallClockMs(wallClockAt(whole, zone)) - whole
}

/**
 * Every instant at which a clock in `zone` shows `wall`, earliest first: none when daylight
 * saving skips the time (spring forward), two when it repeats it (fall back), otherwise one.
 */
export function instantsAt(wall: WallClock, zone: string): number[] {
  const local = wallClockMs(wall)
  // An instant showing `wall` lies within 14 hours of `local`; the offsets a day either side
  // are the ones in force before and after any change near it.
  const offsets = new Set([offsetAt(local - DAY_MS, zone), offsetAt(local, zone), offsetAt(local + DAY_MS, zone)])
  const found = new Set<number>()
  for (const offset of offsets) {
    const instant = local - offset
    if (wallClockMs(wallClockAt(instant, zone)) === local) found.add(instant)
  }
  return [...found].sort((a, b) => a - b)
}

/**
 * A calendar day in a zone: `resolve` turns a time of that day into the instants it names.
 * Most days have one offset throughout, so the common case costs no Intl call per time.
 */
export function zonedDay(year: number, month: number, day: number, zone: string): (hour: number, minute: number, second?: number) => number[] {
  const midnight = Date.UTC(year, month - 1, day)
  const before = offsetAt(midnight - DAY_MS, zone)
  const after = offsetAt(midnight + 2 * DAY_MS, zone)
  const steady = before === after && offsetAt(midnight + DAY_MS / 2, zone) === before
  return (hour, minute, second = 0) => {
    if (steady) return [Date.UTC(year, month - 1, day, hour, minute, second) - before]
    return instantsAt({ year, month, day, hour, minute, second }, zone)
  }
}

/**
 * An instant as ISO 8601 local time with its UTC offset in `zone`.
 * @example toZonedIso(new Date('2026-05-01T08:00:00Z'), 'America/Bogota') // '2026-05-01T03:00:00-05:00'
 */
export function toZonedIso(instant: Date, zone: string): string {
  const ms = instant.getTime()
  const wall = wallClockAt(ms, zone)
  const offset = Math.round(offsetAt(ms, zone) / 1000)
  const sign = offset < 0 ? '-' : '+'
  const abs = Math.abs(offset)
  const seconds = abs % 60
  const offsetText = `${sign}${pad(Math.floor(abs / 3600))}:${pad(Math.floor(abs / 60) % 60)}${seconds === 0 ? '' : `:${pad(seconds)}`}`
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}${offsetText}`
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0')
}

/** Whether the JavaScript engine knows the zone. */
export function isKnownZone(zone: string): boolean {
  try {
    formatter(zone)
    return true
  } catch {
    return false
  }
}

/** The engine's canonical spelling of a zone it knows (`america/bogota` is `America/Bogota`). */
export function canonicalZone(zone: string): string {
  return formatter(zone).resolvedOptions().timeZone
}
