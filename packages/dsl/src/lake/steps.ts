/**
 * The states each pipeline step adds. Every function takes the flow so far and returns it
 * longer; the types of what the user sees are declared on Pipeline, so these work untyped.
 */
import { condition } from '../expr/conditions.js'
import type { Expr } from '../expr/expr.js'
import { jsonata } from '../expr/jsonata.js'
import { resourceRef, type ResourceRef } from '../expr/resource-ref.js'
import type { Flow } from '../flow/flow.js'
import type { CatchSpec, RetrySpec } from '../flow/specs.js'
import { athenaGetQueryResults } from '../integrations/athena-get-query-results.js'
import { athenaStartQueryExecution, type AthenaQueryTarget } from '../integrations/athena-start-query-execution.js'
import { glueGetCrawler, glueStartCrawler } from '../integrations/glue-crawler.js'
import { glueStartJobRun } from '../integrations/glue-start-job-run.js'
import { s3GetObject } from '../integrations/s3-get-object.js'
import { s3ListObjectsV2 } from '../integrations/s3-list-objects-v2.js'
import { snsPublish } from '../integrations/sns-publish.js'
import type { DatasetNode, ExpectationNode, QueryNode } from './ir.js'
import { text } from './message.js'
import { oneLine } from './sql.js'
import type { Topic } from './topic.js'
import { datasetFolders, type Zones } from './zones.js'

type AnyFlow = Flow<any, any>

export const NOTIFY_FAILURE = 'Notify failure'
export const PIPELINE_FAILED = 'Pipeline failed'

/** What every step shares: where data lives and where failures go. */
export interface StepContext {
  readonly pipeline: string
  readonly zones: Zones
  readonly topic: Topic | undefined
}

/** Glue errors worth waiting out: too many runs at once, throttling, Glue's own hiccups. */
export const GLUE_RETRY: RetrySpec = {
  errorEquals: ['Glue.ConcurrentRunsExceededException', 'Glue.ThrottlingException', 'Glue.InternalServiceException'],
  intervalSeconds: 60,
  maxAttempts: 5,
  backoffRate: 2,
  maxDelaySeconds: 900,
  jitterStrategy: 'FULL',
}

/** Sends any error of `state` to the failure e-mail, remembering which state failed. */
export function onFailure(ctx: StepContext, state: string): { readonly catch?: readonly CatchSpec<any, any>[] } {
  if (ctx.topic === undefined) return {}
  return { catch: [{ errorEquals: ['States.ALL'], goto: NOTIFY_FAILURE, assign: { failedState: state } }] }
}

/** A failure the pipeline itself detects (no batch, a failed crawl, a broken check): on to the failure e-mail. */
function fail(flow: AnyFlow, ctx: StepContext, state: string, error: string, cause: Expr<string>): AnyFlow | ReturnType<AnyFlow['fail']> {
  if (ctx.topic === undefined) return flow.fail(state, { error, cause })
  return flow.pass(state, { output: { Error: error, Cause: cause }, assign: { failedState: state } }).goto(NOTIFY_FAILURE)
}

/**
 * `Notify failure` -> `Pipeline failed`: the states every Catch jumps to. Without a topic
 * there is nothing to jump to: errors fail the execution where they happen.
 */
export function failureHandler(topic: Topic, pipeline: string): (flow: AnyFlow) => ReturnType<AnyFlow['fail']> {
  const failed = { error: jsonata<string>`$states.input.Error`, cause: jsonata<string>`$states.input.Cause` }
  return (flow) =>
    flow
      .task(NOTIFY_FAILURE, {
        resource: snsPublish(topic.arn),
        arguments: ($) => ({
          Subject: jsonata<string>`$substring(${pipeline} & ": FAILED at " & ${$.vars.failedState}, 0, 99)`,
          Message: text`Pipeline ${pipeline} failed.\n\nBatch: ${$.vars.batchDate}\nState: ${$.vars.failedState}\nError: ${$.input.Error}\nCause: ${$.input.Cause}\nExecution: ${$.context.Execution.Id}`,
        }),
        output: ($) => $.input,
        catch: [{ errorEquals: ['States.ALL'], goto: PIPELINE_FAILED }],
      })
      .fail(PIPELINE_FAILED, failed)
}

