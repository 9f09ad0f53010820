/**
 * How many executions per second dlc's local interpreter runs, next to aws-local-stepfunctions
 * running the same machines on the same inputs in the same run, and whether dlc's heap stays
 * flat over 100,000 executions.
 *
 *   pnpm bench:runtime                                   # both tables, every tool but aws-local-per-run
 *   pnpm bench:runtime --tools=dlc-lean,aws-local        # some tools (tools.ts lists them)
 *   pnpm bench:runtime --machines=order --memory=off     # the 10-state machine, no memory table
 *   pnpm bench:runtime --rounds=5                        # more turns per tool
 *   pnpm bench:runtime --quick                           # a tenth of the timing budget, 10,000 executions for memory
 *   npx tsx bench/runtime/run.ts                         # the same without pnpm
 *
 * First every tool runs every machine once in this process, and the outputs must be equal, or
 * the bench stops. Then each tool and machine is timed in processes of its own, which load only
 * that tool: warm-up, then batches of executions one after another. The tools take turns, round
 * after round (3 unless --rounds says), so a change in the machine's load hits them alike; the
 * table's median and fastest are over every round's samples. The memory table comes from a
 * process per tool run with --expose-gc: the heap after a full collection, after 1,000, 10,000
 * and 100,000 executions. Never fails on time or on a missed target.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { isDeepStrictEqual } from 'node:util'
import { markdownTable, ms } from '../validate/print.js'
import { MACHINES, orderSummary, type BenchMachine } from './machines.js'
import { DEFAULT_TOOLS, prepare, TOOL_LABELS, toolOf, type Execute, type ToolName } from './tools.js'

/** The issue's targets: at least twice aws-local-stepfunctions' throughput, a flat heap over 100,000 executions. */
const TARGET = { timesAwsLocal: 2, memoryExecutions: 100_000 }

/** The tools whose heap the memory table follows. */
const MEMORY_TOOLS: readonly ToolName[] = ['dlc', 'dlc-no-history', 'aws-local']

interface Budget {
  /** Warm-up: at least this long (and `minWarmup` executions), so V8 has optimised the hot paths. */
  readonly warmupMs: number
  readonly minWarmup: number
  /** One sample is a batch of executions lasting about this long (at least one execution). */
  readonly batchMs: number
  /** Samples are taken for about this long, within these bounds. */
  readonly timedMs: number
  readonly minSamples: number
  readonly maxSamples: number
}

/** What one process measured: each sample is a batch's mean time per execution. */
interface Round {
  readonly executions: number
  readonly perExecutionMs: readonly number[]
}

interface Timing {
  readonly executions: number
  /** Per execution: the median and the fastest of every round's samples. */
  readonly medianMs: number
  readonly minMs: number
}

interface MemoryPoint {
  readonly executions: number
  readonly heapUsedMb: number
  readonly rssMb: number
  /** Seconds since the first execution. */
  readonly seconds: number
}

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string | undefined]))
const scale = args.has('quick') ? 0.1 : 1
const ROUNDS = Number(args.get('rounds') ?? 3)
const CHECKPOINTS = args.has('quick') ? [1_000, 10_000] : [1_000, 10_000, 100_000]

if (args.has('time-child')) {
  const machine = machineOf(args.get('machine'))
  console.log(JSON.stringify(await measure(await prepare(toolOf(args.get('time-child')), machine), budgetFor(machine))))
} else if (args.has('memory-child')) {
  console.log(JSON.stringify(await followHeap(await prepare(toolOf(args.get('memory-child')), orderSummary))))
} else {
  const tools = args.has('tools') ? (args.get('tools') ?? '').split(',').map(toolOf) : DEFAULT_TOOLS
  const machines = args.has('machines') ? (args.get('machines') ?? '').split(',').map(machineOf) : MACHINES
  await checkOutputs(tools, machines)
  printHeader(machines)
  printThroughput(timeInRounds(tools, machines))
  if (args.get('memory') !== 'off') printMemory(MEMORY_TOOLS.filter((tool) => tools.includes(tool)).map((tool) => ({ tool, points: inChild<MemoryPoint[]>(['--expose-gc'], `--memory-child=${tool}`) })))
}

function machineOf(name: string | undefined): BenchMachine {
  const machine = MACHINES.find((m) => m.name === name || m.name.startsWith(name ?? '\0'))
  if (machine === undefined) throw new Error(`unknown machine "${name}"; expected one of ${MACHINES.map((m) => `"${m.name}"`).join(', ')}`)
  return machine
}

