import { COLUMNS, type Column } from './catalog.js'
import type { Random } from './random.js'

/**
 * Untidiness a reader must cope with but that does not make a record wrong. The first two
 * are written into records the ETL should keep; the last two are counted on every record
 * whose text needed quoting.
 */
export const QUIRK_KINDS = ['countryNotNormalised', 'strayWhitespace', 'quotedDelimiter', 'embeddedNewline'] as const

export type QuirkKind = (typeof QUIRK_KINDS)[number]

/** How often a kept record has its country or another field written untidily. */
export const QUIRK_RATES = { countryNotNormalised: 0.08, strayWhitespace: 0.05 } as const

const at = (column: Column): number => COLUMNS.indexOf(column)
const PADDED: readonly Column[] = ['order_id', 'customer_id', 'product', 'quantity', 'unit_price']

export interface UntidyRecord {
  readonly fields: string[]
  readonly countryNotNormalised: boolean
  readonly strayWhitespace: boolean
}

/**
 * Sometimes lowercases or pads the country code and pads one other field with spaces
 * or a tab; trimming and upper-casing restores the clean value.
 * @example untidy(fields, random).fields[3] // 'DE', or now and then ' de' or 'DE '
 */
export function untidy(fields: readonly string[], random: Random): UntidyRecord {
  const out = [...fields]
  const countryNotNormalised = random.chance(QUIRK_RATES.countryNotNormalised)
  if (countryNotNormalised) {
    const country = out[at('country')] ?? ''
    out[at('country')] = random.pick([country.toLowerCase(), ` ${country}`, `${country} `, ` ${country.toLowerCase()}`, `${country.slice(0, 1)}${country.slice(1).toLowerCase()}`])
  }
  const strayWhitespace = random.chance(QUIRK_RATES.strayWhitespace)
  if (strayWhitespace) {
    const column = at(random.pick(PADDED))
    const space = random.pick([' ', '  ', '\t'])
    out[column] = random.chance(0.5) ? `${space}${out[column] ?? ''}` : `${out[column] ?? ''}${space}`
  }
  return { fields: out, countryNotNormalised, strayWhitespace }
}