/** The batch's folder in the raw zone: `raw/sales/2026-11-24/`. */
function batchPrefix(ctx: StepContext, dataset: DatasetNode, batchDate: unknown): Expr<string> {
  return jsonata<string>`${`${ctx.zones.raw.node.prefix}${dataset.name}/`} & ${batchDate} & "/"`
}


/** ListObjectsV2 on the batch's folder; an empty folder ends the run or fails it, as the user chose. */
export function expectBatch(flow: AnyFlow, ctx: StepContext, dataset: DatasetNode, ifMissing: 'notify-and-succeed' | 'fail'): AnyFlow {
  const title = capitalize(dataset.name)
  const check = `Check ${dataset.name} batch`
  const raw = ctx.zones.raw
  const listed = flow.task(check, {
    resource: s3ListObjectsV2(raw.bucket, `${raw.node.prefix}${dataset.name}/`),
    arguments: ($: any) => ({ Prefix: batchPrefix(ctx, dataset, $.vars.batchDate) }),
    output: ($: any) => ({ files: $.result.KeyCount }),
    // An empty listing has no Contents at all: `[...]` turns nothing into [], whose sum is 0.
    assign: ($: any) => ({ [`${dataset.name}Batch`]: { files: $.result.KeyCount, bytes: jsonata<number>`$sum([${$.result.Contents}.Size])` } }),
    ...onFailure(ctx, check),
  })
  const missing = (branch: AnyFlow, $: any) => {
    const state = `No ${dataset.name} batch`
    const where = text`${raw.uri}${dataset.name}/${$.vars.batchDate}/`
    if (ifMissing === 'fail') return fail(branch, ctx, state, 'Batch.Missing', text`No files under ${where}`)
    const topic = ctx.topic
    const notify = `Notify no ${dataset.name} batch`
    const told =
      topic === undefined
        ? branch
        : branch.task(notify, {
            resource: snsPublish(topic.arn),
            arguments: {
              Subject: jsonata<string>`$substring(${`${ctx.pipeline}: no ${dataset.name} batch for `} & ${$.vars.batchDate}, 0, 99)`,
              Message: text`Pipeline ${ctx.pipeline}: no ${dataset.name} files under ${where}. Nothing to do.`,
            },
            ...onFailure(ctx, notify),
          })
    return told.succeed(state)
  }
  return listed.choice(`${title} batch landed?`, {
    choices: ($: any) => [{ when: condition(jsonata<boolean>`${$.input.files} = 0`), then: (branch: AnyFlow) => missing(branch, $) }],
  })
}

/** Where the ETL job writes for a dataset: S3 URIs with the bucket as a placeholder. */
export function etlLocations(ctx: StepContext, dataset: DatasetNode) {
  const folders = datasetFolders(dataset.name)
  return {
    target: `${ctx.zones.processed.uri}${folders.processed}`,
    quarantine: `${ctx.zones.rejected.uri}${folders.rejected}`,
    /** The key prefix of the run reports, in the rejected zone's bucket. */
    reports: `${ctx.zones.rejected.node.prefix}${folders.reports}`,
  }
}

/** The Glue job, waited for with `.sync` and retried on throttling, then its report read back. */
export function etl(flow: AnyFlow, ctx: StepContext, dataset: DatasetNode, job: ResourceRef): AnyFlow {
  const run = `Clean ${dataset.name}`
  const read = `Read ${dataset.name} report`
  const where = etlLocations(ctx, dataset)
  const reportKey = ($: any) => jsonata<string>`${where.reports} & ${$.vars.batchDate} & ".json"`
  return flow
    .task(run, {
      resource: glueStartJobRun(job),
      arguments: ($: any) => ({
        Arguments: {
          '--batch_date': $.vars.batchDate,
          '--source': jsonata<string>`${`${ctx.zones.raw.uri}${dataset.name}/`} & ${$.vars.batchDate} & "/"`,
          '--target': where.target,
          '--quarantine': where.quarantine,
          '--report': jsonata<string>`${ctx.zones.rejected.bucketUri} & ${reportKey($)}`,
        },
      }),
      output: ($: any) => ({ jobRunId: $.result.Id, seconds: $.result.ExecutionTime }),
      retry: [GLUE_RETRY],
      ...onFailure(ctx, run),
    })
    .task(read, {
      resource: s3GetObject(ctx.zones.rejected.bucket, where.reports),
      arguments: ($: any) => ({ Key: reportKey($) }),
      output: ($: any) => $.input,
      assign: ($: any) => ({ [`${dataset.name}Etl`]: jsonata`$parse(${$.result.Body})` }),
      ...onFailure(ctx, read),
    })
}

