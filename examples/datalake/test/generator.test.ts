import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  COLUMNS,
  COUNTRIES,
  DEFECT_KINDS,
  DEFECT_RATES,
  NULL_TOKENS,
  PRODUCTS,
  SalesOptionError,
  encodeWindows1252,
  generateSales,
  type GenerateSalesOptions,
  type SalesStats,
} from '../generator/index.js'

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

/** The committed sample batches and the options that produced them. */
const SAMPLES = [
  { file: here('../data/sales/2026-11-24/sales.csv'), options: { rows: 200, seed: 42 } },
  { file: here('../data/erp_sales/2026-11-24/sales.csv'), options: { rows: 100, seed: 7, variant: 'erp' } },
] as const satisfies readonly { file: string; options: GenerateSalesOptions }[]

/**
 * Decodes Windows-1252 with the WHATWG decoder. Node 20.18.3+ and 22.13+ decode a one-shot
 * `decode()` as Latin-1, turning 0x80 into U+0080 instead of `€` (nodejs/node#60888);
 * the streaming path goes through ICU and is correct.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const decoder = new TextDecoder('windows-1252')
  return decoder.decode(bytes, { stream: true }) + decoder.decode()
}

interface CsvRecord {
  readonly fields: string[]
  /** The record's text without its terminator, for spotting exact duplicates. */
  readonly raw: string
  readonly terminator: string
}

/** A deliberately small RFC 4180 reader, independent of the generator's writer. */
function readCsv(text: string, delimiter: string): CsvRecord[] {
  const records: CsvRecord[] = []
  let fields: string[] = []
  let field = ''
  let start = 0
  let i = 0
  const endRecord = (terminator: string): void => {
    fields.push(field)
    records.push({ fields, raw: text.slice(start, i), terminator })
    fields = []
    field = ''
    i += terminator.length
    start = i
  }
  while (i < text.length) {
    const char = text[i]
    if (char === '"' && field === '') {
      const close = (from: number): number => {
        for (let j = from; ; j++) {
          if (j >= text.length) throw new Error(`unterminated quote at ${from}`)
          if (text[j] === '"' && text[j + 1] === '"') j++
          else if (text[j] === '"') return j
        }
      }
      const end = close(i + 1)
      field = text.slice(i + 1, end).replaceAll('""', '"')
      i = end + 1
      const next = text[i]
      if (next !== delimiter && next !== '\r' && next !== '\n' && next !== undefined) throw new Error(`text after a closing quote at ${i}`)
    } else if (char === delimiter) {
      fields.push(field)
      field = ''
      i++
    } else if (char === '\r' && text[i + 1] === '\n') endRecord('\r\n')
    else if (char === '\n') endRecord('\n')
    else {
      field += char
      i++
    }
  }
  if (i > start) endRecord('')
  return records
}

interface Batch {
  readonly header: string[]
  readonly records: CsvRecord[]
  readonly stats: SalesStats
  readonly delimiter: string
}

function read(options: GenerateSalesOptions): Batch {
  const { bytes, stats } = generateSales(options)
  const erp = options.variant === 'erp'
  const text = erp ? decodeWindows1252(bytes) : new TextDecoder('utf-8').decode(bytes)
  const delimiter = erp ? ';' : ','
  const [header, ...records] = readCsv(text, delimiter)
  return { header: header?.fields ?? [], records, stats, delimiter }
}

const isNull = (value: string): boolean => value.trim() === '' || NULL_TOKENS.includes(value.trim())

/** The ETL's rules, written out plainly: which records a strict reader keeps. */
function validOrder(fields: readonly string[], erp: boolean): boolean {
  if (fields.length !== COLUMNS.length || fields.some(isNull)) return false
  const [, date = '', , country = '', , quantity = '', price = ''] = fields.map((f) => f.trim())
  const dateMatch = erp ? /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(date) : /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (dateMatch === null) return false
  const [day, month, year] = erp ? [dateMatch[1], dateMatch[2], dateMatch[3]] : [dateMatch[3], dateMatch[2], dateMatch[1]]
  const real = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)))
  if (real.getUTCDate() !== Number(day) || real.getUTCMonth() !== Number(month) - 1) return false
  const pricePattern = erp ? /^\d{1,3}(\.\d{3})*,\d{2}$/ : /^\d+\.\d{2}$/
  return COUNTRIES.includes(country.toUpperCase()) && /^\d+$/.test(quantity) && Number(quantity) > 0 && pricePattern.test(price)
}

