/** An instant to nanosecond precision: whole seconds since 1970-01-01T00:00:00Z and the nanoseconds after them. */
export interface Instant {
  readonly seconds: number
  readonly nanos: number
}

// Java's ISO_OFFSET_DATE_TIME, the "ISO-8601 extended offset date-time format" AWS names in its
// timestamp errors: seconds and 1 to 9 fraction digits optional, an offset required (`Z` or
// `+hh`, `+hh:mm`, `+hh:mm:ss`), and `T`/`Z` read case-insensitively.
const OFFSET_DATE_TIME =
  /^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})[Tt](?<hour>\d{2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:\.(?<fraction>\d{1,9}))?)?(?:[Zz]|(?<sign>[+-])(?<offsetHours>\d{2})(?::(?<offsetMinutes>\d{2})(?::(?<offsetSeconds>\d{2}))?)?)$/

/**
 * Reads a Choice-rule timestamp, or undefined when the text is not one. A date-time without an
 * offset, with a space for `T`, or with an impossible date (2016-02-30) is not a timestamp.
 *
 * @example parseTimestamp('2016-03-14T01:59:00.5+01:00') // { seconds: 1457917140, nanos: 500000000 }
 */
export function parseTimestamp(text: string): Instant | undefined {
  const parts = OFFSET_DATE_TIME.exec(text)?.groups
  if (parts === undefined) return undefined
  const field = (name: string): number => Number(parts[name] ?? 0)
  const [year, month, day, hour, minute, second] = [field('year'), field('month'), field('day'), field('hour'), field('minute'), field('second')]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return undefined
  const [offsetHours, offsetMinutes, offsetSeconds] = [field('offsetHours'), field('offsetMinutes'), field('offsetSeconds')]
  if (offsetHours > 18 || offsetMinutes > 59 || offsetSeconds > 59 || (offsetHours === 18 && offsetMinutes + offsetSeconds > 0)) return undefined
  const offset = (parts.sign === '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60 + offsetSeconds)
  const seconds = daysSinceEpoch(year, month, day) * 86_400 + hour * 3600 + minute * 60 + second - offset
  return { seconds, nanos: Number((parts.fraction ?? '').padEnd(9, '0')) }
}

/**
 * Orders two instants: negative when `a` is earlier, 0 when they are the same instant (whatever
 * their offsets), positive when `a` is later.
 *
 * @example compareInstants(parseTimestamp('2012-10-09T20:00:55+01:00')!, parseTimestamp('2012-10-09T19:00:55Z')!) // 0
 */
export function compareInstants(a: Instant, b: Instant): number {
  return a.seconds !== b.seconds ? a.seconds - b.seconds : a.nanos - b.nanos
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysSinceEpoch(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yearOfEra = y - era * 400
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear
  return era * 146_097 + dayOfEra - 719_468
}
