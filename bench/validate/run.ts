/**
 * How fast dlc's validator is, and what it catches, next to its peers measured in the same run:
 * asl-validator, @wmfs/statelint and AWS's amazon-states-language-service.
 *
 *   pnpm bench:validate                      # both tables, every tool
 *   pnpm bench:validate --tools=dlc,statelint
 *   pnpm bench:validate --quick              # a tenth of the timing budget, for trying changes
 *   pnpm bench:validate --defects-only       # table 2 alone
 *   npx tsx bench/validate/run.ts            # the same without pnpm
 *
 * Table 1 times each tool in its own process, which loads only that tool: warm-up, then per-call
 * times on a 20-state definition (JSONPath, and JSONata for the tools that read it) and on passes
 * over the public corpus. Table 2 runs every tool on every defect case in this process. Never
 * fails on time or on a missed target.
 */
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { defectCases, judge, MARKS, OWN_DEFECTS_DIR, RULE_FIXTURES_DIR, type Verdict } from './defects.js'
import { markdownTable, ms, us } from './print.js'
import { timeCall, timeOne, timePasses, type Budget, type PassBudget, type PassTiming, type Timing } from './timing.js'
import { loadValidator, TOOLS, toolOf, type ToolName } from './tools.js'
import { corpusSubjects, ORDER_WORKLOADS, orderSubject } from './workloads.js'

/** The targets from the issue: per call, dlc at least 100x faster than asl-validator and no slower than statelint. */
const TARGET = { timesFasterThanAslValidator: 100 }

/** What one tool's process measured. */
interface ToolTimings {
  readonly tool: ToolName
  /** Building the tool's instance (modules already loaded) plus its first call, on the JSONPath order definition. */
  readonly firstCallMs: number
  /** By workload name; absent for a workload the tool does not read. */
  readonly orders: Readonly<Record<string, Timing>>
  readonly corpus: PassTiming
}

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string | undefined]))
const scale = args.has('quick') ? 0.1 : 1
const ORDER_BUDGET: Budget = { warmupMs: 500 * scale, timedMs: 3000 * scale, minCalls: 20, maxCalls: 20_000 }
const CORPUS_BUDGET: PassBudget = { timedMs: 6000 * scale, minPasses: 2, maxPasses: 50 }

if (args.has('child')) {
  console.log(JSON.stringify(await measure(toolOf(args.get('child')))))
} else {
  const tools = (args.get('tools') ?? TOOLS.join(',')).split(',').map(toolOf)
  if (!args.has('defects-only')) printTimings(tools.map(inChild))
  await printDefects(tools)
}

async function measure(name: ToolName): Promise<ToolTimings> {
  // The first load only fills the module cache, so the timed one below builds the instance alone.
  await loadValidator(name)
  const order = orderSubject(ORDER_WORKLOADS[0].file)
  const start = performance.now()
  const tool = await loadValidator(name)
  await timeCall(tool, order)
  const firstCallMs = performance.now() - start
  const orders: Record<string, Timing> = {}
  for (const workload of ORDER_WORKLOADS) {
    if (workload.jsonata && !tool.readsJsonata) continue
    orders[workload.name] = await timeOne(tool, orderSubject(workload.file), ORDER_BUDGET)
  }
  return { tool: name, firstCallMs, orders, corpus: await timePasses(tool, corpusSubjects(), CORPUS_BUDGET) }
}

/** Runs one tool's measurements in a fresh process (same Node flags, so tsx still loads TypeScript). */
function inChild(tool: ToolName): ToolTimings {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), `--child=${tool}`, ...(args.has('quick') ? ['--quick'] : [])], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  })
  if (child.status !== 0) throw new Error(`the ${tool} timing process failed:\n${child.stderr.split('\n').slice(-25).join('\n')}`)
  return JSON.parse(child.stdout.trim().split('\n').pop() as string) as ToolTimings
}

function printTimings(results: readonly ToolTimings[]): void {
  console.log(
    `# Table 1: time per call (node ${process.version}, ${process.platform}/${process.arch})\n\n` +
      'Each tool in its own process. asl-validator gets a fresh structuredClone of the definition before each call, outside the timer;\n' +
      'asl-service (amazon-states-language-service) is timed from JSON text to diagnostics, parsing included; the others from the parsed object.\n' +
      '"vs dlc" is the tool\'s median over dlc\'s: above 1 is slower than dlc.\n',
  )
  const dlc = results.find((r) => r.tool === 'dlc')
  for (const workload of ORDER_WORKLOADS) {
    const rows = results.flatMap((r) => {
      const timing = r.orders[workload.name]
      return timing === undefined ? [] : [[r.tool, ...timingCells(timing, dlc?.orders[workload.name])]]
    })
    const skipped = results.filter((r) => r.orders[workload.name] === undefined).map((r) => r.tool)
    console.log(`## ${workload.name} (bench/validate/fixtures/${workload.file})${skipped.length > 0 ? `; not timed: ${skipped.join(', ')} (reads no JSONata)` : ''}\n`)
    console.log(markdownTable(['tool', 'calls', 'median µs', 'p95 µs', 'calls/s', 'vs dlc'], rows) + '\n')
  }
  const corpus = results[0]?.corpus
  console.log(`## public corpus (${corpus?.files ?? 0} definitions of ../shared/fixtures/asl-corpus, every file once per pass)\n`)
  console.log(
    markdownTable(
      ['tool', 'passes', 'median µs', 'p95 µs', 'calls/s', 'vs dlc', 'ms per pass', 'files with errors'],
      results.map((r) => [
        r.tool,
        String(r.corpus.passes),
        ...timingCells(r.corpus, dlc?.corpus).slice(1),
        ms(r.corpus.msPerPass),
        `${r.corpus.flagged}${r.corpus.crashed > 0 ? ` (${r.corpus.crashed} crashed)` : ''}`,
      ]),
    ) + '\n',
  )
  console.log(`first call (building the tool's instance + one call on the JSONPath order, modules already loaded, fresh process): ${results.map((r) => `${r.tool} ${ms(r.firstCallMs)} ms`).join(', ')}\n`)
  if (dlc !== undefined) printTargets(results, dlc)
}

