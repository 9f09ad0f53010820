import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { LocalCatalog, writeAtomically } from '../catalog/catalog.js'
import { crawlTable } from '../catalog/crawl.js'
import type { CrawlLogEntry } from '../catalog/types.js'
import { StatesError } from '../interpreter/errors.js'
import type { TaskCall } from '../interpreter/index.js'
import type { LocalEnvironment } from './environment.js'
import type { LocalService } from './service.js'
import { taskTime } from './task-time.js'

const START = 'arn:aws:states:::aws-sdk:glue:startCrawler'
const GET = 'arn:aws:states:::aws-sdk:glue:getCrawler'

/** GetCrawler's LastCrawl (https://docs.aws.amazon.com/glue/latest/webapi/API_LastCrawlInfo.html). */
export interface LastCrawl {
  readonly Status: 'SUCCEEDED' | 'FAILED' | 'CANCELLED'
  readonly ErrorMessage?: string
  readonly LogGroup: string
  readonly LogStream: string
  readonly MessagePrefix: string
  readonly StartTime: string
}

/** A crawler's run state in one environment. */
interface CrawlerRun {
  state: 'READY' | 'RUNNING'
  /** getCrawler calls still to answer RUNNING before the started crawl shows as done. */
  pollsLeft: number
  startedAt: number
  current?: LastCrawl
  last?: LastCrawl
}

export interface GlueCrawlerOptions {
  /**
   * How many getCrawler calls after a start still see RUNNING (default 1): the crawl itself is done
   * by startCrawler, but a poll loop must see it running once, as it would on AWS.
   */
  readonly runningPolls?: number
}

/**
 * The Glue crawler's two calls on the local catalog. startCrawler crawls every target of the
 * crawler (each dataset's processed and rejected folders) into `.dlc/catalog/<database>/` (see
 * crawlTable) and logs to its `_crawler-log.jsonl`; a crawler already running fails it with
 * `Glue.CrawlerRunningException`. getCrawler answers GetCrawler's `{ Crawler }`: the first
 * `runningPolls` calls after a start answer State RUNNING with the previous LastCrawl, then READY
 * with this crawl's. The last crawl is kept in `.dlc/catalog/_crawlers/<name>.json` across runs.
 *
 * @example localServices(env, [createGlueCrawler({ runningPolls: 2 })])
 */
export function createGlueCrawler(options: GlueCrawlerOptions = {}): LocalService {
  const runningPolls = options.runningPolls ?? 1
  const runs = new WeakMap<LocalEnvironment, Map<string, CrawlerRun>>()
  const runOf = async (env: LocalEnvironment, name: string): Promise<CrawlerRun> => {
    let byName = runs.get(env)
    if (byName === undefined) runs.set(env, (byName = new Map()))
    let run = byName.get(name)
    if (run === undefined) {
      const last = await readLastCrawl(env, name)
      run = { state: 'READY', pollsLeft: 0, startedAt: 0, ...(last === undefined ? {} : { last }) }
      byName.set(name, run)
    }
    return run
  }
  return {
    name: 'glue-crawler',
    resources: [START, GET],
    create(env) {
      return async (input, call) => {
        const name = (input as { Name?: unknown } | undefined)?.Name
        if (typeof name !== 'string') throw glueError('InvalidInputException', "1 validation error detected: Value null at 'name' failed to satisfy constraint: Member must not be null")
        const found = env.pipeline.crawler(name)
        if (found === undefined) throw glueError('EntityNotFoundException', `Crawler entry with name ${name} does not exist`)
        const run = await runOf(env, name)
        if (call.resource === START) return startCrawler(env, name, run, runningPolls, call)
        if (run.state === 'RUNNING') {
          if (run.pollsLeft > 0) run.pollsLeft--
          else {
            run.state = 'READY'
            if (run.current !== undefined) run.last = run.current
            delete run.current
          }
        }
        return { Crawler: crawlerShape(env, name, found.crawler.database, found.targets, run, taskTime(call)) }
      }
    },
  }
}

/** The Glue crawler service with a crawl that shows RUNNING to one poll. */
export const glueCrawler: LocalService = createGlueCrawler()

