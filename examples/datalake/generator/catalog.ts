/** One article the shop sells; `weight` is how often it turns up relative to the others. */
export interface Product {
  readonly name: string
  /** List price in cents, so prices never pick up floating-point noise. */
  readonly priceCents: number
  readonly weight: number
}

/**
 * The articles a batch draws from. Names are deliberately awkward: accents and `€`
 * (Windows-1252 bytes in the ERP export), commas and a `;` (quoted when they are the
 * delimiter), a `"` (escaped by doubling) and line breaks inside a name (quoted, and a
 * line-based reader splits the record).
 */
export const PRODUCTS: readonly Product[] = [
  { name: 'Espresso beans 1 kg', priceCents: 1899, weight: 6 },
  { name: 'Café Olé espresso cups – set of 6', priceCents: 2450, weight: 4 },
  { name: 'Müller Milchreis 6×200 g', priceCents: 459, weight: 5 },
  { name: 'Ñandú plush toy', priceCents: 1295, weight: 3 },
  { name: 'Crème brûlée torch', priceCents: 3490, weight: 3 },
  { name: 'Gift card 50 €', priceCents: 5000, weight: 3 },
  { name: 'Pralinés „Très Chic“ 250 g', priceCents: 1575, weight: 2 },
  { name: 'Kids’ rain boots', priceCents: 2999, weight: 3 },
  { name: 'Notebook, A5, dotted', priceCents: 649, weight: 6 },
  { name: 'Cable, USB-C to USB-C, 2 m', priceCents: 1199, weight: 5 },
  { name: 'Paper towels, 12 rolls', priceCents: 899, weight: 5 },
  { name: 'Chocolate, dark 70%', priceCents: 249, weight: 6 },
  { name: 'Monitor 27" 4K', priceCents: 32900, weight: 2 },
  { name: 'Screw set M4; 100 pcs', priceCents: 579, weight: 2 },
  { name: 'Laptop 14 inch', priceCents: 124900, weight: 2 },
  { name: 'Espresso machine Barista Pro', priceCents: 289999, weight: 1 },
  { name: 'Office chair ergonomic', priceCents: 104550, weight: 1 },
  { name: 'Desk lamp LED', priceCents: 3999, weight: 4 },
  { name: 'Water bottle 750 ml', priceCents: 1450, weight: 6 },
  { name: 'Green tea 100 bags', priceCents: 599, weight: 6 },
  { name: 'Wireless mouse', priceCents: 2499, weight: 5 },
  { name: 'Backpack 20 l', priceCents: 5900, weight: 3 },
  { name: 'Gift box\nChristmas edition', priceCents: 3900, weight: 1 },
  { name: 'Tea sampler\n(12 flavours)', priceCents: 1999, weight: 1 },
]

/** ISO 3166-1 alpha-2 codes of the countries the shop ships to. */
export const COUNTRIES: readonly string[] = ['DE', 'AT', 'CH', 'FR', 'ES', 'IT', 'NL', 'BE', 'PL', 'SE', 'DK', 'PT', 'IE', 'GB', 'US']

/** The raw texts an export writes for "no value" (besides the empty field). */
export const NULL_TOKENS: readonly string[] = ['NULL', 'N/A', '-', 'null']

/** The header row, in file order. */
export const COLUMNS = ['order_id', 'order_date', 'customer_id', 'country', 'product', 'quantity', 'unit_price'] as const

export type Column = (typeof COLUMNS)[number]
