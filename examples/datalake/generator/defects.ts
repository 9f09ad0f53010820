import { COLUMNS, NULL_TOKENS, type Column } from './catalog.js'
import type { Random } from './random.js'
import type { CalendarDate, Dialect } from './variants.js'

/** The ways a record can be wrong; every record carries at most one. */
export const DEFECT_KINDS = [
  'badDate',
  'emptyRequired',
  'nullToken',
  'negativeQuantity',
  'zeroQuantity',
  'nonNumericQuantity',
  'ragged',
  'duplicate',
  'correction',
] as const

export type DefectKind = (typeof DEFECT_KINDS)[number]

/**
 * The share of records carrying each defect. A batch varies each by up to ±25 %, and a
 * batch of 50 rows or more has at least one of every kind.
 */
export const DEFECT_RATES: Readonly<Record<DefectKind, number>> = {
  badDate: 0.03,
  emptyRequired: 0.02,
  nullToken: 0.02,
  negativeQuantity: 0.015,
  zeroQuantity: 0.01,
  nonNumericQuantity: 0.015,
  ragged: 0.02,
  duplicate: 0.025,
  correction: 0.015,
}

const ROWS_FOR_EVERY_KIND = 50

/**
 * Decides which record gets which defect: counts from the rates, positions shuffled. The
 * first record is always clean, so duplicates and corrections have something to repeat.
 * One byte a record, since a batch may have a million; `plannedDefect` reads it.
 */
export function planDefects(rows: number, random: Random): Uint8Array {
  const plan = new Uint8Array(rows)
  const free = positionsAfterFirst(rows)
  random.shuffle(free)
  let left = free.length
  for (let k = 0; k < DEFECT_KINDS.length; k++) {
    const jittered = Math.round(DEFECT_RATES[DEFECT_KINDS[k] as DefectKind] * rows * (0.75 + 0.5 * random.next()))
    const count = rows >= ROWS_FOR_EVERY_KIND ? Math.max(1, jittered) : jittered
    for (let n = 0; n < count; n++) {
      if (left === 0) return plan
      plan[free[--left] as number] = k + 1
    }
  }
  return plan
}

/** The defect `planDefects` gave a record, if any. */
export function plannedDefect(plan: Uint8Array, record: number): DefectKind | undefined {
  const code = plan[record] ?? 0
  return code === 0 ? undefined : DEFECT_KINDS[code - 1]
}

/** `1, 2, …, rows - 1`: every record but the first. */
function positionsAfterFirst(rows: number): Int32Array {
  const positions = new Int32Array(Math.max(rows - 1, 0))
  for (let i = 0; i < positions.length; i++) positions[i] = i + 1
  return positions
}

const at = (column: Column): number => COLUMNS.indexOf(column)
const NON_NUMERIC_QUANTITIES = ['two', '12 pcs', '?', '1O', '#REF!'] as const

/** What a record-level defect needs besides the record: the dialect, and its true date. */
export interface DefectContext {
  readonly dialect: Dialect
  readonly random: Random
  readonly date: CalendarDate
}

/**
 * Returns a copy of a clean record's fields with one defect written in. Duplicates and
 * corrections repeat earlier records, so the generator handles them itself.
 * @example injectDefect('zeroQuantity', fields, context)[5] // '0'
 */
export function injectDefect(kind: Exclude<DefectKind, 'duplicate' | 'correction'>, fields: readonly string[], context: DefectContext): string[] {
  const { random } = context
  const out = [...fields]
  const quantity = Number(fields[at('quantity')])
  switch (kind) {
    case 'badDate':
      out[at('order_date')] = context.dialect.badDate(context.date, random)
      return out
    case 'emptyRequired':
      out[random.int(0, COLUMNS.length - 1)] = random.chance(0.8) ? '' : ' '
      return out
    case 'nullToken':
      out[random.int(at('order_date'), COLUMNS.length - 1)] = random.pick(NULL_TOKENS)
      return out
    case 'negativeQuantity':
      out[at('quantity')] = String(-quantity)
      return out
    case 'zeroQuantity':
      out[at('quantity')] = '0'
      return out
    case 'nonNumericQuantity':
      out[at('quantity')] = random.pick(NON_NUMERIC_QUANTITIES)
      return out
    case 'ragged':
      return raggedFields(out, context)
  }
}

/** Too few or too many fields, the way broken exports really produce them. */
function raggedFields(fields: string[], { dialect, random }: DefectContext): string[] {
  const product = at('product')
  const name = fields[product] ?? ''
  switch (random.int(0, 3)) {
    case 0:
      // Truncated at the end, as when an export is cut off mid-record.
      return fields.slice(0, random.int(4, COLUMNS.length - 1))
    case 1: {
      // A column left out entirely, so everything after it shifts left.
      const dropped = random.int(1, COLUMNS.length - 2)
      return fields.filter((_, i) => i !== dropped)
    }
    default:
      // A name holding the delimiter written unquoted, else a trailing delimiter.
      return name.includes(dialect.delimiter) && !/[\r\n"]/.test(name)
        ? [...fields.slice(0, product), ...name.split(dialect.delimiter), ...fields.slice(product + 1)]
        : [...fields, '']
  }
}
