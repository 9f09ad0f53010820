import { DslError, type Expr } from '../expr/expr.js'
import { jsonata } from '../expr/jsonata.js'
import { Ended, Flow } from '../flow/flow.js'
import type { Variables } from '../flow/scope.js'
import { createNode } from '../ir/json.js'
import type { StateMachineNode } from '../ir/machine.js'
import { schedule, type ScheduleOptions } from '../schedule/schedule.js'
import type { ScheduleNode } from '../schedule/ir.js'
import { type, workflow } from '../workflow.js'
import type { Dataset } from './dataset.js'
import type { CrawlerNode, DatasetNode, GlueJobNode, PipelineNode, QueryNode, WorkgroupNode } from './ir.js'
import { text } from './message.js'
import { checkName } from './names.js'
import { countParameters, expectationNodes, type Expectation, type Sql } from './sql.js'
import * as steps from './steps.js'
import type { Topic } from './topic.js'
import type { Zones } from './zones.js'

/** What the ETL job reports for one batch, read back from its report file. */
export interface EtlFigures {
  readonly rowsRead: number
  readonly rowsWritten: number
  readonly rowsRejected: number
  readonly rowsDeduplicated: number
  readonly partitions: number
  readonly seconds: number
}

export interface BatchFigures {
  readonly files: number
  readonly bytes: number
}

/** The execution input: a batch date to (re)process, or the time the schedule fired. */
export interface PipelineInput {
  /** `YYYY-MM-DD`. */
  readonly batchDate?: string
  /** Set by EventBridge Scheduler (`<aws.scheduler.scheduled-time>`). */
  readonly scheduledTime?: string
}

/** The variables every pipeline has. */
export interface PipelineVars {
  /** The batch being processed, `YYYY-MM-DD`. */
  readonly batchDate: string
  readonly startedAt: string
}

export interface EtlOptions {
  /** The Glue job's name; default `<pipeline>-<dataset>-etl`. */
  readonly job?: string
  /** `python-shell` (default: DuckDB on one Glue worker) or `spark` for batches bigger than one machine. */
  readonly engine?: GlueJobNode['engine']
  /** Glue stops the run after this long; default 60. */
  readonly timeoutMinutes?: number
}

export interface CrawlOptions {
  /** The Glue database the tables land in. */
  readonly database: string
  /** The crawler's name; default `<pipeline>-crawler`. */
  readonly crawler?: string
  /** Seconds between polls of the crawler's state; default 30. */
  readonly pollSeconds?: number
}

export interface NotifyOptions<Vars> {
  /** The success e-mail's text; default the run's figures. `run` holds the pipeline's variables. */
  readonly success?: (run: Variables<Vars>) => Expr<string>
  readonly subject?: (run: Variables<Vars>) => Expr<string>
}

type StepSpec =
  | { readonly kind: 'expectBatch'; readonly dataset: DatasetNode; readonly ifMissing: 'notify-and-succeed' | 'fail' }
  | { readonly kind: 'etl'; readonly dataset: DatasetNode; readonly options: EtlOptions }
  | { readonly kind: 'crawl'; readonly options: CrawlOptions }
  | { readonly kind: 'query'; readonly name: string; readonly purpose: QueryNode['purpose']; readonly sql: Sql<unknown>; readonly expect?: Expectation<unknown, unknown> }
  | { readonly kind: 'states'; readonly describe: (flow: Flow<any, any>) => unknown }

/** A step and where the user described it, so an error found at build() points at that line. */
type Step = StepSpec & { readonly origin: Error }

interface Draft {
  readonly name: string
  readonly comment?: string
  readonly zones?: Zones
  readonly schedule?: ScheduleNode
  readonly lagDays: number
  readonly topic?: Topic
  readonly notify?: NotifyOptions<any>
  readonly workgroup?: Partial<Omit<WorkgroupNode, 'kind'>>
  readonly steps: readonly Step[]
}

/** How build() reads the `.sql` files queries name; the CLI passes one that reads beside the module. */
export interface BuildOptions {
  readonly readSql?: (file: string) => string
}

/** The default bytes-scanned cutoff per query: 10 GB, a few dollars at Athena's price. */
const DEFAULT_CUTOFF = 10 * 1000 ** 3

