import { COLUMNS } from './catalog.js'
import { CsvWriter } from './csv-writer.js'
import { DEFECT_KINDS, injectDefect, planDefects, plannedDefect, type DefectKind } from './defects.js'
import { QUIRK_KINDS, untidy, type QuirkKind } from './quirks.js'
import { corrected, OrderLog, orderDates, orderId, OrderSource, type Order } from './orders.js'
import { createRandom } from './random.js'
import { SlotList } from './slot-list.js'
import { DIALECTS, parseCalendarDate, type Dialect, type Variant } from './variants.js'

export { COLUMNS, COUNTRIES, NULL_TOKENS, PRODUCTS, type Column, type Product } from './catalog.js'
export { encodeWindows1252 } from './cp1252.js'
export { DEFECT_KINDS, DEFECT_RATES, type DefectKind } from './defects.js'
export { QUIRK_KINDS, QUIRK_RATES, type QuirkKind } from './quirks.js'
export type { Variant } from './variants.js'

export interface GenerateSalesOptions {
  /** Data records in the file, header excluded (0 to `MAX_ROWS`, 1 000 000). */
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
  /** The file, as a view of the writer's buffer: `bytes.buffer` has room to spare, so use `bytes`, or its `byteLength`. */
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

const DEFAULT_BATCH_DATE = '2026-11-24'

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
  const dates = orderDates(batchDate)
  const orders = new OrderSource(random, dates, rows)
  const formatDate = remembered(dialect.formatDate)
  const formatPrice = remembered(dialect.formatPrice)
  const render = (order: Order): string[] => [
    orderId(order.id),
    formatDate(order.date),
    orders.customerId(order),
    order.country,
    order.product.name,
    String(order.quantity),
    formatPrice(order.priceCents),
  ]

  const defects = zeroCounts(DEFECT_KINDS)
  const quirks = zeroCounts(QUIRK_KINDS)
  const csv = new CsvWriter(COLUMNS, dialect.delimiter, dialect.charset, rows)
  // The record number of each clean record, which a duplicate repeats byte for byte.
  const cleanRecords = new Int32Array(rows)
  let clean = 0
  // Clean orders, and the numbers of those not corrected yet.
  const kept = new OrderLog(rows, dates)
  const uncorrected = new SlotList(rows)
  const keep = (order: Order): string[] => {
    const written = untidy(render(order), random)
    if (written.countryNotNormalised) quirks.countryNotNormalised++
    if (written.strayWhitespace) quirks.strayWhitespace++
    return written.fields
  }

  for (let record = 0; record < rows; record++) {
    const kind = plannedDefect(plan, record)
    if (kind === 'duplicate' && clean > 0) {
      csv.repeat(cleanRecords[random.int(0, clean - 1)] as number)
      defects.duplicate++
    } else if (kind === 'correction' && uncorrected.length > 0) {
      const original = kept.get(uncorrected.take(random.int(0, uncorrected.length - 1)))
      csv.write(keep(corrected(original, random)))
      defects.correction++
    } else if (kind !== undefined && kind !== 'duplicate' && kind !== 'correction') {
      const order = orders.next()
      csv.write(injectDefect(kind, render(order), { dialect, random, date: order.date }))
      defects[kind]++
    } else {
      const order = orders.next()
      cleanRecords[clean++] = csv.write(keep(order))
      kept.push(order)
      uncorrected.add()
    }
  }

  quirks.quotedDelimiter = csv.quotedDelimiter
  quirks.embeddedNewline = csv.embeddedNewline
  return { bytes: csv.toBytes(), stats: { rows, clean, defects, quirks } }
}

/** `format`, computing each value's text once: a batch has few distinct dates and prices. */
function remembered<T>(format: (value: T) => string): (value: T) => string {
  const texts = new Map<T, string>()
  return (value) => {
    let text = texts.get(value)
    if (text === undefined) texts.set(value, (text = format(value)))
    return text
  }
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
