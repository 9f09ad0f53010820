/**
 * A messy 1,000,000-row CSV to partitioned Parquet + quarantine: dlc's local Glue job next to raw
 * DuckDB running the same SQL and COPY statements with nothing in between, in the same run.
 *
 *   pnpm bench:etl                               # 1,000,000 rows, 3 runs of each tool
 *   pnpm bench:etl --rows=200000 --runs=5
 *   pnpm bench:etl --tools=dlc,duckdb
 *   npx tsx bench/etl/run.ts                     # the same without pnpm
 *
 * Every run is a fresh process (worker.ts), so each peak RSS is that run's alone; the tools take
 * turns, round after round, so the machine's load hits them alike. Never fails on time.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { messyBatch } from './batch.js'
import type { WorkerResult } from './worker.js'

const TARGET = { ratio: 1.25, rssMb: 1024 }
const ALL_TOOLS = ['dlc', 'duckdb', 'duckdb-512MB'] as const
const BASELINE = 'duckdb'

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' }, tools: { type: 'string', default: ALL_TOOLS.join(',') } } })
const rows = Number(values.rows)
const runs = Number(values.runs)
const tools = values.tools.split(',')
const worker = fileURLToPath(new URL('./worker.ts', import.meta.url))
const repoRoot = fileURLToPath(new URL('../../', import.meta.url))

const folder = mkdtempSync(join(tmpdir(), 'dlc-bench-etl-'))
try {
  const batch = messyBatch(rows)
  const csv = join(folder, 'sales.csv')
  writeFileSync(csv, batch.bytes)
  console.log(`batch: ${rows.toLocaleString('en-US')} rows (${batch.chunks} generator chunks, ${batch.clean.toLocaleString('en-US')} clean records), ${(batch.bytes.length / 1e6).toFixed(1)} MB of UTF-8 CSV`)
  const results = new Map<string, WorkerResult[]>(tools.map((tool) => [tool, []]))
  for (let round = 1; round <= runs; round++) {
    for (const tool of tools) {
      const work = mkdtempSync(join(folder, `${tool}-`))
      const child = spawnSync(process.execPath, ['--import', 'tsx', worker, tool, csv, work], { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 24 })
      rmSync(work, { recursive: true, force: true })
      if (child.status !== 0) throw new Error(`${tool} failed:\n${child.stderr}`)
      const result = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as WorkerResult
      results.get(tool)?.push(result)
      const { setup, sql, write, publish } = result.phases
      console.log(`round ${round}/${runs} ${tool.padEnd(12)} ${result.seconds.toFixed(2)} s (setup ${setup.toFixed(2)}, SQL ${sql.toFixed(2)}, Parquet ${write.toFixed(2)}, publish ${publish.toFixed(2)}), peak RSS ${result.peakRssMb.toFixed(0)} MB`)
    }
  }
  printTable(results)
} finally {
  rmSync(folder, { recursive: true, force: true })
}

function printTable(results: Map<string, WorkerResult[]>): void {
  const median = (numbers: number[]): number => {
    const sorted = [...numbers].sort((a, b) => a - b)
    const middle = Math.floor(sorted.length / 2)
    return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
  }
  const baseline = median((results.get(BASELINE) ?? []).map((result) => result.seconds))
  const header = ['tool', 'runs', 'median s', 'min s', 'SQL s', 'Parquet s', 'dlc only s', 'peak RSS MB', 'rows/s', `vs ${BASELINE}`, 'read', 'written', 'rejected', 'deduplicated', 'partitions']
  const lines = [...results].map(([tool, samples]) => {
    const seconds = median(samples.map((sample) => sample.seconds))
    const phase = (pick: (phases: WorkerResult['phases']) => number): string => median(samples.map((sample) => pick(sample.phases))).toFixed(2)
    const first = samples[0]
    return [
      tool,
      String(samples.length),
      seconds.toFixed(2),
      Math.min(...samples.map((sample) => sample.seconds)).toFixed(2),
      phase((phases) => phases.sql),
      phase((phases) => phases.write),
      tool === 'dlc' ? phase((phases) => phases.setup + phases.publish) : '-',
      Math.max(...samples.map((sample) => sample.peakRssMb)).toFixed(0),
      Math.round((first?.rowsRead ?? 0) / seconds).toLocaleString('en-US'),
      baseline > 0 ? `${(seconds / baseline).toFixed(2)}x` : '-',
      ...[first?.rowsRead, first?.rowsWritten, first?.rowsRejected, first?.rowsDeduplicated, first?.partitions].map((count) => (count ?? 0).toLocaleString('en-US')),
    ]
  })
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => (line[column] ?? '').length)))
  const row = (cells: string[]): string => `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ')} |`
  console.log()
  console.log(row(header))
  console.log(`| ${widths.map((width, column) => (column === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`)
  for (const line of lines) console.log(row(line))
  const dlc = lines.find((line) => line[0] === 'dlc')
  if (dlc !== undefined && baseline > 0) {
    const ratio = Number(dlc[2]) / baseline
    const rss = Number(dlc[7])
    console.log(`\ntargets: dlc within ${TARGET.ratio}x of raw DuckDB: ${ratio <= TARGET.ratio ? 'met' : 'NOT met'} (${ratio.toFixed(2)}x); peak RSS under ${TARGET.rssMb} MB: ${rss < TARGET.rssMb ? 'met' : 'NOT met'} (${rss} MB)`)
  }
  const counts = new Set([...results.values()].flat().map(({ rowsRead, rowsWritten, rowsRejected, rowsDeduplicated, partitions }) => `${rowsRead}/${rowsWritten}/${rowsRejected}/${rowsDeduplicated}/${partitions}`))
  if (counts.size > 1) console.log(`WARNING: the runs disagree on the row counts: ${[...counts].join(', ')}`)
}
