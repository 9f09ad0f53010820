/**
 * How long dlc takes to turn a workflow into ASL text, by workflow size.
 *
 *   pnpm bench:compile                          # 10, 100, 1,000 and 10,000 states
 *   pnpm bench:compile --sizes=10000 --runs=20  # one size, more runs
 *
 * Each size is timed in its own process (warm-up, then the median of N runs), and its peak
 * RSS is taken from another fresh process that builds, compiles and emits it once, as
 * `dlc compile` would. Never fails on time.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { compileWorkflow, toJson } from '../../packages/compiler/src/index.js'
import { ordersWorkflow } from './workload.js'

const TARGET = { states: 10_000, totalMs: 200, rssMb: 200 }

interface Sample {
  readonly build: number
  readonly compile: number
  readonly emit: number
  readonly total: number
}

interface SizeResult {
  readonly states: number
  readonly runs: number
  readonly median: Sample
  /** The fastest total: on a busy machine, the closest to what the code alone costs. */
  readonly minTotal: number
  readonly bytes: number
  readonly diagnostics: number
}

/** One cold build + compile + emit in a fresh process: what a single `dlc compile` holds at its peak. */
interface MemoryResult {
  /** That one run's total: no warm-up, so V8 has not optimised anything yet. */
  readonly coldTotal: number
  readonly peakRssMb: number
  readonly baselineRssMb: number
}

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]))

if (args.has('child')) {
  console.log(JSON.stringify(measure(Number(args.get('child')), Number(args.get('runs')))))
} else if (args.has('memory-child')) {
  console.log(JSON.stringify(measureMemory(Number(args.get('memory-child')))))
} else {
  const sizes = (args.get('sizes') ?? '10,100,1000,10000').split(',').map(Number)
  const runs = args.has('runs') ? Number(args.get('runs')) : undefined
  printTable(
    sizes.map((states) => ({
      ...inChild<SizeResult>(states, `--child=${states}`, `--runs=${runs ?? (states >= 10_000 ? 15 : 30)}`),
      ...inChild<MemoryResult>(states, `--memory-child=${states}`),
    })),
  )
}

/** One build + compile + emit, each phase timed. */
function once(states: number): Sample & { readonly bytes: number; readonly diagnostics: number } {
  const t0 = performance.now()
  const machine = ordersWorkflow(states).build()
  const t1 = performance.now()
  const compiled = compileWorkflow(machine)
  const t2 = performance.now()
  const text = toJson(compiled.definition)
  const t3 = performance.now()
  // Only the size is kept: holding every run's text would make later runs pay for its GC.
  return { build: t1 - t0, compile: t2 - t1, emit: t3 - t2, total: t3 - t0, bytes: Buffer.byteLength(text), diagnostics: compiled.diagnostics.length }
}

function measureMemory(states: number): MemoryResult {
  const baselineRssMb = process.resourceUsage().maxRSS / 1024
  const { total } = once(states)
  return { coldTotal: total, peakRssMb: process.resourceUsage().maxRSS / 1024, baselineRssMb }
}

function measure(states: number, runs: number): SizeResult {
  // Warm-up: let V8 optimise the hot paths before anything is timed.
  for (let i = 0; i < Math.max(3, Math.ceil(runs / 3)); i++) once(states)
  const samples: ReturnType<typeof once>[] = []
  for (let i = 0; i < Math.max(1, runs); i++) samples.push(once(states))
  const last = samples[samples.length - 1]!
  const median = (pick: (s: Sample) => number) => {
    const sorted = samples.map(pick).sort((a, b) => a - b)
    const mid = Math.floor(sorted.length / 2)
    return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
  }
  return {
    states,
    runs,
    median: { build: median((s) => s.build), compile: median((s) => s.compile), emit: median((s) => s.emit), total: median((s) => s.total) },
    minTotal: Math.min(...samples.map((s) => s.total)),
    bytes: last.bytes,
    diagnostics: last.diagnostics,
  }
}

/** Runs one measurement in a fresh process (same Node flags, so tsx still loads TypeScript). */
function inChild<T>(states: number, ...flags: string[]): T {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), ...flags], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  })
  if (child.status !== 0) throw new Error(`the ${states}-state run failed:\n${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop() as string) as T
}

function printTable(results: readonly (SizeResult & MemoryResult)[]): void {
  const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1)
  const rows = [
    ['states', 'runs', 'build ms', 'compile ms', 'emit ms', 'total ms', 'min total ms', 'states/ms', 'cold total ms', 'ASL KB', 'peak RSS MB', 'diagnostics'],
    ...results.map((r) => [
      r.states.toLocaleString('en-US'),
      String(r.runs),
      ms(r.median.build),
      ms(r.median.compile),
      ms(r.median.emit),
      ms(r.median.total),
      ms(r.minTotal),
      (r.states / r.median.total).toFixed(1),
      ms(r.coldTotal),
      (r.bytes / 1024).toFixed(0),
      r.peakRssMb.toFixed(0),
      String(r.diagnostics),
    ]),
  ]
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  const line = (row: readonly string[]) => `| ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`
  console.log(
    `node ${process.version}, ${process.platform}/${process.arch}; build = DSL -> IR, compile = IR -> ASL + checks, emit = JSON text;` +
      ` phase and total columns are medians of warm runs; cold total and peak RSS are one run in a fresh process\n`,
  )
  console.log(line(rows[0]!))
  console.log(`| ${widths.map((w, column) => (column === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ')} |`)
  for (const row of rows.slice(1)) console.log(line(row))
  const target = results.find((r) => r.states === TARGET.states)
  if (target === undefined) return
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met')
  console.log(
    `\ntarget ${TARGET.states.toLocaleString('en-US')} states < ${TARGET.totalMs} ms: ${verdict(target.median.total < TARGET.totalMs)} (${ms(target.median.total)} ms)` +
      `\ntarget ${TARGET.states.toLocaleString('en-US')} states < ${TARGET.rssMb} MB peak RSS: ${verdict(target.peakRssMb < TARGET.rssMb)} (${target.peakRssMb.toFixed(0)} MB; the process starts at ${target.baselineRssMb.toFixed(0)} MB)`,
  )
}