/**
 * The nightly data-lake pipeline, step by step. Each call returns a new pipeline; `build()`
 * turns it into the state machine and the resources it declares.
 * @example pipeline('nightly-sales').zones(lake).expectBatch(sales, { ifMissing: 'notify-and-succeed' }).etl(sales).crawl({ database: 'sales_db' })
 */
export class Pipeline<Vars> {
  readonly kind = 'Pipeline'
  declare readonly __vars?: Vars

  constructor(private readonly draft: Draft) {}

  get name(): string {
    return this.draft.name
  }

  /** Where the data lives: `zones('sales-lake')`. */
  zones(lake: Zones): Pipeline<Vars> {
    return this.with({ zones: lake })
  }

  /**
   * Runs the pipeline on an EventBridge Scheduler expression in an IANA zone. Without a batch
   * date in the input, the batch is the fire time's date there, minus `lagDays`.
   */
  schedule(expression: string, options: ScheduleOptions & { readonly lagDays?: number } = {}): Pipeline<Vars> {
    const { lagDays = 0, ...rest } = options
    if (!Number.isInteger(lagDays) || lagDays < 0 || lagDays > 31) throw new DslError(`lagDays ${lagDays} is not 0-31`, '/schedule/lagDays', 'lagDays: 1 processes the day before the run', 'DLC_INVALID_SCHEDULE')
    // The schedule is named after the pipeline, and EventBridge Scheduler names are shorter than state machine names.
    checkName('schedule', this.draft.name, '/name')
    return this.with({ schedule: schedule(expression, rest), lagDays })
  }

  /** Checks that the batch's folder has files; if not, ends the run (after an e-mail) or fails it. */
  expectBatch<N extends string>(dataset: Dataset<unknown, N>, options: { readonly ifMissing: 'notify-and-succeed' | 'fail' }): Pipeline<Vars & { readonly [K in `${N}Batch`]: BatchFigures }> {
    return this.step({ kind: 'expectBatch', dataset: dataset.node, ifMissing: options.ifMissing })
  }

  /** Cleans the batch with the dataset's Glue job; its figures become `run.<dataset>Etl`. */
  etl<N extends string>(dataset: Dataset<unknown, N>, options: EtlOptions = {}): Pipeline<Vars & { readonly [K in `${N}Etl`]: EtlFigures }> {
    return this.step({ kind: 'etl', dataset: dataset.node, options })
  }

  /** Runs the Glue crawler over every cleaned dataset and waits for it. */
  crawl(options: CrawlOptions): Pipeline<Vars> {
    return this.step({ kind: 'crawl', options })
  }

  /**
   * A validation query: the run fails unless its first row meets `expect`. Bounds are numbers
   * or figures of the run: `{ written: (run) => run.salesEtl.rowsWritten }`.
   */
  check<Row>(name: string, query: Sql<Row>, options: { readonly expect: Expectation<Row, Variables<Vars>> }): Pipeline<Vars> {
    return this.step({ kind: 'query', name, purpose: 'check', sql: query, expect: options.expect as Expectation<unknown, unknown> })
  }

  /** An analysis query; its results land in the workgroup's result location. */
  query(name: string, query: Sql<unknown>): Pipeline<Vars> {
    return this.step({ kind: 'query', name, purpose: 'analysis', sql: query })
  }

  /** The Athena workgroup the queries run in; default named after the pipeline, 10 GB cutoff. */
  athena(options: { readonly workgroup?: string; readonly bytesScannedCutoff?: number }): Pipeline<Vars> {
    return this.with({ workgroup: { ...(options.workgroup === undefined ? {} : { name: options.workgroup }), ...(options.bytesScannedCutoff === undefined ? {} : { bytesScannedCutoff: options.bytesScannedCutoff }) } })
  }

  /** E-mails the outcome: a success message, and the failing state, error and cause on failure. */
  notify(to: Topic, options: NotifyOptions<Vars> = {}): Pipeline<Vars> {
    return this.with({ topic: to, notify: options as NotifyOptions<any> })
  }

  /** Plain states between steps: the flow is typed by the pipeline's variables. Ending it (succeed/fail/goto) ends the pipeline there. */
  states<V = Vars>(describe: (flow: Flow<unknown, Vars>) => Flow<unknown, V> | Ended): Pipeline<V> {
    return this.step({ kind: 'states', describe: describe as (flow: Flow<any, any>) => unknown }) as unknown as Pipeline<V>
  }

