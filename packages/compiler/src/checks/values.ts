import type { StateInfo } from './context.js'

/** A `${Name}` deploy-time substitution (SAM, CDK, Terraform): opaque until deployed, so never judged. */
export function hasPlaceholder(value: unknown): value is string {
  return typeof value === 'string' && /\$\{[^}]*\}/.test(value)
}

/** A whole-value JSONata expression, `{% ... %}`; AWS accepts one without a space before `%}`. */
export function isJsonataExpression(value: unknown): value is string {
  return typeof value === 'string' && /^\{%[\s\S]*%\}$/.test(value.trim())
}

/** A value written for later evaluation: a placeholder anywhere, or a JSONata expression in a JSONata state. */
export function isDeferred(value: unknown, state: StateInfo): boolean {
  return hasPlaceholder(value) || (state.language === 'JSONata' && isJsonataExpression(value))
}

export function isInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value)
}

const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/

/**
 * The ASL timestamp: RFC 3339 with an uppercase `T` between date and time and an uppercase `Z`
 * where there is no numeric offset (states-language.net, "Timestamps"), e.g. `2024-08-18T17:33:00Z`.
 */
export function isTimestamp(value: unknown): boolean {
  if (typeof value !== 'string') return false
  const match = TIMESTAMP.exec(value)
  if (match === null) return false
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number]
  const offsetHours = match[9] === undefined ? 0 : Number(match[9])
  const offsetMinutes = match[10] === undefined ? 0 : Number(match[10])
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31
  return (
    month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth &&
    hour <= 23 && minute <= 59 && second <= 60 && offsetHours <= 23 && offsetMinutes <= 59
  )
}
