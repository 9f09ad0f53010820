import { COLUMNS, COUNTRIES, PRODUCTS, type Product } from './catalog.js'
import { writeRecord } from './csv-writer.js'
import { DEFECT_KINDS, injectDefect, planDefects, type DefectKind } from './defects.js'
import { QUIRK_KINDS, untidy, type QuirkKind } from './quirks.js'
import { createRandom, type Random } from './random.js'
import { DIALECTS, parseCalendarDate, type CalendarDate, type Dialect, type Variant } from './variants.js'

export { COLUMNS, COUNTRIES, NULL_TOKENS, PRODUCTS, type Column, type Product } from './catalog.js'
export { encodeWindows1252 } from './cp1252.js'
export { DEFECT_KINDS, DEFECT_RATES, type DefectKind } from './defects.js'
export { QUIRK_KINDS, QUIRK_RATES, type QuirkKind } from './quirks.js'
export type { Variant } from './variants.js'

export interface GenerateSalesOptions {
  /** Data records in the file, header excluded (0 to 100 000). */
  readonly rows: number
  /** Any integer; the same options always give the same bytes. */
  readonly seed: number
  /** `standard` (UTF-8 with BOM, `,`) or `erp` (Windows-1252, `;`, decimal commas); default `standard`. */
  readonly variant?: Variant
  /** The nightly batch's date, `yyyy-mm-dd`; orders fall between the 1st of its month and this day. Default `2026-11-24`. */
  readonly batchDate?: string
}

/** What was written, so a test or the ETL's row counts can be reconciled against it. */
export interface SalesStats {
  /** Data records, header excluded; a record may span lines when a name holds a line break. */
  readonly rows: number
  /** Records with no defect; after quarantine, exact de-duplication and last-wins corrections, the batch keeps this many orders. */
  readonly clean: number
  /** Records per defect; `rows === clean + sum(defects)`. */
  readonly defects: Readonly<Record<DefectKind, number>>
  /** Records per quirk; quirks do not make a record wrong and may coincide with a defect. */
  readonly quirks: Readonly<Record<QuirkKind, number>>
}

export interface GeneratedSales {
  readonly bytes: Uint8Array
  readonly stats: SalesStats
}

/** An option `generateSales` cannot use; `option` names it. */
export class SalesOptionError extends RangeError {
  constructor(readonly option: keyof GenerateSalesOptions, message: string) {
    super(`${option} ${message}`)
    this.name = 'SalesOptionError'
  }
}

export const MAX_ROWS = 1_000_000

/** Batches up to this size keep six-digit order ids; bigger ones run into seven digits. */
const SIX_DIGIT_ROWS = 100_000
const DEFAULT_BATCH_DATE = '2026-11-24'

interface Order {
  readonly orderId: string
  readonly date: CalendarDate
  readonly customerId: string
  readonly country: string
  readonly product: Product
  readonly quantity: number
  readonly priceCents: number
}

/**
 * Generates one nightly sales batch as the raw bytes of a messy CSV export, with a few
 * percent of bad records of every kind in `DEFECT_KINDS` and counts of what was injected.
 * Pure and deterministic.
 * @example const { bytes, stats } = generateSales({ rows: 200, seed: 42 }) // stats.defects.ragged === 4
 */