/** One round's budget in one process. */
function budgetFor(machine: BenchMachine): Budget {
  if (machine === orderSummary) return { warmupMs: 1000 * scale, minWarmup: 50, batchMs: 50, timedMs: 2000 * scale, minSamples: 10, maxSamples: 100 }
  return { warmupMs: 1000 * scale, minWarmup: 2, batchMs: 0, timedMs: 4000 * scale, minSamples: 3, maxSamples: 10 }
}

/** Every tool and machine timed in ROUNDS processes; each round the tools go in a different order. */
function timeInRounds(tools: readonly ToolName[], machines: readonly BenchMachine[]): Array<{ tool: ToolName; machine: BenchMachine } & Timing> {
  const rounds = new Map<string, Round[]>()
  for (let round = 0; round < ROUNDS; round++) {
    for (const machine of machines) {
      const order = tools.map((_, i) => tools[(i + round) % tools.length]!)
      for (const tool of order) {
        const key = `${tool}\0${machine.name}`
        rounds.set(key, [...(rounds.get(key) ?? []), inChild<Round>(['--expose-gc'], `--time-child=${tool}`, `--machine=${machine.name}`)])
      }
    }
  }
  return machines.flatMap((machine) => tools.map((tool) => ({ tool, machine, ...summarize(rounds.get(`${tool}\0${machine.name}`) ?? []) })))
}

function summarize(rounds: readonly Round[]): Timing {
  const samples = rounds.flatMap((round) => round.perExecutionMs).sort((a, b) => a - b)
  const mid = Math.floor(samples.length / 2)
  const medianMs = samples.length % 2 === 1 ? samples[mid]! : (samples[mid - 1]! + samples[mid]!) / 2
  return { executions: rounds.reduce((sum, round) => sum + round.executions, 0), medianMs, minMs: samples[0]! }
}

/** Every tool gives the same output for each machine, or the bench stops: a fast wrong answer is not a result. */
async function checkOutputs(tools: readonly ToolName[], machines: readonly BenchMachine[]): Promise<void> {
  for (const machine of machines) {
    const outputs = new Map<ToolName, unknown>()
    for (const tool of tools) outputs.set(tool, await (await prepare(tool, machine))())
    const [first, expected] = [...outputs][0]!
    for (const [tool, output] of outputs) {
      if (!isDeepStrictEqual(output, expected)) {
        throw new Error(`${machine.name}: ${tool} and ${first} give different outputs:\n${first}: ${JSON.stringify(expected).slice(0, 2000)}\n${tool}: ${JSON.stringify(output).slice(0, 2000)}`)
      }
    }
  }
}

/** Executions one after another (each awaited, as a test or a CLI runs them), timed batch by batch. */
async function measure(execute: Execute, budget: Budget): Promise<Round> {
  const warmupStart = performance.now()
  let warmups = 0
  while (warmups < budget.minWarmup || performance.now() - warmupStart < budget.warmupMs) {
    await execute()
    warmups += 1
  }
  const meanMs = (performance.now() - warmupStart) / warmups
  const batch = Math.max(1, Math.round(budget.batchMs / meanMs))
  const samples = Math.min(budget.maxSamples, Math.max(budget.minSamples, Math.round(budget.timedMs / (batch * meanMs))))
  // A collection before timing, so the warm-up's garbage is not charged to the first samples.
  globalThis.gc?.()
  const perExecution: number[] = []
  for (let sample = 0; sample < samples; sample++) {
    const start = performance.now()
    for (let i = 0; i < batch; i++) await execute()
    perExecution.push((performance.now() - start) / batch)
  }
  return { executions: samples * batch, perExecutionMs: perExecution }
}

/** The heap after a full collection, after the first execution and at each checkpoint. */
async function followHeap(execute: Execute): Promise<MemoryPoint[]> {
  const gc = globalThis.gc
  if (gc === undefined) throw new Error('the memory child needs node --expose-gc')
  const start = performance.now()
  const point = (executions: number): MemoryPoint => {
    gc()
    const { heapUsed, rss } = process.memoryUsage()
    return { executions, heapUsedMb: heapUsed / 2 ** 20, rssMb: rss / 2 ** 20, seconds: (performance.now() - start) / 1000 }
  }
  await execute()
  const points = [point(1)]
  let done = 1
  for (const checkpoint of CHECKPOINTS) {
    for (; done < checkpoint; done++) await execute()
    points.push(point(done))
  }
  return points
}

