import type { Subject, Validator } from './tools.js'

/** Per-call times of one tool on one workload, in microseconds. */
export interface Timing {
  readonly calls: number
  readonly medianUs: number
  readonly p95Us: number
  /** Calls per second of timed time: calls / the sum of their times. */
  readonly callsPerSecond: number
}

/** A workload measured as passes over several definitions (the corpus), each call timed on its own. */
export interface PassTiming extends Timing {
  readonly passes: number
  readonly files: number
  /** The median of the passes' totals. */
  readonly msPerPass: number
  /** Files on which the tool reported at least one error (read from the warm-up pass). */
  readonly flagged: number
  /** Files on which the tool threw instead of answering (counted in `flagged` too). */
  readonly crashed: number
}

/** How long to spend on one definition: the fast tools get thousands of calls, asl-validator tens. */
export interface Budget {
  /** Warm-up: at least this long (and 3 calls), so V8 has optimised the tool's hot paths before timing. */
  readonly warmupMs: number
  /** Timed calls are sized from the warm-up's mean to take about this long... */
  readonly timedMs: number
  /** ...within these bounds. */
  readonly minCalls: number
  readonly maxCalls: number
}

/** How long to spend on the corpus: one warm-up pass, then whole passes sized from it. */
export interface PassBudget {
  readonly timedMs: number
  readonly minPasses: number
  readonly maxPasses: number
}

/** What one call returned, or that it threw: a throw is an answer too, and is timed like one. */
export type Outcome = { readonly crashed: false; readonly output: unknown } | { readonly crashed: true; readonly error: string }

/**
 * One call, timed alone. Preparation (asl-validator's clone) happens before the clock starts;
 * only the language service returns a promise, and only then is the await inside the timer.
 */
export async function timeCall(tool: Validator, subject: Subject): Promise<{ readonly us: number; readonly outcome: Outcome }> {
  const input = tool.prepare(subject)
  const start = performance.now()
  let outcome: Outcome
  try {
    let output = tool.call(input)
    if (output instanceof Promise) output = await output
    outcome = { crashed: false, output }
  } catch (error) {
    outcome = { crashed: true, error: error instanceof Error ? error.message : String(error) }
  }
  return { us: (performance.now() - start) * 1000, outcome }
}

/**
 * Times one tool on one definition: warm-up, then a number of calls sized to the budget.
 *
 * @example await timeOne(dlc, orderSubject, FAST_BUDGET) // { medianUs: 41.2, ... }
 */
export async function timeOne(tool: Validator, subject: Subject, budget: Budget): Promise<Timing> {
  let warmupUs = 0
  let warmupCalls = 0
  while (warmupCalls < 3 || warmupUs < budget.warmupMs * 1000) {
    warmupUs += (await timeCall(tool, subject)).us
    warmupCalls++
  }
  const calls = clamp(Math.round((budget.timedMs * 1000) / (warmupUs / warmupCalls)), budget.minCalls, budget.maxCalls)
  const samples: number[] = []
  for (let i = 0; i < calls; i++) samples.push((await timeCall(tool, subject)).us)
  return summarise(samples)
}

/**
 * Times one tool on every definition of the corpus: one warm-up pass, then whole passes sized
 * to the budget. Each file is called once per pass, in the same order.
 */
export async function timePasses(tool: Validator, subjects: readonly Subject[], budget: PassBudget): Promise<PassTiming> {
  let flagged = 0
  let crashed = 0
  let warmupUs = 0
  for (const subject of subjects) {
    const { us, outcome } = await timeCall(tool, subject)
    warmupUs += us
    if (outcome.crashed) crashed++
    if (outcome.crashed || tool.errors(outcome.output).length > 0) flagged++
  }
  const passes = clamp(Math.round((budget.timedMs * 1000) / warmupUs), budget.minPasses, budget.maxPasses)
  const samples: number[] = []
  const passTotals: number[] = []
  for (let pass = 0; pass < passes; pass++) {
    let total = 0
    for (const subject of subjects) {
      const { us } = await timeCall(tool, subject)
      samples.push(us)
      total += us
    }
    passTotals.push(total)
  }
  return { ...summarise(samples), passes, files: subjects.length, msPerPass: quantile(passTotals, 0.5) / 1000, flagged, crashed }
}

/** Median, p95 and calls per second of per-call times in µs. */
export function summarise(samples: readonly number[]): Timing {
  const total = samples.reduce((sum, us) => sum + us, 0)
  return { calls: samples.length, medianUs: quantile(samples, 0.5), p95Us: quantile(samples, 0.95), callsPerSecond: (samples.length * 1e6) / total }
}

/** Nearest-rank quantile; the median of an even count is the mean of the middle two. */
function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  if (q === 0.5 && sorted.length % 2 === 0) return ((sorted[sorted.length / 2 - 1] as number) + (sorted[sorted.length / 2] as number)) / 2
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, n))
}
