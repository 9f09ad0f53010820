/**
 * Building a pipeline: from the steps a Pipeline holds to the state machine and the resources
 * they declare. The builder itself and its option types are in pipeline.ts.
 */
import { DslError, type Expr } from '../expr/expr.js'
import { jsonata } from '../expr/jsonata.js'
import { Ended, Flow } from '../flow/flow.js'
import { createNode } from '../ir/json.js'
import type { StateMachineNode } from '../ir/machine.js'
import type { ScheduleNode } from '../schedule/ir.js'
import { type, workflow } from '../workflow.js'
import type { CrawlerNode, DatasetNode, GlueJobNode, PipelineNode, QueryNode, WorkgroupNode } from './ir.js'
import { text } from './message.js'
import { checkName } from './names.js'
import type { BuildOptions, CrawlOptions, EtlOptions, NotifyOptions, PipelineInput } from './pipeline.js'
import { countParameters, expectationNodes, type Expectation, type Sql } from './sql.js'
import * as steps from './steps.js'
import type { Topic } from './topic.js'
import { datasetFolders, type Zones } from './zones.js'

export type StepSpec =
  | { readonly kind: 'expectBatch'; readonly dataset: DatasetNode; readonly ifMissing: 'notify-and-succeed' | 'fail' }
  | { readonly kind: 'etl'; readonly dataset: DatasetNode; readonly options: EtlOptions }
  | { readonly kind: 'crawl'; readonly options: CrawlOptions }
  | { readonly kind: 'query'; readonly name: string; readonly purpose: QueryNode['purpose']; readonly sql: Sql<unknown>; readonly expect?: Expectation<unknown, unknown> }
  | { readonly kind: 'states'; readonly describe: (flow: Flow<any, any>) => unknown }

/** A step and where the user described it, so an error found at build() points at that line. */
export type Step = StepSpec & { readonly origin: Error }

export interface Draft {
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

/** The default bytes-scanned cutoff per query: 10 GB, a few dollars at Athena's price. */
const DEFAULT_CUTOFF = 10 * 1000 ** 3

/**
 * Turns a described pipeline into its state machine and resources: each step's states are
 * added in order on the workflow DSL, and each step declares what it uses.
 */
export function buildPipeline(draft: Draft, options: BuildOptions): PipelineNode {
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
      { bucket: processed.bucket, prefix: `${processed.node.prefix}${datasetFolders(name).processed}` },
      { bucket: rejected.bucket, prefix: `${rejected.node.prefix}${datasetFolders(name).rejected}` },
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
