/**
 * `dlc run examples/datalake --rows N` end to end, as a user runs it: a fresh process of the built
 * CLI (`packages/cli/bin/dlc.js`, so `pnpm build` first) on a fresh copy of the example, timed
 * from start to exit: compile, generate the rows, place them, run the state machine (both Glue
 * jobs on DuckDB, the crawler, the Athena checks and queries, SNS), write the summary. Next to it,
 * in the same rounds, raw DuckDB doing only the two ETLs on the same generated files (decoding
 * the ERP export, the SQL, the COPYs, timed from its first read to its last write): the floor.
 *
 *   pnpm bench:run                        # 1,000,000 rows, 3 rounds
 *   pnpm bench:run --rows=200000 --runs=5
 *
 * Never fails on time.
 */
import { spawnSync } from 'node:child_process'
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { RunSummary } from '@dlc/runtime'

const TARGET_SECONDS = 15
const BATCH_DATE = '2026-11-24'

const { values } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' } } })
const rows = Number(values.rows)
const runs = Number(values.runs)
const repoRoot = fileURLToPath(new URL('../../', import.meta.url))
const bin = join(repoRoot, 'packages/cli/bin/dlc.js')
const peakRss = fileURLToPath(new URL('./peak-rss.mjs', import.meta.url))
const peer = fileURLToPath(new URL('./e2e-peer.ts', import.meta.url))
if (!existsSync(join(repoRoot, 'packages/cli/dist'))) throw new Error('build the CLI first: pnpm build')

interface Sample {
  readonly seconds: number
  readonly etlSeconds: number
  readonly peakRssMb: number
  readonly rowsRead: number
}

// Inside the repository, so the copy's `@dlc/dsl` resolves to the workspace's, as the example's does.
mkdirSync(join(repoRoot, 'bench/etl/results'), { recursive: true })
const folder = mkdtempSync(join(repoRoot, 'bench/etl/results/end-to-end-'))
const samples = { 'dlc run': [] as Sample[], 'duckdb, ETL only': [] as Sample[] }
try {
  for (let round = 1; round <= runs; round++) {
    const project = join(folder, `round-${round}`)
    for (const part of ['pipeline.ts', 'sql', 'generator', 'package.json']) cpSync(join(repoRoot, 'examples/datalake', part), join(project, part), { recursive: true })
    const dlc = timed(['--import', peakRss, bin, 'run', project, '--rows', String(rows), '--batch-date', BATCH_DATE, '--format', 'json'])
    const summary = JSON.parse(dlc.stdout) as RunSummary
    if (summary.status !== 'SUCCEEDED') throw new Error(`dlc run ${summary.status}: ${summary.error ?? ''} ${summary.cause ?? ''}`)
    const etlSeconds = summary.states.filter((state) => state.name.startsWith('Clean ')).reduce((sum, state) => sum + state.seconds, 0)
    const rowsRead = summary.datasets.reduce((sum, dataset) => sum + (dataset.rowsRead ?? 0), 0)
    samples['dlc run'].push({ seconds: dlc.seconds, etlSeconds, peakRssMb: dlc.peakRssMb, rowsRead })

    const lake = join(project, '.dlc/s3')
    const bucket = readdirSync(lake).find((name) => existsSync(join(lake, name, 'raw')))
    if (bucket === undefined) throw new Error(`no raw zone under ${lake}`)
    const raw = join(lake, bucket, 'raw')
    const work = join(project, 'peer')
    mkdirSync(work)
    const duckdb = timed(['--import', 'tsx', '--import', peakRss, peer, raw, BATCH_DATE, work])
    // The peer's own clock, from its first read to its last write: tsx compiling the bench's
    // TypeScript at its start is no part of the work.
    const figures = JSON.parse(duckdb.stdout.trim().split('\n').at(-1) ?? '{}') as { seconds: number; etlSeconds: number; rowsRead: number }
    samples['duckdb, ETL only'].push({ seconds: figures.seconds, etlSeconds: figures.etlSeconds, peakRssMb: duckdb.peakRssMb, rowsRead: figures.rowsRead })
    console.log(`round ${round}/${runs}: dlc run ${dlc.seconds.toFixed(2)} s (Glue jobs ${etlSeconds.toFixed(2)} s), peak RSS ${dlc.peakRssMb.toFixed(0)} MB; duckdb ${figures.seconds.toFixed(2)} s (ETL ${figures.etlSeconds.toFixed(2)} s)`)
    rmSync(project, { recursive: true, force: true })
  }
  printTable()
} finally {
  rmSync(folder, { recursive: true, force: true })
}

/** Runs node with `args` in the repository, timing it from spawn to exit. */
function timed(args: readonly string[]): { seconds: number; peakRssMb: number; stdout: string } {
  const rssFile = join(folder, 'rss')
  const started = performance.now()
  const child = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, DLC_BENCH_RSS_FILE: rssFile } })
  const seconds = (performance.now() - started) / 1000
  if (child.status !== 0) throw new Error(`node ${args.join(' ')} failed (exit ${child.status}):\n${child.stderr}`)
  return { seconds, peakRssMb: Number(readFileSync(rssFile, 'utf8')) / 1024, stdout: child.stdout }
}

function printTable(): void {
  const median = (numbers: number[]): number => {
    const sorted = [...numbers].sort((a, b) => a - b)
    const middle = Math.floor(sorted.length / 2)
    return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2
  }
  const header = ['what runs', 'runs', 'median s', 'min s', 'ETL s', 'the rest s', 'peak RSS MB', 'rows read']
  const lines = Object.entries(samples).map(([what, list]) => {
    const seconds = median(list.map((sample) => sample.seconds))
    const etl = median(list.map((sample) => sample.etlSeconds))
    return [what, String(list.length), seconds.toFixed(2), Math.min(...list.map((sample) => sample.seconds)).toFixed(2), etl.toFixed(2), (seconds - etl).toFixed(2), Math.max(...list.map((sample) => sample.peakRssMb)).toFixed(0), (list[0]?.rowsRead ?? 0).toLocaleString('en-US')]
  })
  const widths = header.map((title, index) => Math.max(title.length, ...lines.map((line) => (line[index] ?? '').length)))
  const row = (cells: readonly string[]): string => `| ${cells.map((cell, index) => (index === 0 ? cell.padEnd(widths[index] ?? 0) : cell.padStart(widths[index] ?? 0))).join(' | ')} |`
  console.log(`\n${row(header)}\n| ${widths.map((width, index) => (index === 0 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |\n${lines.map(row).join('\n')}\n`)
  const dlcMedian = median(samples['dlc run'].map((sample) => sample.seconds))
  console.log(`target: dlc run --rows ${rows.toLocaleString('en-US')} end to end under ${TARGET_SECONDS} s: ${dlcMedian < TARGET_SECONDS ? 'met' : 'NOT met'} (median ${dlcMedian.toFixed(2)} s)`)
}
