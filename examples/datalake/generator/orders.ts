import { COUNTRIES, PRODUCTS, type Product } from './catalog.js'
import type { Random } from './random.js'
import type { CalendarDate } from './variants.js'

/** Batches up to this size keep six-digit order ids; bigger ones run into seven digits. */
const SIX_DIGIT_ROWS = 100_000

export interface Order {
  /** Written as `SO-000123` (see `orderId`). */
  readonly id: number
  readonly date: CalendarDate
  /** The customer's number in its `OrderSource`, which writes it as `C-12345`. */
  readonly customer: number
  readonly country: string
  readonly product: Product
  readonly quantity: number
  readonly priceCents: number
}

/** `123` -> `SO-000123`. */
export const orderId = (id: number): string => `SO-${String(id).padStart(6, '0')}`

/** The dates a batch's orders can have, at their day of the month: one shared object each, since an order's date never changes. */
export function orderDates(batchDate: CalendarDate): readonly CalendarDate[] {
  return Array.from({ length: batchDate.day + 1 }, (_, day) => ({ ...batchDate, day }))
}

/** Orders with rising ids (gaps where orders were cancelled) from a pool of repeat customers. */
export class OrderSource {
  /** Each customer's id, `C-12345`, by customer number. */
  private readonly customerIds: readonly string[]
  private readonly totalWeight = PRODUCTS.reduce((sum, p) => sum + p.weight, 0)
  private id: number

  /** `dates` are the batch's `orderDates`; `rows` sizes the pool of customers. */
  constructor(private readonly random: Random, private readonly dates: readonly CalendarDate[], rows: number) {
    this.customerIds = Array.from({ length: Math.max(5, Math.round(rows / 4)) }, () => `C-${random.int(10000, 99999)}`)
    this.id = random.int(1, 999_999 - 3 * SIX_DIGIT_ROWS)
  }

  next(): Order {
    const { random } = this
    this.id += random.int(1, 3)
    const product = this.pickProduct()
    return {
      id: this.id,
      date: this.dates[random.int(1, this.dates.length - 1)] as CalendarDate,
      customer: random.int(0, this.customerIds.length - 1),
      country: random.pick(COUNTRIES),
      product,
      quantity: random.chance(0.85) ? random.int(1, 5) : random.int(6, 60),
      priceCents: product.priceCents,
    }
  }

  /** How the order's customer is written: `C-12345`. */
  customerId(order: Order): string {
    return this.customerIds[order.customer] as string
  }

  private pickProduct(): Product {
    let ticket = this.random.next() * this.totalWeight
    for (let i = 0; i < PRODUCTS.length; i++) {
      const product = PRODUCTS[i] as Product
      ticket -= product.weight
      if (ticket < 0) return product
    }
    return PRODUCTS[PRODUCTS.length - 1] as Product
  }
}

/** The same order sent again later with a changed quantity, a discounted price, or both. */
export function corrected(order: Order, random: Random): Order {
  const change = random.int(0, 2)
  const quantity = change === 1 ? order.quantity : order.quantity + random.pick([-1, 1, 2, 5].filter((d) => order.quantity + d > 0))
  const priceCents = change === 0 ? order.priceCents : Math.round(order.priceCents * 0.9)
  return { ...order, quantity, priceCents }
}

/**
 * Orders kept for later, as columns of small integers rather than one object each: hundreds
 * of thousands of long-lived objects would keep the garbage collector busy, and every
 * megabyte a batch touches costs time of its own.
 * @example const log = new OrderLog(rows, dates); const n = log.push(order); log.get(n) // an order equal to `order`
 */
export class OrderLog {
  private readonly ids: Int32Array
  private readonly customers: Int32Array
  private readonly quantities: Int32Array
  private readonly prices: Int32Array
  private readonly days: Uint8Array
  private readonly countries: Uint8Array
  private readonly products: Uint8Array
  private size = 0

  /** `capacity` is how many orders will ever be pushed; `dates` holds each order's date at its day of the month. */
  constructor(private readonly capacity: number, private readonly dates: readonly CalendarDate[]) {
    this.ids = new Int32Array(capacity)
    this.customers = new Int32Array(capacity)
    this.quantities = new Int32Array(capacity)
    this.prices = new Int32Array(capacity)
    this.days = new Uint8Array(capacity)
    this.countries = new Uint8Array(capacity)
    this.products = new Uint8Array(capacity)
  }

  /** Stores an order and returns its number. */
  push(order: Order): number {
    const n = this.size
    if (n === this.capacity) throw new RangeError(`an OrderLog for ${this.capacity} orders is full`)
    this.ids[n] = order.id
    this.customers[n] = order.customer
    this.quantities[n] = order.quantity
    this.prices[n] = order.priceCents
    this.days[n] = order.date.day
    this.countries[n] = indexIn(COUNTRIES, order.country)
    this.products[n] = indexIn(PRODUCTS, order.product)
    if (this.ids[n] !== order.id || this.quantities[n] !== order.quantity || this.prices[n] !== order.priceCents) {
      throw new RangeError(`an OrderLog keeps ids, quantities and prices as 32-bit integers, got ${JSON.stringify(order)}`)
    }
    return this.size++
  }

  get(n: number): Order {
    if (!(n >= 0 && n < this.size)) throw new RangeError(`no order ${n} among ${this.size}`)
    return {
      id: this.ids[n] as number,
      date: this.dates[this.days[n] as number] as CalendarDate,
      customer: this.customers[n] as number,
      country: COUNTRIES[this.countries[n] as number] as string,
      product: PRODUCTS[this.products[n] as number] as Product,
      quantity: this.quantities[n] as number,
      priceCents: this.prices[n] as number,
    }
  }
}

function indexIn<T>(items: readonly T[], item: T): number {
  const index = items.indexOf(item)
  if (index < 0) throw new RangeError(`an OrderLog keeps only the catalog's countries and products, got ${JSON.stringify(item)}`)
  return index
}