/** Runs one measurement in a fresh process (same Node flags, so tsx still loads TypeScript). */
function inChild<T>(nodeFlags: readonly string[], ...flags: string[]): T {
  const child = spawnSync(process.execPath, [...process.execArgv, ...nodeFlags, fileURLToPath(import.meta.url), ...flags, ...(args.has('quick') ? ['--quick'] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  })
  const stderr = child.stderr.split('\n').map((line) => (line.length > 300 ? `${line.slice(0, 300)}...` : line)).slice(-25).join('\n')
  if (child.status !== 0) throw new Error(`${flags.join(' ')} failed:\n${stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop() as string) as T
}

function printHeader(machines: readonly BenchMachine[]): void {
  console.log(`node ${process.version}, ${process.platform}/${process.arch}; executions run one after another, each awaited; ${ROUNDS} rounds, tools taking turns; every tool gave the same outputs`)
  for (const machine of machines) console.log(`  ${machine.name}: ${machine.description}`)
  console.log()
}

function printThroughput(rows: ReadonlyArray<{ tool: ToolName; machine: BenchMachine } & Timing>): void {
  const peer = (machine: BenchMachine) => rows.find((r) => r.machine === machine && r.tool === 'aws-local')
  const perSecond = (t: Timing) => 1000 / t.medianMs
  console.log(
    markdownTable(
      ['tool', 'machine', 'executions', 'executions/s', 'median ms', 'min ms', 'vs aws-local'],
      rows.map((r) => {
        const reference = peer(r.machine)
        return [
          TOOL_LABELS[r.tool],
          r.machine.name,
          r.executions.toLocaleString('en-US'),
          rate(perSecond(r)),
          ms(r.medianMs),
          ms(r.minMs),
          reference === undefined ? '-' : `${(perSecond(r) / perSecond(reference)).toFixed(2)}x`,
        ]
      }),
    ),
  )
  for (const machine of new Set(rows.map((r) => r.machine))) {
    const reference = peer(machine)
    if (reference === undefined) continue
    for (const tool of ['dlc', 'dlc-lean'] as const) {
      const row = rows.find((r) => r.machine === machine && r.tool === tool)
      if (row === undefined) continue
      const ratio = reference.medianMs / row.medianMs
      console.log(`target ${machine.name}, ${TOOL_LABELS[tool]} >= ${TARGET.timesAwsLocal}x aws-local-stepfunctions: ${ratio >= TARGET.timesAwsLocal ? 'met' : 'NOT met'} (${ratio.toFixed(2)}x)`)
    }
  }
}

/** Executions per second: whole numbers from 100 up, two significant-ish digits below. */
function rate(n: number): string {
  return n >= 100 ? Math.round(n).toLocaleString('en-US') : n.toFixed(n >= 10 ? 1 : 2)
}

function printMemory(rows: ReadonlyArray<{ tool: ToolName; points: readonly MemoryPoint[] }>): void {
  if (rows.length === 0) return
  const checkpoints = rows[0]!.points.map((p) => p.executions)
  console.log(`\nheap used (MB, after global.gc()) running "${orderSummary.name}" again and again; RSS and seconds at the last checkpoint\n`)
  console.log(
    markdownTable(
      ['tool', ...checkpoints.map((n) => `after ${n.toLocaleString('en-US')}`), 'growth', 'RSS MB', 'seconds'],
      rows.map(({ tool, points }) => {
        const last = points[points.length - 1]!
        return [TOOL_LABELS[tool], ...points.map((p) => p.heapUsedMb.toFixed(1)), `${(last.heapUsedMb - points[1]!.heapUsedMb).toFixed(1)} MB`, last.rssMb.toFixed(0), last.seconds.toFixed(1)]
      }),
    ),
  )
  for (const { tool, points } of rows.filter((r) => r.tool.startsWith('dlc'))) {
    const last = points[points.length - 1]!
    // Flat: what 1,000 executions leave behind is all the heap ever holds, within 1 MB.
    const growth = last.heapUsedMb - points[1]!.heapUsedMb
    const verdict = last.executions < TARGET.memoryExecutions ? `not measured (${last.executions.toLocaleString('en-US')} executions)` : growth <= 1 ? 'met' : 'NOT met'
    console.log(`target ${TOOL_LABELS[tool]} heap flat over ${TARGET.memoryExecutions.toLocaleString('en-US')} executions: ${verdict} (${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MB from 1,000 to ${last.executions.toLocaleString('en-US')})`)
  }
}
