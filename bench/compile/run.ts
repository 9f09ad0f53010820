/**
 * How long dlc takes to turn a workflow into ASL text, by workflow size, next to its peer:
 * AWS CDK's Step Functions library rendering the same workflow, measured in the same run.
 *
 *   pnpm bench:compile                          # 10, 100, 1,000 and 10,000 states, both tools
 *   pnpm bench:compile --sizes=10000 --runs=20  # one size, more runs
 *   pnpm bench:compile --tools=dlc              # dlc alone
 *
 * Each tool and size is timed in its own process (warm-up, then the median of N runs), and
 * its peak RSS is taken from another fresh process that builds, compiles and emits it once,
 * as `dlc compile` (or `cdk synth`) would. Never fails on time.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const TARGET = { states: 10_000, totalMs: 200, rssMb: 200 }

const TOOLS = ['dlc', 'aws-cdk-lib'] as const
type Tool = (typeof TOOLS)[number]

/**
 * Node flags a tool's processes need. CDK binds states to their graph recursively, one frame
 * per state in a chain: with Node's default stack (~1 MB) a cold 10,000-state run throws
 * "Maximum call stack size exceeded". 4 MB stays below the usual 8 MB thread stack.
 */
const NODE_FLAGS: Readonly<Record<Tool, readonly string[]>> = { dlc: [], 'aws-cdk-lib': ['--stack-size=4000'] }

interface Sample {
  readonly build: number
  readonly compile: number
  /** The part of `compile` that checks the definition (dlc's validate()); 0 for CDK, which has no checks. */
  readonly validate: number
  readonly emit: number
  readonly total: number
}

/** One build + compile + emit: its phases, the size of the text and, for dlc, how many diagnostics its checks raised. */
interface Run extends Sample {
  readonly bytes: number
  readonly diagnostics: number | undefined
}

interface SizeResult {
  readonly states: number
  readonly runs: number
  readonly median: Sample
  /** The fastest total: on a busy machine, the closest to what the code alone costs. */
  readonly minTotal: number
  readonly bytes: number
  readonly diagnostics: number | undefined
}

/** One cold build + compile + emit in a fresh process: what a single `dlc compile` holds at its peak. */
interface MemoryResult {
  /** That one run's total: no warm-up, so V8 has not optimised anything yet. */
  readonly coldTotal: number
  readonly peakRssMb: number
  readonly baselineRssMb: number
}

type Row = { readonly tool: Tool } & SizeResult & MemoryResult

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string]))

if (args.has('child')) {
  const once = await load(toolOf(args.get('tool')))
  console.log(JSON.stringify(measure(once, Number(args.get('child')), Number(args.get('runs')))))
} else if (args.has('memory-child')) {
  const once = await load(toolOf(args.get('tool')))
  console.log(JSON.stringify(measureMemory(once, Number(args.get('memory-child')))))
} else {
  const sizes = (args.get('sizes') ?? '10,100,1000,10000').split(',').map(Number)
  const tools = (args.get('tools') ?? TOOLS.join(',')).split(',').map(toolOf)
  const runs = args.has('runs') ? Number(args.get('runs')) : undefined
  printTable(
    sizes.flatMap((states) =>
      tools.map((tool) => ({
        tool,
        ...inChild<SizeResult>(tool, states, `--child=${states}`, `--runs=${runs ?? (states >= 10_000 ? 15 : 30)}`),
        ...inChild<MemoryResult>(tool, states, `--memory-child=${states}`),
      })),
    ),
  )
}

function toolOf(name: string | undefined): Tool {
  const tool = TOOLS.find((t) => t === name)
  if (tool === undefined) throw new Error(`unknown tool "${name}"; expected one of ${TOOLS.join(', ')}`)
  return tool
}

/**
 * The timed build + compile + emit of one tool. Only the child that measures a tool loads it,
 * so neither tool's modules sit in the other's heap or peak RSS.
 */
async function load(tool: Tool): Promise<(states: number) => Run> {
  if (tool === 'dlc') {
    const { emitWithDiagnostics, toJson, validate } = await import('../../packages/compiler/src/index.js')
    const { ordersWorkflow } = await import('./workload.js')
    return (states) => {
      const t0 = performance.now()
      const machine = ordersWorkflow(states).build()
      const t1 = performance.now()
      // compileWorkflow's two steps, timed apart: emit the definition, then validate it.
      const emitted = emitWithDiagnostics(machine)
      const tv = performance.now()
      const { diagnostics } = validate(emitted.definition, { type: machine.type })
      const t2 = performance.now()
      const text = toJson(emitted.definition)
      const t3 = performance.now()
      // Only the size is kept: holding every run's text would make later runs pay for its GC.
      return {
        build: t1 - t0,
        compile: t2 - t1,
        validate: t2 - tv,
        emit: t3 - t2,
        total: t3 - t0,
        bytes: Buffer.byteLength(text),
        diagnostics: emitted.diagnostics.length + diagnostics.length,
      }
    }
  }
  const { cdkOrdersWorkflow, renderCdkWorkflow } = await import('./cdk-workload.js')
  return (states) => {
    const t0 = performance.now()
    const built = cdkOrdersWorkflow(states)
    const t1 = performance.now()
    const definition = renderCdkWorkflow(built)
    const t2 = performance.now()
    // Indented like dlc's `toJson`, so both texts are the same kind of file.
    const text = JSON.stringify(definition, null, 2) + '\n'
    const t3 = performance.now()
    return { build: t1 - t0, compile: t2 - t1, validate: 0, emit: t3 - t2, total: t3 - t0, bytes: Buffer.byteLength(text), diagnostics: undefined }
  }
}