  /** The state machine and every resource, as IR. */
  build(options: BuildOptions = {}): PipelineNode {
    return buildPipeline(this.draft, options)
  }

  private step(step: StepSpec): any {
    return this.with({ steps: [...this.draft.steps, { ...step, origin: new Error('described here') }] })
  }

  private with(change: Partial<Draft>): Pipeline<Vars> {
    return new Pipeline({ ...this.draft, ...change })
  }
}

const PIPELINE_NAME = /^[A-Za-z0-9_-]{1,69}$/

/** Starts a pipeline. Its name names the state machine and, by default, its jobs and workgroup. */
export function pipeline(name: string, options: { readonly comment?: string } = {}): Pipeline<PipelineVars> {
  if (!PIPELINE_NAME.test(name)) throw new DslError(`"${name}" is not a valid pipeline name`, '/name', 'use 1-69 letters, digits, "-" or "_" (it names the state machine, with room for "-<stage>")', 'DLC_INVALID_NAME')
  return new Pipeline({ name, ...(options.comment === undefined ? {} : { comment: options.comment }), lagDays: 0, steps: [] })
}

export function isPipeline(value: unknown): value is Pipeline<unknown> {
  return value instanceof Pipeline
}

function buildPipeline(draft: Draft, options: BuildOptions): PipelineNode {
  const zones = draft.zones
  if (zones === undefined) throw new DslError(`pipeline "${draft.name}" has no zones`, '/zones', "say where the data lives: .zones(zones('sales-lake'))", 'DLC_INVALID_PIPELINE')
  const ctx: steps.StepContext = { pipeline: draft.name, zones, topic: draft.topic }
  const datasets = new Map<string, DatasetNode>()
  const jobs: GlueJobNode[] = []
  let crawler: CrawlerNode | undefined
  const queries: QueryNode[] = []
  const workgroup: WorkgroupNode = createNode<WorkgroupNode>({
    kind: 'Workgroup',
    name: checkName('workgroup', draft.workgroup?.name ?? draft.name, '/athena/workgroup'),
    bytesScannedCutoff: draft.workgroup?.bytesScannedCutoff ?? DEFAULT_CUTOFF,
  })

  const apply = (flow: Flow<any, any>, step: Step, index: number): Flow<any, any> | Ended => {
    switch (step.kind) {
      case 'expectBatch':
        datasets.set(step.dataset.name, step.dataset)
        return steps.expectBatch(flow, ctx, step.dataset, step.ifMissing)
      case 'etl': {
        datasets.set(step.dataset.name, step.dataset)
        const job = jobNode(draft.name, step.dataset, step.options, index)
        jobs.push(job)
        return steps.etl(flow, ctx, step.dataset, steps.refFor('glue:job', job.name))
      }
      case 'crawl': {
        if (crawler !== undefined) throw new DslError('the pipeline crawls twice', `/steps/${index}`, 'one crawl() after the ETL steps covers every dataset', 'DLC_INVALID_PIPELINE')
        const cleaned = jobs.map((job) => job.dataset)
        if (cleaned.length === 0) throw new DslError('crawl() comes before any etl()', `/steps/${index}`, 'crawl after the ETL steps whose output it catalogs', 'DLC_INVALID_PIPELINE')
        crawler = createNode<CrawlerNode>({
          kind: 'Crawler',
          name: checkName('crawler', step.options.crawler ?? `${draft.name}-crawler`, `/steps/${index}/crawler`),
          database: checkName('database', step.options.database, `/steps/${index}/database`),
          datasets: cleaned,
        })
        return steps.crawl(flow, ctx, steps.refFor('glue:crawler', crawler.name), step.options.pollSeconds ?? 30)
      }
      case 'query': {
        if (crawler === undefined) throw new DslError(`query "${step.name}" runs before crawl()`, `/steps/${index}`, 'queries read the tables the crawler catalogs: call .crawl() first', 'DLC_INVALID_PIPELINE')
        const node = queryNode(step, index, options)
        if (queries.some((other) => other.name === node.name)) throw new DslError(`two queries are named "${node.name}"`, `/steps/${index}`, 'give each query its own name', 'DLC_INVALID_PIPELINE')
        queries.push(node)
        return steps.query(flow, ctx, node, queryTarget(ctx, crawler, workgroup, datasets))
      }
      case 'states': {
        const next = step.describe(flow)
        if (!(next instanceof Flow) && !(next instanceof Ended)) throw new DslError('states() must return the flow it built', `/steps/${index}`, 'end the function with the last .task(...) call', 'DLC_FLOW_DROPPED')
        return next
      }
    }
  }

  const described = workflow(draft.name, {
    comment: draft.comment ?? `${draft.name}: data-lake pipeline`,
    input: type<PipelineInput>(),
  })
    .define((start) => {
      const started = start.pass('Start', { assign: ($) => ({ batchDate: batchDateOf($, draft), startedAt: $.context.Execution.StartTime }) })
      let flow: Flow<any, any> | Ended = draft.topic === undefined ? started : started.also(steps.failureHandler(draft.topic, draft.name))
      draft.steps.forEach((step, index) => {
        if (flow instanceof Ended) throw new DslError(`step ${index + 1} follows a step that ends the run`, `/steps/${index}`, 'the states() before it ended with succeed/fail/goto: end it with a flow that continues', 'DLC_FLOW_DROPPED')
        flow = fromStep(step, () => apply(flow as Flow<any, any>, step, index))
      })
      if (flow instanceof Ended) return flow
      return steps.notifySuccess(flow, ctx, successMessage(draft, jobs), successSubject(draft))
    })
    .build()

  return createNode<PipelineNode>({
    kind: 'Pipeline',
    name: draft.name,
    machine: withZoneBuckets(described, zones),
    zones: Object.values(zones).map((zone) => zone.node),
    datasets: [...datasets.values()],
    jobs,
    crawler,
    workgroup,
    queries,
    topic: draft.topic?.node,
    schedule: draft.schedule,
  })
}

