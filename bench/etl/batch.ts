import { generateSales, type SalesStats } from '../../examples/datalake/generator/index.js'

/** Records per chunk: one month, so one Parquet partition, each. */
const CHUNK_ROWS = 100_000

/** A messy batch of any size, in one CSV file, with the generator's counts summed over its chunks. */
export interface MessyBatch {
  readonly bytes: Buffer
  readonly rows: number
  readonly clean: number
  readonly chunks: number
}

/**
 * A batch made of 100,000-record chunks of the example generator, each with its own seed and
 * dated in another month of 2026, so the ETL writes one Parquet partition per chunk, as one
 * web-shop export: the first chunk's BOM and header, then every chunk's records. Order ids of two
 * chunks may collide (each chunk draws its own range), which the ETL's last-wins dedupe then
 * removes: more duplicates than the generator's `clean` count says, the same for every tool.
 *
 * @example const batch = messyBatch(1_000_000) // batch.bytes is ~64 MB of UTF-8 CSV
 */
export function messyBatch(rows: number, seed = 2026): MessyBatch {
  const parts: Uint8Array[] = []
  let clean = 0
  let chunks = 0
  for (let done = 0; done < rows; done += CHUNK_ROWS, chunks++) {
    const month = (chunks % 12) + 1
    const { bytes, stats } = generateSales({ rows: Math.min(CHUNK_ROWS, rows - done), seed: seed + chunks, batchDate: `2026-${String(month).padStart(2, '0')}-28` })
    parts.push(chunks === 0 ? bytes : withoutHeader(bytes))
    clean += (stats satisfies SalesStats).clean
  }
  return { bytes: Buffer.concat(parts), rows, clean, chunks }
}

// The header holds no quoted field, so it ends at the first CRLF.
function withoutHeader(bytes: Uint8Array): Uint8Array {
  const end = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf('\r\n')
  return bytes.subarray(end + 2)
}