/** Counts in the output, found without asking the generator: what `stats` should say. */
function countFound(batch: Batch, erp: boolean) {
  const seenRaw = new Set<string>()
  const rawById = new Map<string, Set<string>>()
  const kept = new Map<string, string>()
  let duplicate = 0
  let correction = 0
  for (const { fields, raw } of batch.records) {
    const id = fields[0]?.trim() ?? ''
    if (seenRaw.has(raw)) duplicate++
    else if (id !== '' && rawById.has(id)) correction++
    seenRaw.add(raw)
    if (id !== '') rawById.set(id, (rawById.get(id) ?? new Set()).add(raw))
    if (validOrder(fields, erp)) kept.set(id, raw)
  }
  const whole = batch.records.filter((r) => r.fields.length === COLUMNS.length)
  return {
    ragged: batch.records.filter((r) => r.fields.length !== COLUMNS.length).length,
    negativeQuantity: batch.records.filter((r) => /^-\d+$/.test(r.fields[5]?.trim() ?? '')).length,
    zeroQuantity: whole.filter((r) => r.fields[5]?.trim() === '0').length,
    duplicate,
    correction,
    kept: kept.size,
    quotedDelimiter: batch.records.filter((r) => r.fields.some((f) => f.includes(batch.delimiter))).length,
    embeddedNewline: batch.records.filter((r) => r.fields.some((f) => f.includes('\n'))).length,
  }
}

describe('generateSales', () => {
  it('gives byte-identical output for the same options, and different output for another seed', () => {
    for (const variant of ['standard', 'erp'] as const) {
      const options = { rows: 300, seed: 11, variant, batchDate: '2027-02-10' }
      expect(generateSales(options).bytes).toEqual(generateSales({ ...options }).bytes)
      expect(generateSales(options).stats).toEqual(generateSales({ ...options }).stats)
      expect(generateSales({ ...options, seed: 12 }).bytes).not.toEqual(generateSales(options).bytes)
    }
  })

  it.each(SAMPLES)('regenerates the committed sample $file byte for byte', ({ file, options }) => {
    expect(Buffer.from(generateSales(options).bytes).equals(readFileSync(file))).toBe(true)
  })

  it('writes the standard export as UTF-8 with a BOM, CRLF records and the header row', () => {
    const { bytes } = generateSales({ rows: 500, seed: 3 })
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    const records = readCsv(text, ',')
    expect(records[0]?.fields).toEqual([...COLUMNS])
    expect(new Set(records.map((r) => r.terminator))).toEqual(new Set(['\r\n']))
    expect(text.endsWith('\r\n')).toBe(true)
  })

  it('writes the ERP export as Windows-1252 with ";", no BOM and CRLF records', () => {
    const { bytes } = generateSales({ rows: 500, seed: 3, variant: 'erp' })
    const text = decodeWindows1252(bytes)
    for (const name of ['Café Olé', 'Müller', 'Ñandú', '50 €', '„Très Chic“', 'Kids’']) expect(text).toContain(name)
    expect(bytes[0]).toBe('o'.charCodeAt(0))
    expect(bytes.includes(0x80)).toBe(true)
    expect(bytes.includes(0xe9)).toBe(true)
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow()
    const hex = Buffer.from(bytes).toString('hex')
    expect(hex).not.toContain('e282ac')
    expect(hex).not.toContain('c3a9')
    expect(encodeWindows1252(text)).toEqual(bytes)
    const records = readCsv(text, ';')
    expect(records[0]?.fields).toEqual([...COLUMNS])
    expect(new Set(records.map((r) => r.terminator))).toEqual(new Set(['\r\n']))
  })

  it('encodes 0x80-0x9F exactly as the WHATWG windows-1252 decoder reads them back', () => {
    for (let byte = 0x80; byte <= 0xff; byte++) {
      const char = decodeWindows1252(Uint8Array.of(byte))
      if ([0x81, 0x8d, 0x8f, 0x90, 0x9d].includes(byte)) expect(() => encodeWindows1252(char)).toThrow(/windows-1252 has no byte/)
      else expect([...encodeWindows1252(char)]).toEqual([byte])
    }
    expect(() => encodeWindows1252('ok ✓')).toThrow('windows-1252 has no byte for "✓" (U+2713) at character 3')
  })

  describe.each([
    ['standard sample', SAMPLES[0].options],
    ['ERP sample', SAMPLES[1].options],
    ['large standard batch', { rows: 5000, seed: 2024 }],
    ['large ERP batch', { rows: 5000, seed: 2024, variant: 'erp' }],
  ] as const)('%s: stats match an independent count of the output', (_, options: GenerateSalesOptions) => {
    const erp = options.variant === 'erp'
    const batch = read(options)
    const found = countFound(batch, erp)
    const { stats } = batch

    it('has as many records as stats.rows, split into clean and defects', () => {
      expect(batch.header).toEqual([...COLUMNS])
      expect(batch.records).toHaveLength(stats.rows)
      expect(stats.clean + Object.values(stats.defects).reduce((a, b) => a + b, 0)).toBe(stats.rows)
    })

    it('counts ragged records, negative and zero quantities, duplicates and corrections', () => {
      expect(found.ragged).toBe(stats.defects.ragged)
      expect(found.negativeQuantity).toBe(stats.defects.negativeQuantity)
      expect(found.zeroQuantity).toBe(stats.defects.zeroQuantity)
      expect(found.duplicate).toBe(stats.defects.duplicate)
      expect(found.correction).toBe(stats.defects.correction)
    })

    it('keeps exactly stats.clean orders after strict checks, de-duplication and last-wins corrections', () => {
      expect(found.kept).toBe(stats.clean)
    })

    it('counts quoted delimiters and line breaks inside fields', () => {
      expect(found.quotedDelimiter).toBe(stats.quirks.quotedDelimiter)
      expect(found.embeddedNewline).toBe(stats.quirks.embeddedNewline)
      expect(stats.quirks.embeddedNewline).toBeGreaterThan(0)
      if (!erp) expect(stats.quirks.quotedDelimiter).toBeGreaterThan(0)
    })

    it('reads every quoted product name back to a catalog name', () => {
      const names = new Set(PRODUCTS.map((p) => p.name))
      const products = batch.records.filter((r) => r.fields.length === COLUMNS.length).map((r) => r.fields[4] ?? '')
      expect(products.filter((p) => !isNull(p) && !names.has(p.trim()))).toEqual([])
      expect(products).toContain('Gift box\nChristmas edition')
      if (!erp) expect(products).toContain('Notebook, A5, dotted')
    })

    it('injects at least one of every defect kind', () => {
      for (const kind of DEFECT_KINDS) expect(stats.defects[kind], kind).toBeGreaterThan(0)
    })
  })

  it('injects each defect at its documented rate, within the ±25 % jitter', () => {
    const rows = 20_000
    for (const seed of [1, 2, 3]) {
      const { stats } = generateSales({ rows, seed })
      for (const kind of DEFECT_KINDS) {
        const expected = DEFECT_RATES[kind] * rows
        expect(stats.defects[kind], kind).toBeGreaterThanOrEqual(Math.floor(expected * 0.75))
        expect(stats.defects[kind], kind).toBeLessThanOrEqual(Math.ceil(expected * 1.25))
      }
    }
  })

  it('dates valid orders within the batch month, up to the batch date', () => {
    for (const [variant, pattern] of [['standard', /^2027-02-0[1-3]$/], ['erp', /^0[1-3]\.02\.2027$/]] as const) {
      const batch = read({ rows: 400, seed: 5, variant, batchDate: '2027-02-03' })
      const dates = batch.records.filter((r) => validOrder(r.fields, variant === 'erp')).map((r) => r.fields[1]?.trim())
      expect(dates.length).toBeGreaterThan(300)
      for (const date of dates) expect(date).toMatch(pattern)
    }
  })

  it('rejects options it cannot use, naming the option', () => {
    const attempts: [GenerateSalesOptions, string][] = [
      [{ rows: -1, seed: 1 }, 'rows'],
      [{ rows: 1.5, seed: 1 }, 'rows'],
      [{ rows: 10, seed: Number.NaN }, 'seed'],
      [{ rows: 10, seed: 1, batchDate: '2026-02-30' }, 'batchDate'],
      [{ rows: 10, seed: 1, batchDate: '24.11.2026' }, 'batchDate'],
      [{ rows: 10, seed: 1, variant: 'csv' as 'erp' }, 'variant'],
    ]
    for (const [options, option] of attempts) {
      expect(() => generateSales(options)).toThrow(SalesOptionError)
      expect(() => generateSales(options)).toThrow(new RegExp(`^${option} must`))
    }
    expect(generateSales({ rows: 0, seed: 1 }).stats.rows).toBe(0)
  })
})