/**
 * The machine with every zone's bucket among its resources: S3 URIs in job arguments and the
 * buckets IAM statements name are placeholders too, though no Task argument holds their ref.
 */
function withZoneBuckets(machine: StateMachineNode, zones: Zones): StateMachineNode {
  const resources = new Map(machine.resources.map((resource) => [resource.id, resource]))
  for (const zone of Object.values(zones)) resources.set(zone.bucket.ref.id, zone.bucket.ref)
  return createNode<StateMachineNode>({ ...machine, resources: [...resources.values()].sort((a, b) => a.id.localeCompare(b.id)) })
}

/** Runs a step's part of build(); a DslError it throws carries the stack of the step's description. */
function fromStep<T>(step: Step, body: () => T): T {
  try {
    return body()
  } catch (error) {
    if (error instanceof DslError && step.origin.stack !== undefined) {
      error.stack = `${error.name}: ${error.message}\n${step.origin.stack.split('\n').slice(1).join('\n')}`
    }
    throw error
  }
}

function jobNode(pipelineName: string, dataset: DatasetNode, options: EtlOptions, index: number): GlueJobNode {
  const timeoutMinutes = options.timeoutMinutes ?? 60
  if (!Number.isInteger(timeoutMinutes) || timeoutMinutes < 1 || timeoutMinutes > 2880) {
    throw new DslError(`timeoutMinutes ${timeoutMinutes} is not 1-2880`, `/steps/${index}/timeoutMinutes`, 'Glue jobs run at most 2880 minutes (48 hours)', 'DLC_INVALID_PIPELINE')
  }
  return createNode<GlueJobNode>({
    kind: 'GlueJob',
    name: checkName('glueJob', options.job ?? `${pipelineName}-${dataset.name.replace(/_/g, '-')}-etl`, `/steps/${index}/job`),
    dataset: dataset.name,
    engine: options.engine ?? 'python-shell',
    timeoutMinutes,
  })
}