function timingCells(timing: Timing, dlc: Timing | undefined): string[] {
  return [
    timing.calls.toLocaleString('en-US'),
    us(timing.medianUs),
    us(timing.p95Us),
    Math.round(timing.callsPerSecond).toLocaleString('en-US'),
    dlc === undefined ? '-' : `${ratio(timing.medianUs / dlc.medianUs)}x`,
  ]
}

function ratio(n: number): string {
  return n >= 10 ? Math.round(n).toLocaleString('en-US') : n.toFixed(2)
}

function printTargets(results: readonly ToolTimings[], dlc: ToolTimings): void {
  const verdict = (met: boolean) => (met ? 'met' : 'NOT met')
  const lines: string[] = []
  const workloads: readonly { name: string; pick: (r: ToolTimings) => Timing | undefined }[] = [
    ...ORDER_WORKLOADS.map((w) => ({ name: w.name, pick: (r: ToolTimings) => r.orders[w.name] })),
    { name: 'public corpus', pick: (r: ToolTimings) => r.corpus },
  ]
  for (const { name, pick } of workloads) {
    const mine = pick(dlc)
    const asl = results.find((r) => r.tool === 'asl-validator')
    const lint = results.find((r) => r.tool === 'statelint')
    const aslTiming = asl === undefined ? undefined : pick(asl)
    const lintTiming = lint === undefined ? undefined : pick(lint)
    if (mine === undefined) continue
    if (aslTiming !== undefined) {
      const times = aslTiming.medianUs / mine.medianUs
      lines.push(`${name}: dlc >= ${TARGET.timesFasterThanAslValidator}x faster than asl-validator per call: ${verdict(times >= TARGET.timesFasterThanAslValidator)} (${ratio(times)}x: ${us(mine.medianUs)} vs ${us(aslTiming.medianUs)} µs)`)
    }
    if (lintTiming !== undefined) {
      lines.push(`${name}: dlc no slower than statelint per call: ${verdict(mine.medianUs <= lintTiming.medianUs)} (${us(mine.medianUs)} vs ${us(lintTiming.medianUs)} µs)`)
    }
  }
  console.log(`Targets (medians per call):\n${lines.map((l) => `- ${l}`).join('\n')}\n`)
}

async function printDefects(names: readonly ToolName[]): Promise<void> {
  const { cases, skipped } = defectCases()
  const tools = await Promise.all(names.map(loadValidator))
  const reports = await judge(cases, tools)
  console.log(
    `# Table 2: defect classes caught\n\n` +
      `Rows: ${RULE_FIXTURES_DIR.replace(/.*\/packages\//, 'packages/')}/<rule>/invalid-*.asl.json (whatever exists when run), then ${OWN_DEFECTS_DIR.replace(/.*\/bench\//, 'bench/')}/*.asl.json.\n` +
      'A tool catches a defect when it reports at least one error on the invalid file AND none on its valid sibling, if there is one.\n' +
      'The sibling is valid-<same suffix>.asl.json when the rule folder has one, else any valid-*.asl.json in that folder (no errors on at least one);\n' +
      'for bench/validate/defects it is <class>.valid.asl.json. Errors: severity ERROR for dlc and asl-service (and WARNING where a fixture expects only warnings: defects AWS only warns about), every problem for asl-validator and statelint.\n' +
      'dlc is given the machine type a rule folder\'s expected.json names (EXPRESS); the peers have no such option.\n' +
      `${MARKS.caught} caught, ${MARKS.missed} no error on the invalid file, ${MARKS.both} errors on the valid sibling(s) too, ${MARKS.crash}: the tool threw.\n`,
  )
  const verdicts = (n: ToolName) => reports.get(n)?.verdicts ?? []
  const count = (n: ToolName, verdict: Verdict) => verdicts(n).filter((v) => v === verdict).length
  const rows = [
    ...cases.map((c, i) => [`${c.label}${c.siblings.length === 0 ? ' (no valid sibling)' : ''}`, ...names.map((n) => MARKS[verdicts(n)[i] ?? 'crash'])]),
    [`caught, of ${cases.length}`, ...names.map((n) => String(count(n, 'caught')))],
    ['valid siblings with errors', ...names.map((n) => `${reports.get(n)?.rejectedValid ?? 0} of ${reports.get(n)?.validCount ?? 0}`)],
  ]
  console.log(markdownTable(['defect (file)', ...names], rows, 'marks'))
  const crashes = names.flatMap((n) => (count(n, 'crash') > 0 ? [`${n} ${count(n, 'crash')}`] : []))
  console.log(`\ncrashes: ${crashes.length > 0 ? crashes.join(', ') : 'none'}`)
  if (skipped.length > 0) console.log(`skipped (not JSON yet): ${skipped.join(', ')}`)
}
