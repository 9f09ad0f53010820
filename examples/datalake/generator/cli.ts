import { writeFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { generateSales, MAX_ROWS, SalesOptionError, type GenerateSalesOptions } from './index.js'

const USAGE = `Usage: npx tsx examples/datalake/generator/cli.ts --rows N --seed S [--variant standard|erp] [--batch-date yyyy-mm-dd] [--out FILE]

Writes one messy nightly sales CSV (stdout unless --out) and prints what was injected to stderr.
  --rows N          data records, 0 to ${MAX_ROWS}
  --seed S          integer; the same options always give the same bytes
  --variant V       standard (UTF-8 with BOM, ",") or erp (Windows-1252, ";", decimal commas); default standard
  --batch-date D    the batch's date; orders fall in its month up to that day; default 2026-11-24
  --out FILE        write the file here instead of stdout
`

class UsageError extends Error {}

const FLAGS: Readonly<Record<keyof GenerateSalesOptions, string>> = { rows: '--rows', seed: '--seed', variant: '--variant', batchDate: '--batch-date' }

function integer(name: string, text: string | undefined): number {
  if (text === undefined) throw new UsageError(`--${name} is required`)
  if (!/^-?\d+$/.test(text)) throw new UsageError(`--${name} must be an integer, got ${JSON.stringify(text)}`)
  return Number(text)
}

function run(argv: readonly string[]): number {
  try {
    const { values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        rows: { type: 'string' },
        seed: { type: 'string' },
        variant: { type: 'string' },
        'batch-date': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    })
    if (values.help === true) {
      process.stdout.write(USAGE)
      return 0
    }
    const variant = values.variant ?? 'standard'
    if (variant !== 'standard' && variant !== 'erp') throw new UsageError(`--variant must be standard or erp, got ${JSON.stringify(variant)}`)
    const options = {
      rows: integer('rows', values.rows),
      seed: integer('seed', values.seed),
      variant,
      ...(values['batch-date'] === undefined ? {} : { batchDate: values['batch-date'] }),
    } as const
    let generated
    try {
      generated = generateSales(options)
    } catch (error) {
      if (error instanceof SalesOptionError) throw new UsageError(`${FLAGS[error.option]}${error.message.slice(error.option.length)}`)
      throw error
    }
    if (values.out === undefined) process.stdout.write(generated.bytes)
    else writeFileSync(values.out, generated.bytes)
    process.stderr.write(`${JSON.stringify(generated.stats)}\n`)
    return 0
  } catch (error) {
    // node:util parseArgs reports unknown options and missing values with ERR_PARSE_ARGS_* codes.
    const fromParseArgs = error instanceof TypeError && String((error as { code?: unknown }).code).startsWith('ERR_PARSE_ARGS')
    if (!(error instanceof UsageError) && !fromParseArgs) throw error
    process.stderr.write(`generate-sales: ${(error as Error).message}\n\n${USAGE}`)
    return 2
  }
}

process.exitCode = run(process.argv.slice(2))