function queryNode(step: Extract<Step, { kind: 'query' }>, index: number, options: BuildOptions): QueryNode {
  const name = checkName('query', step.name, `/steps/${index}/name`)
  const file = step.sql.file
  let sql = step.sql.text
  if (file !== undefined) {
    if (options.readSql === undefined) throw new DslError(`query "${name}" reads ${file}, and nothing can read files here`, `/steps/${index}/sql`, 'build with a reader: pipeline.build({ readSql })', 'DLC_MISSING_SQL_FILE')
    try {
      sql = options.readSql(file).trim()
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error)
      throw new DslError(`query "${name}" reads ${file}, which cannot be read (${reason})`, `/steps/${index}/sql`, 'create the file, or fix the path: it is relative to the pipeline module', 'DLC_MISSING_SQL_FILE')
    }
  }
  if (sql === undefined || sql === '') throw new DslError(`query "${name}" is empty`, `/steps/${index}/sql`, 'write the SQL the query runs', 'DLC_INVALID_QUERY')
  if (sql.includes('${')) throw new DslError(`query "${name}" contains "\${"`, `/steps/${index}/sql`, 'CloudFormation would read it as a substitution: rewrite that part of the SQL', 'DLC_INVALID_QUERY')
  const expect = step.expect === undefined ? undefined : expectationNodes(step.expect, `/steps/${index}/expect`, variables())
  return createNode<QueryNode>({
    kind: 'Query',
    name,
    purpose: step.purpose,
    sql,
    file,
    batchDateParameters: file === undefined ? step.sql.batchDateParameters : countParameters(sql),
    expect,
  })
}

function queryTarget(ctx: steps.StepContext, crawler: CrawlerNode, workgroup: WorkgroupNode, datasets: ReadonlyMap<string, DatasetNode>) {
  const { processed, rejected, athenaResults } = ctx.zones
  return {
    workgroup: steps.refFor('athena:workgroup', workgroup.name),
    database: crawler.database,
    tables: crawler.datasets.flatMap((name) => [name, `${name}_rejected`]),
    data: [...datasets.keys()].flatMap((name) => [
      { bucket: processed.bucket, prefix: `${processed.node.prefix}${name}/` },
      { bucket: rejected.bucket, prefix: `${rejected.node.prefix}${name}_rejected/` },
    ]),
    results: { bucket: athenaResults.bucket, prefix: athenaResults.node.prefix },
  }
}

/**
 * The batch date: the input's, else the schedule's fire time (or, started by hand, the
 * execution's start) as a date in the schedule's zone, minus the lag.
 */
function batchDateOf($: any, draft: Draft): Expr<string> {
  const zone = draft.schedule?.timezone ?? 'UTC'
  const shift = standardOffsetMinutes(zone) * 60_000 - draft.lagDays * 86_400_000
  return jsonata<string>`$exists(${$.input.batchDate}) ? ${$.input.batchDate} : $fromMillis($toMillis($exists(${$.input.scheduledTime}) ? ${$.input.scheduledTime} : ${$.context.Execution.StartTime}) + ${shift}, "[Y0001]-[M01]-[D01]")`
}

/** The zone's offset from UTC in January, in minutes (see docs/pipeline.md on daylight saving). */
function standardOffsetMinutes(zone: string): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' }).formatToParts(Date.UTC(2026, 0, 15)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT'
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
  if (match === null) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3])
  return match[1] === '-' ? -minutes : minutes
}

function successSubject(draft: Draft): Expr<string> {
  const vars = variables()
  return draft.notify?.subject?.(vars) ?? jsonata<string>`$substring(${`${draft.name}: batch `} & ${vars.batchDate} & " loaded", 0, 99)`
}

function successMessage(draft: Draft, jobs: readonly GlueJobNode[]): Expr<string> {
  const vars = variables()
  if (draft.notify?.success !== undefined) return draft.notify.success(vars)
  const seconds = jsonata<number>`$round(($toMillis($now()) - $toMillis(${vars.startedAt})) / 1000)`
  const figures = jobs.map((job) => {
    const etl = (vars as any)[`${job.dataset}Etl`]
    return text`\n${job.dataset}: ${etl.rowsRead} rows read, ${etl.rowsWritten} written, ${etl.rowsRejected} rejected, ${etl.rowsDeduplicated} duplicates removed, ${etl.partitions} partitions`
  })
  return jsonata<string>`${text`Pipeline ${draft.name} loaded batch ${vars.batchDate} in ${seconds} s.`}${figures.map((figure) => jsonata` & ${figure}`)}`
}

/** Typed accessors for `$name` variables, for the message templates. */
function variables(): any {
  return new Proxy({}, { get: (_target, name) => jsonataVariable(String(name)) })
}

function jsonataVariable(name: string): any {
  return new Proxy(jsonata([`$${name}`] as unknown as TemplateStringsArray), {
    get: (target, key) => (typeof key === 'symbol' ? (target as any)[key] : jsonata([`$${name}.${String(key)}`] as unknown as TemplateStringsArray)),
  })
}
