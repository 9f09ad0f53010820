/**
 * dlc and statelint on the public corpus in ONE process, taking turns, so both see the same load:
 * on a shared machine the steadiest comparison of the two (run.ts times each tool in its own
 * process, one after the other, and the load can change in between).
 *
 *   npx tsx bench/validate/alternate.ts                      # 60 timed passes each, in turns of 5
 *   npx tsx bench/validate/alternate.ts --passes=100 --turn=10
 *
 * Each tool is first warmed up as run.ts does it (~3 s on each order definition it reads, then one
 * corpus pass); then the tools take turns of `turn` whole passes each, who goes first alternating,
 * so within a turn a tool meets the corpus as it does alone. Every call is timed on its own.
 */
import { markdownTable, us } from './print.js'
import { summarise, timeCall } from './timing.js'
import { loadValidator, type Validator } from './tools.js'
import { corpusSubjects, ORDER_WORKLOADS, orderSubject } from './workloads.js'

const args = new Map(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=') as [string, string | undefined]))
const passes = Number(args.get('passes') ?? 60)
const turn = Number(args.get('turn') ?? 5)
const WARMUP_MS = 3000

const subjects = corpusSubjects()
const tools = [await loadValidator('dlc'), await loadValidator('statelint')]
for (const tool of tools) await warmUp(tool)

const samples = new Map<Validator, number[]>(tools.map((tool) => [tool, []]))
for (let done = 0, round = 0; done < passes; done += turn, round++) {
  for (const tool of round % 2 === 0 ? tools : [...tools].reverse()) {
    const times = samples.get(tool) as number[]
    for (let pass = 0; pass < Math.min(turn, passes - done); pass++) for (const subject of subjects) times.push((await timeCall(tool, subject)).us)
  }
}

const timings = tools.map((tool) => summarise(samples.get(tool) as number[]))
const dlcMedian = timings[0]?.medianUs ?? Number.NaN
console.log(`# dlc and statelint taking turns in one process (node ${process.version}): ${passes} passes of ${subjects.length} corpus files each, turns of ${turn}\n`)
console.log(
  markdownTable(
    ['tool', 'calls', 'median µs', 'p95 µs', 'vs dlc'],
    timings.map((timing, index) => [
      tools[index]?.name ?? '',
      timing.calls.toLocaleString('en-US'),
      us(timing.medianUs),
      us(timing.p95Us),
      `${(timing.medianUs / dlcMedian).toFixed(2)}x`,
    ]),
  ),
)

/** What run.ts does before it times the corpus: the order definitions for ~3 s each, then one corpus pass. */
async function warmUp(tool: Validator): Promise<void> {
  for (const workload of ORDER_WORKLOADS) {
    if (workload.jsonata && !tool.readsJsonata) continue
    const subject = orderSubject(workload.file)
    const end = performance.now() + WARMUP_MS
    while (performance.now() < end) await timeCall(tool, subject)
  }
  for (const subject of subjects) await timeCall(tool, subject)
}