function measureMemory(once: (states: number) => Run, states: number): MemoryResult {
  const baselineRssMb = process.resourceUsage().maxRSS / 1024
  const { total } = once(states)
  return { coldTotal: total, peakRssMb: process.resourceUsage().maxRSS / 1024, baselineRssMb }
}

function measure(once: (states: number) => Run, states: number, runs: number): SizeResult {
  // Warm-up: let V8 optimise the hot paths before anything is timed.
  for (let i = 0; i < Math.max(3, Math.ceil(runs / 3)); i++) once(states)
  const samples: Run[] = []
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
    median: {
      build: median((s) => s.build),
      compile: median((s) => s.compile),
      validate: median((s) => s.validate),
      emit: median((s) => s.emit),
      total: median((s) => s.total),
    },
    minTotal: Math.min(...samples.map((s) => s.total)),
    bytes: last.bytes,
    diagnostics: last.diagnostics,
  }
}

/** Runs one measurement in a fresh process (same Node flags, so tsx still loads TypeScript). */
function inChild<T>(tool: Tool, states: number, ...flags: string[]): T {
  const child = spawnSync(process.execPath, [...process.execArgv, ...NODE_FLAGS[tool], fileURLToPath(import.meta.url), `--tool=${tool}`, ...flags], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  })
  // The tail only: a throw inside minified library code prints the whole line of source first.
  const stderr = child.stderr.split('\n').map((line) => (line.length > 300 ? `${line.slice(0, 300)}...` : line)).slice(-25).join('\n')
  if (child.status !== 0) throw new Error(`the ${states}-state ${tool} run failed:\n${stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop() as string) as T
}

function printTable(results: readonly Row[]): void {
  const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1)
  const rows = [
    ['tool', 'states', 'runs', 'build ms', 'compile ms', 'validate ms', 'emit ms', 'total ms', 'min total ms', 'states/ms', 'cold total ms', 'ASL KB', 'peak RSS MB', 'diagnostics'],
    ...results.map((r) => [
      r.tool,
      r.states.toLocaleString('en-US'),
      String(r.runs),
      ms(r.median.build),
      ms(r.median.compile),
      r.tool === 'dlc' ? ms(r.median.validate) : '-',
      ms(r.median.emit),
      ms(r.median.total),
      ms(r.minTotal),
      (r.states / r.median.total).toFixed(1),
      ms(r.coldTotal),
      (r.bytes / 1024).toFixed(0),
      r.peakRssMb.toFixed(0),
      r.diagnostics === undefined ? '-' : String(r.diagnostics),
    ]),
  ]
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  const line = (row: readonly string[]) => `| ${row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`
  console.log(
    `node ${process.version}, ${process.platform}/${process.arch}; phase and total columns are medians of warm runs; cold total and peak RSS are one run in a fresh process\n` +
      `dlc: build = DSL -> IR, compile = IR -> ASL + checks (compileWorkflow: emitWithDiagnostics, then validate), validate = the checks' part of compile, emit = JSON text\n` +
      `aws-cdk-lib: build = App + Stack + state constructs, compile = StateGraph + toGraphJson (no checks comparable to dlc's), emit = JSON.stringify;` +
      ` run with ${NODE_FLAGS['aws-cdk-lib'].join(' ')} (a 10,000-state chain overflows Node's default stack)\n`,
  )
  console.log(line(rows[0]!))
  console.log(`| ${widths.map((w, column) => (column === 0 ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ')} |`)
  for (const row of rows.slice(1)) console.log(line(row))
  printComparison(results, ms)
  const target = results.find((r) => r.tool === 'dlc' && r.states === TARGET.states)
  if (target === undefined) return
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met')
  console.log(
    `\ntarget ${TARGET.states.toLocaleString('en-US')} states < ${TARGET.totalMs} ms: ${verdict(target.median.total < TARGET.totalMs)} (${ms(target.median.total)} ms)` +
      `\ntarget ${TARGET.states.toLocaleString('en-US')} states < ${TARGET.rssMb} MB peak RSS: ${verdict(target.peakRssMb < TARGET.rssMb)} (${target.peakRssMb.toFixed(0)} MB; the process starts at ${target.baselineRssMb.toFixed(0)} MB)`,
  )
}

/** dlc against aws-cdk-lib at the largest size both were measured at. */
function printComparison(results: readonly Row[], ms: (n: number) => string): void {
  const states = Math.max(...results.filter((r) => results.some((o) => o.tool !== r.tool && o.states === r.states)).map((r) => r.states))
  const dlc = results.find((r) => r.tool === 'dlc' && r.states === states)
  const cdk = results.find((r) => r.tool === 'aws-cdk-lib' && r.states === states)
  if (dlc === undefined || cdk === undefined) return
  const verdict = dlc.median.total <= cdk.median.total ? `${(cdk.median.total / dlc.median.total).toFixed(1)}x faster` : `${(dlc.median.total / cdk.median.total).toFixed(1)}x slower`
  const times = (pick: (r: Row) => number) => `${ms(pick(dlc))} vs ${ms(pick(cdk))} ms (${(pick(cdk) / pick(dlc)).toFixed(1)}x)`
  console.log(
    `\ndlc is ${verdict} than aws-cdk-lib at ${states.toLocaleString('en-US')} states (median total ${ms(dlc.median.total)} vs ${ms(cdk.median.total)} ms);` +
      ` fastest run ${times((r) => r.minTotal)}; cold run ${times((r) => r.coldTotal)}`,
  )
}