export function generateSales(options: GenerateSalesOptions): GeneratedSales {
  const { rows, seed } = options
  if (!Number.isInteger(rows) || rows < 0 || rows > MAX_ROWS) throw new SalesOptionError('rows', `must be an integer from 0 to ${MAX_ROWS}, got ${rows}`)
  if (!Number.isSafeInteger(seed)) throw new SalesOptionError('seed', `must be an integer, got ${seed}`)
  const variant = options.variant ?? 'standard'
  const dialect: Dialect | undefined = Object.hasOwn(DIALECTS, variant) ? DIALECTS[variant] : undefined
  if (dialect === undefined) throw new SalesOptionError('variant', `must be "standard" or "erp", got ${JSON.stringify(variant)}`)
  const batchDateText = options.batchDate ?? DEFAULT_BATCH_DATE
  const batchDate = parseCalendarDate(batchDateText)
  if (batchDate === undefined) throw new SalesOptionError('batchDate', `must be a real date written yyyy-mm-dd, got ${JSON.stringify(batchDateText)}`)

  const random = createRandom(seed)
  const plan = planDefects(rows, random)
  const nextOrder = orderSource(random, batchDate, rows)
  const render = (order: Order): string[] => [
    order.orderId,
    dialect.formatDate(order.date),
    order.customerId,
    order.country,
    order.product.name,
    String(order.quantity),
    dialect.formatPrice(order.priceCents),
  ]

  const defects = zeroCounts(DEFECT_KINDS)
  const quirks = zeroCounts(QUIRK_KINDS)
  let clean = 0
  const records: string[][] = []
  const cleanRecords: string[][] = []
  const uncorrected: Order[] = []
  const keep = (order: Order): string[] => {
    const written = untidy(render(order), random)
    if (written.countryNotNormalised) quirks.countryNotNormalised++
    if (written.strayWhitespace) quirks.strayWhitespace++
    return written.fields
  }

  for (const kind of plan) {
    if (kind === 'duplicate' && cleanRecords.length > 0) {
      records.push([...random.pick(cleanRecords)])
      defects.duplicate++
    } else if (kind === 'correction' && uncorrected.length > 0) {
      const original = uncorrected.splice(random.int(0, uncorrected.length - 1), 1)[0] as Order
      records.push(keep(corrected(original, random)))
      defects.correction++
    } else if (kind !== undefined && kind !== 'duplicate' && kind !== 'correction') {
      const order = nextOrder()
      records.push(injectDefect(kind, render(order), { dialect, random, date: order.date }))
      defects[kind]++
    } else {
      const order = nextOrder()
      const fields = keep(order)
      records.push(fields)
      cleanRecords.push(fields)
      uncorrected.push(order)
      clean++
    }
  }

  let text = writeRecord(COLUMNS, dialect.delimiter).text
  for (const fields of records) {
    const written = writeRecord(fields, dialect.delimiter)
    if (written.quotedDelimiter) quirks.quotedDelimiter++
    if (written.embeddedNewline) quirks.embeddedNewline++
    text += written.text
  }
  return { bytes: dialect.encode(text), stats: { rows, clean, defects, quirks } }
}

/** Orders with rising ids (gaps where orders were cancelled) from a pool of repeat customers. */
function orderSource(random: Random, batchDate: CalendarDate, rows: number): () => Order {
  const customers = Array.from({ length: Math.max(5, Math.round(rows / 4)) }, () => `C-${random.int(10000, 99999)}`)
  const totalWeight = PRODUCTS.reduce((sum, p) => sum + p.weight, 0)
  const pickProduct = (): Product => {
    let ticket = random.next() * totalWeight
    for (const product of PRODUCTS) {
      ticket -= product.weight
      if (ticket < 0) return product
    }
    return PRODUCTS[PRODUCTS.length - 1] as Product
  }
  let id = random.int(1, 999_999 - 3 * SIX_DIGIT_ROWS)
  return () => {
    id += random.int(1, 3)
    const product = pickProduct()
    return {
      orderId: `SO-${String(id).padStart(6, '0')}`,
      date: { ...batchDate, day: random.int(1, batchDate.day) },
      customerId: random.pick(customers),
      country: random.pick(COUNTRIES),
      product,
      quantity: random.chance(0.85) ? random.int(1, 5) : random.int(6, 60),
      priceCents: product.priceCents,
    }
  }
}

/** The same order sent again later with a changed quantity, a discounted price, or both. */
function corrected(order: Order, random: Random): Order {
  const change = random.int(0, 2)
  const quantity = change === 1 ? order.quantity : order.quantity + random.pick([-1, 1, 2, 5].filter((d) => order.quantity + d > 0))
  const priceCents = change === 0 ? order.priceCents : Math.round(order.priceCents * 0.9)
  return { ...order, quantity, priceCents }
}

function zeroCounts<K extends string>(kinds: readonly K[]): Record<K, number> {
  return Object.fromEntries(kinds.map((kind) => [kind, 0])) as Record<K, number>
}

/** Options of `generateBatch`, which `dlc run --rows N` passes. */
export interface GenerateBatchOptions {
  readonly rows: number
  readonly seed: number
  readonly batchDate: string
}

/**
 * One night's batch for each dataset of the example pipeline, as `dlc run --rows N` asks for it:
 * `rows` records in all, half in the web shop's export and half in the ERP's, by dataset name
 * and file name.
 *
 * @example generateBatch({ rows: 1000, seed: 7, batchDate: '2026-11-24' }).erp_sales['sales.csv'] // Windows-1252 bytes
 */
export function generateBatch(options: GenerateBatchOptions): Record<string, Record<string, Uint8Array>> {
  const { rows, seed, batchDate } = options
  const webShop = Math.ceil(rows / 2)
  return {
    sales: { 'sales.csv': generateSales({ rows: webShop, seed, batchDate, variant: 'standard' }).bytes },
    erp_sales: { 'sales.csv': generateSales({ rows: rows - webShop, seed: seed + 1, batchDate, variant: 'erp' }).bytes },
  }
}
