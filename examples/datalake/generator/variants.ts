import { utf8WithBom, type Charset } from './charset.js'
import { windows1252 } from './cp1252.js'
import type { Random } from './random.js'

/** Which export a batch imitates. */
export type Variant = 'standard' | 'erp'

export interface CalendarDate {
  readonly year: number
  readonly month: number
  readonly day: number
}

/** How one kind of export writes values and bytes. */
export interface Dialect {
  readonly delimiter: string
  formatDate(date: CalendarDate): string
  formatPrice(cents: number): string
  /** A date this export's readers must reject: another layout, or a day that does not exist. */
  badDate(date: CalendarDate, random: Random): string
  readonly charset: Charset
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const

const pad = (n: number, width = 2): string => String(n).padStart(width, '0')
const monthName = (month: number): string => MONTHS[month - 1] ?? 'Jan'

/** `1234567` cents -> `12.345,67` or `12345.67`; grouping by hand keeps it independent of ICU locales. */
function formatCents(cents: number, decimal: string, thousands: string): string {
  const units = String(Math.floor(cents / 100))
  const grouped = thousands === '' ? units : units.replace(/\B(?=(\d{3})+$)/g, thousands)
  return `${grouped}${decimal}${pad(cents % 100)}`
}

/** A UTF-8 export with a byte-order mark, `,` and ISO dates, as a web shop or Excel writes it. */
const standard: Dialect = {
  delimiter: ',',
  formatDate: (d) => `${d.year}-${pad(d.month)}-${pad(d.day)}`,
  formatPrice: (cents) => formatCents(cents, '.', ''),
  badDate: (d, random) =>
    random.pick([
      `${pad(d.day)}/${pad(d.month)}/${d.year}`,
      `${d.year}/${pad(d.month)}/${pad(d.day)}`,
      `${monthName(d.month)} ${d.day} ${d.year}`,
      `${d.year}-13-${pad(d.day)}`,
      `${d.year}-${pad(d.month)}-${random.int(32, 45)}`,
    ]),
  charset: utf8WithBom,
}

/** A Windows-1252 ERP export: `;`, `dd.mm.yyyy`, decimal comma with `.` thousands, no BOM. */
const erp: Dialect = {
  delimiter: ';',
  formatDate: (d) => `${pad(d.day)}.${pad(d.month)}.${d.year}`,
  formatPrice: (cents) => formatCents(cents, ',', '.'),
  badDate: (d, random) =>
    random.pick([
      `${pad(d.day)}/${pad(d.month)}/${d.year}`,
      `${d.day}.${d.month}.${String(d.year).slice(2)}`,
      `${monthName(d.month)} ${d.day} ${d.year}`,
      `${random.int(32, 45)}.${pad(d.month)}.${d.year}`,
      `${pad(d.day)}.13.${d.year}`,
    ]),
  charset: windows1252,
}

export const DIALECTS: Readonly<Record<Variant, Dialect>> = { standard, erp }

/** Parses `yyyy-mm-dd`, rejecting days that do not exist. */
export function parseCalendarDate(text: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (match === null) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined
  return { year, month, day }
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}