/**
 * Start the crawler, then poll it: StartCrawler has no `.sync`. A crawler that is already
 * running (`Glue.CrawlerRunningException`) is polled instead of started; a failed or
 * cancelled crawl fails the run.
 */
export function crawl(flow: AnyFlow, ctx: StepContext, crawler: ResourceRef, pollSeconds: number): AnyFlow {
  const start = 'Start crawler'
  const wait = 'Wait for crawler'
  const get = 'Get crawler'
  const failure = onFailure(ctx, start).catch ?? []
  return flow
    .task(start, {
      resource: glueStartCrawler(crawler),
      output: ($: any) => $.input,
      retry: [{ ...GLUE_RETRY, errorEquals: ['Glue.ThrottlingException', 'Glue.InternalServiceException'] }],
      catch: [{ errorEquals: ['Glue.CrawlerRunningException'], goto: wait, output: ($: any) => $.input }, ...failure],
    })
    .wait(wait, { seconds: pollSeconds })
    .task(get, {
      resource: glueGetCrawler(crawler),
      // One JSONata object, not a field per value: a crawler that never finished a crawl has no
      // LastCrawl, and a successful crawl no ErrorMessage; a missing value drops its key here, where
      // a field of its own would fail the state with States.QueryEvaluationError.
      output: ($: any) =>
        jsonata<{ state: string; status?: string; error?: string }>`{ "state": ${$.result.Crawler.State}, "status": ${$.result.Crawler.LastCrawl}.Status, "error": ${$.result.Crawler.LastCrawl}.ErrorMessage }`,
      retry: [{ ...GLUE_RETRY, errorEquals: ['Glue.ThrottlingException', 'Glue.InternalServiceException'] }],
      ...onFailure(ctx, get),
    })
    .choice('Crawl finished?', {
      choices: ($: any) => [
        { when: condition(jsonata<boolean>`${$.input.state} in ["RUNNING", "STOPPING"]`), goto: wait },
        {
          when: condition(jsonata<boolean>`${$.input.status} != "SUCCEEDED"`),
          then: (branch: AnyFlow) => fail(branch, ctx, 'Crawl failed', 'Glue.CrawlFailed', text`The crawler's last crawl ended ${$.input.status}: ${$.input.error}`),
        },
      ],
    })
}

/** The states a query step becomes: the query's Task, and for a check the Task reading its result, the Choice testing it and the Fail it ends in. */
export interface QueryStateNames {
  readonly run: string
  readonly read: string
  readonly verdict: string
  readonly failed: string
}

/**
 * The state names of a query step, for whoever reads an execution's history (`dlc run`'s summary).
 *
 * @example queryStateNames({ name: 'no_null_keys', purpose: 'check' }).failed // 'No null keys failed'
 */
export function queryStateNames(node: Pick<QueryNode, 'name' | 'purpose'>): QueryStateNames {
  return {
    run: node.purpose === 'check' ? `Check ${node.name}` : `Query ${node.name}`,
    read: `Read ${node.name}`,
    verdict: `${capitalize(node.name)} holds?`,
    failed: `${capitalize(node.name)} failed`,
  }
}

