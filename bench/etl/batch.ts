import { generateSales, MAX_ROWS, type SalesStats } from '../../examples/datalake/generator/index.js'

/** A messy batch of any size, in one CSV file, with the generator's counts summed over its chunks. */
export interface MessyBatch {
  readonly bytes: Buffer
  readonly rows: number
  readonly clean: number
  readonly chunks: number
}

/**
 * The example generator writes at most 100,000 records a call, so a bigger batch is made of
 * chunks with their own seeds, each dated in another month of 2026 (one Parquet partition per
 * chunk), written as one web-shop export: the first chunk's BOM and header, then every chunk's
 * records. Order ids of two chunks may collide (each chunk draws its own range), which the ETL's
 * last-wins dedupe then removes: more work than the generator's `clean` count says, the same for
 * every tool that reads the file.
 *
 * @example const batch = messyBatch(1_000_000) // batch.bytes is ~64 MB of UTF-8 CSV
 */
export function messyBatch(rows: number, seed = 2026): MessyBatch {
  const parts: Uint8Array[] = []
  let clean = 0
  let chunks = 0
  for (let done = 0; done < rows; done += MAX_ROWS, chunks++) {
    const month = (chunks % 12) + 1
    const { bytes, stats } = generateSales({ rows: Math.min(MAX_ROWS, rows - done), seed: seed + chunks, batchDate: `2026-${String(month).padStart(2, '0')}-28` })
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