describe('generator CLI', () => {
  const cli = here('../generator/cli.ts')
  const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'buffer' })

  it('writes the same bytes as generateSales to --out and the stats to stderr', () => {
    const dir = mkdtempSync(join(tmpdir(), 'dlc-generator-'))
    try {
      const out = join(dir, 'sales.csv')
      const result = run(['--rows', '50', '--seed', '9', '--variant', 'erp', '--batch-date', '2026-12-31', '--out', out])
      expect(result.status).toBe(0)
      const expected = generateSales({ rows: 50, seed: 9, variant: 'erp', batchDate: '2026-12-31' })
      expect(readFileSync(out).equals(Buffer.from(expected.bytes))).toBe(true)
      expect(JSON.parse(result.stderr.toString())).toEqual(expected.stats)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)

  it('exits 2 with the usage on bad arguments', () => {
    for (const [args, message] of [
      [['--seed', '1'], '--rows is required'],
      [['--rows', 'ten', '--seed', '1'], '--rows must be an integer, got "ten"'],
      [['--rows', '10', '--seed', '1', '--variant', 'sap'], '--variant must be standard or erp'],
      [['--rows', '10', '--seed', '1', '--batch-date', '2026-13-01'], '--batch-date must be a real date'],
      [['--rows', '10', '--seed', '1', '--colour', 'red'], "Unknown option '--colour'"],
    ] as const) {
      const result = run([...args])
      expect(result.status, args.join(' ')).toBe(2)
      expect(result.stderr.toString()).toContain(`generate-sales: ${message}`)
      expect(result.stderr.toString()).toContain('Usage: npx tsx examples/datalake/generator/cli.ts')
      expect(result.stdout.length).toBe(0)
    }
  }, 60_000)
})