async function startCrawler(env: LocalEnvironment, name: string, run: CrawlerRun, runningPolls: number, call: TaskCall): Promise<Record<string, never>> {
  if (run.state === 'RUNNING') throw glueError('CrawlerRunningException', `Crawler with name ${name} has already started`)
  const found = env.pipeline.crawler(name)
  if (found === undefined) throw glueError('EntityNotFoundException', `Crawler entry with name ${name} does not exist`)
  const now = taskTime(call)
  run.state = 'RUNNING'
  run.pollsLeft = runningPolls
  run.startedAt = now.getTime()
  const catalog = new LocalCatalog(env.catalogDir)
  const database = found.crawler.database
  const log: CrawlLogEntry[] = [{ time: now.toISOString(), crawler: name, level: 'INFO', message: `Crawler ${name} started (SchemaChangePolicy UPDATE_IN_DATABASE, DeleteBehavior LOG).` }]
  const connection = await env.connect()
  let status: LastCrawl['Status'] = 'SUCCEEDED'
  let errorMessage: string | undefined
  try {
    for (const target of found.targets) {
      env.progress({ service: 'glue-crawler', state: call.stateName, message: `crawling s3://${target.bucket}/${target.prefix}` })
      const result = await crawlTable(connection, catalog, {
        crawler: name,
        database,
        table: target.table,
        bucket: target.bucket,
        prefix: target.prefix,
        s3Root: env.s3.root,
        catalogId: env.pipeline.target.account,
        now,
      })
      log.push(...result.log)
    }
  } catch (error) {
    status = 'FAILED'
    errorMessage = error instanceof Error ? error.message : String(error)
    log.push({ time: now.toISOString(), crawler: name, level: 'ERROR', message: errorMessage })
  } finally {
    connection.closeSync()
  }
  log.push({ time: now.toISOString(), crawler: name, level: 'INFO', message: `Crawler ${name} finished: ${status}.` })
  await catalog.log(database, log)
  run.current = {
    Status: status,
    ...(errorMessage === undefined ? {} : { ErrorMessage: errorMessage }),
    LogGroup: '/aws-glue/crawlers',
    LogStream: name,
    MessagePrefix: randomUUID(),
    StartTime: now.toISOString(),
  }
  await writeAtomically(lastCrawlFile(env, name), `${JSON.stringify(run.current, null, 2)}\n`)
  if (runningPolls === 0) {
    run.state = 'READY'
    run.last = run.current
    delete run.current
  }
  return {}
}

/** GetCrawler's Crawler (https://docs.aws.amazon.com/glue/latest/webapi/API_Crawler.html), as the local target resolves it. */
function crawlerShape(
  env: LocalEnvironment,
  name: string,
  database: string,
  targets: readonly { readonly bucket: string; readonly prefix: string }[],
  run: CrawlerRun,
  now: Date,
): Record<string, unknown> {
  const { account, partition = 'aws' } = env.pipeline.target
  return {
    Name: name,
    Role: `arn:${partition}:iam::${account}:role/${name}-role`,
    Targets: {
      S3Targets: targets.map((target) => ({ Path: `s3://${target.bucket}/${target.prefix}`, Exclusions: [] })),
      JdbcTargets: [],
      MongoDBTargets: [],
      DynamoDBTargets: [],
      CatalogTargets: [],
      DeltaTargets: [],
      IcebergTargets: [],
      HudiTargets: [],
    },
    DatabaseName: database,
    Classifiers: [],
    RecrawlPolicy: { RecrawlBehavior: 'CRAWL_EVERYTHING' },
    SchemaChangePolicy: { UpdateBehavior: 'UPDATE_IN_DATABASE', DeleteBehavior: 'LOG' },
    LineageConfiguration: { CrawlerLineageSettings: 'DISABLE' },
    State: run.state,
    CrawlElapsedTime: run.state === 'RUNNING' ? Math.max(0, now.getTime() - run.startedAt) : 0,
    ...(run.last === undefined ? {} : { LastCrawl: run.last }),
    Version: 1,
    Configuration: '{"Version":1,"CrawlerOutput":{"Partitions":{"AddOrUpdateBehavior":"InheritFromTable"}},"Grouping":{"TableGroupingPolicy":"CombineCompatibleSchemas"}}',
    LakeFormationConfiguration: { UseLakeFormationCredentials: false, AccountId: '' },
  }
}

function lastCrawlFile(env: LocalEnvironment, name: string): string {
  return join(env.catalogDir, '_crawlers', `${name}.json`)
}

async function readLastCrawl(env: LocalEnvironment, name: string): Promise<LastCrawl | undefined> {
  const text = await readFile(lastCrawlFile(env, name), 'utf8').catch(() => undefined)
  return text === undefined ? undefined : (JSON.parse(text) as LastCrawl)
}

/** A Glue API error as Step Functions' AWS SDK integration names it: `Glue.<ErrorCode>`. */
function glueError(code: string, message: string): StatesError {
  return new StatesError(`Glue.${code}`, `${message} (Service: Glue, Status Code: 400, Request ID: ${randomUUID()})`)
}
