/**
 * The peer of end-to-end.ts, in a fresh process: `e2e-peer.ts <raw zone folder> <batch date> <work>`.
 * Raw DuckDB runs each dataset's ETL SQL and COPY statements on the files `dlc run` generated
 * (decoded to UTF-8 first, as any host must: DuckDB reads UTF-8), with nothing else: no
 * compile, no generator, no state machine, no publish, no crawler, no queries. Prints one JSON line.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { decodeToUtf8 } from '@dlc/compiler'
import { erpSales, sales } from '../../examples/datalake/pipeline.js'
import { rawEtl } from './raw-duckdb.js'

const [raw = '', batchDate = '', work = ''] = process.argv.slice(2)
const started = performance.now()
let rowsRead = 0
let etlSeconds = 0
for (const dataset of [sales.node, erpSales.node]) {
  const folder = join(raw, dataset.name, batchDate)
  const files = readdirSync(folder).map((name) => {
    const bytes = readFileSync(join(folder, name))
    if (dataset.source.encoding === 'utf-8') return join(folder, name)
    const decoded = join(work, `${dataset.name}-${name}`)
    writeFileSync(decoded, decodeToUtf8(bytes, dataset.source.encoding))
    return decoded
  })
  const result = await rawEtl(dataset, files, batchDate, work)
  rowsRead += result.rowsRead
  etlSeconds += result.sqlSeconds + result.writeSeconds
}
process.stdout.write(`${JSON.stringify({ seconds: (performance.now() - started) / 1000, etlSeconds, rowsRead })}\n`)