/** An Athena query waited for with `.sync`; a check then reads its first row and tests it. */
export function query(flow: AnyFlow, ctx: StepContext, node: QueryNode, target: AthenaQueryTarget): AnyFlow {
  const names = queryStateNames(node)
  const run = names.run
  const parameters = ($: any) => Array.from({ length: node.batchDateParameters }, () => jsonata<string>`"'" & ${$.vars.batchDate} & "'"`)
  const ran = flow.task(run, {
    resource: athenaStartQueryExecution(target),
    arguments: ($: any) => ({ QueryString: oneLine(node.sql), ...(node.batchDateParameters > 0 ? { ExecutionParameters: parameters($) } : {}) }),
    output: ($: any) => ({ queryId: $.result.QueryExecution.QueryExecutionId, bytesScanned: $.result.QueryExecution.Statistics.DataScannedInBytes }),
    ...onFailure(ctx, run),
  })
  if (node.expect === undefined) return ran
  const { read } = names
  const columns = [...new Set(node.expect.flatMap((rule) => (rule.kind === 'Value' ? [rule.column] : [])))]
  return ran
    .task(read, {
      resource: athenaGetQueryResults(target.workgroup, target.results),
      arguments: ($: any) => ({ QueryExecutionId: $.input.queryId }),
      output: ($: any) => ({
        rows: jsonata<number>`$count(${$.result.ResultSet.Rows}) - 1`,
        values: Object.fromEntries(columns.map((column) => [column, jsonata<number>`$number(${firstRowValue($, column)})`])),
      }),
      ...onFailure(ctx, read),
    })
    .choice(names.verdict, {
      choices: () => [
        {
          when: condition(jsonata<boolean>`$not(${jsonataRaw(node.expect!.map(holds).join(' and '))})`),
          then: (branch: AnyFlow) => fail(branch, ctx, names.failed, 'Validation.Failed', jsonataRaw(`${JSON.stringify(`Check ${node.name} did not hold: expected `)} & ${describe(node.expect!)} & "; got " & $string($states.input)`) as Expr<string>),
        },
      ],
    })
}

/** The value of `column` in the first result row (row 0 holds the column names). */
function firstRowValue($: any, column: string): unknown {
  const rows = $.result.ResultSet.Rows
  return jsonata`( $names := ${rows}[0].Data.VarCharValue; $index := $filter([0..$count($names) - 1], function($i) { $names[$i] = ${column} })[0]; ${rows}[1].Data[$index].VarCharValue )`
}

const OPERATOR = { eq: '=', le: '<=', ge: '>=', lt: '<', gt: '>' } as const

function bound(rule: Extract<ExpectationNode, { kind: 'Value' }>): string {
  return typeof rule.value === 'number' ? String(rule.value) : rule.value.jsonata
}

function holds(rule: ExpectationNode): string {
  if (rule.kind === 'NoRows') return '$states.input.rows = 0'
  return `$states.input.values.${rule.column} ${OPERATOR[rule.op]} ${bound(rule)}`
}

/** The expectation in words, as JSONata: `"written = " & $string($salesEtl.rowsWritten)`. */
function describe(rules: readonly ExpectationNode[]): string {
  const parts = rules.map((rule) => {
    if (rule.kind === 'NoRows') return '"no rows"'
    const said = JSON.stringify(`${rule.column} ${OPERATOR[rule.op]} `)
    return typeof rule.value === 'number' ? JSON.stringify(`${rule.column} ${OPERATOR[rule.op]} ${rule.value}`) : `${said} & $string(${rule.value.jsonata})`
  })
  return parts.join(' & " and " & ')
}

/** A JSONata fragment written here, not built from accessors. */
function jsonataRaw(source: string): Expr<unknown> {
  return jsonata([source] as unknown as TemplateStringsArray)
}

/** The success e-mail, then the end. */
export function notifySuccess(flow: AnyFlow, ctx: StepContext, message: Expr<string>, subject: Expr<string>): ReturnType<AnyFlow['succeed']> {
  const topic = ctx.topic
  if (topic === undefined) return flow.succeed('Done')
  return flow
    .task('Notify success', {
      resource: snsPublish(topic.arn),
      arguments: { Subject: subject, Message: message },
      ...onFailure(ctx, 'Notify success'),
    })
    .succeed('Done')
}

export function capitalize(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1).replace(/_/g, ' ')
}

export function refFor(type: 'glue:job' | 'glue:crawler' | 'athena:workgroup', name: string): ResourceRef {
  return resourceRef(type, name, 'name')
}
