import type { TaskHandler } from '../interpreter/index.js'
import type { LocalEnvironment } from './environment.js'
import type { LocalService } from './service.js'
import { athenaGetQueryResults } from './athena-get-query-results.js'
import { athenaStartQueryExecution } from './athena-start-query-execution.js'
import { glueCrawler } from './glue-crawler.js'
import { glueStartJobRun } from './glue-start-job-run.js'
import { s3CopyObject } from './s3-copy-object.js'
import { s3DeleteObject } from './s3-delete-object.js'
import { s3GetObject } from './s3-get-object.js'
import { s3HeadObject } from './s3-head-object.js'
import { s3ListObjectsV2 } from './s3-list-objects-v2.js'
import { s3PutObject } from './s3-put-object.js'
import { snsPublish, type OutboxDelivery, type OutboxMessage } from './sns-publish.js'

export { openEnvironment, type EnvironmentOptions, type LocalEnvironment, type ServiceProgress } from './environment.js'
export { localPipeline, LOCAL_TARGET, type CrawlTarget, type LocalPipeline } from './pipeline.js'
export type { LocalService } from './service.js'
export type { OutboxDelivery, OutboxMessage }

/** Every local service, one file per integration. */
const SERVICES: readonly LocalService[] = [s3ListObjectsV2, s3GetObject, s3HeadObject, s3PutObject, s3CopyObject, s3DeleteObject, glueStartJobRun, glueCrawler, athenaStartQueryExecution, athenaGetQueryResults, snsPublish]

/**
 * The task handlers of every local service for an environment, by resource ARN, for
 * `run(definition, input, { handlers })`.
 */
export function localServices(env: LocalEnvironment, services: readonly LocalService[] = SERVICES): Record<string, TaskHandler> {
  const handlers: Record<string, TaskHandler> = {}
  for (const service of services) {
    const handler = service.create(env)
    for (const resource of service.resources) handlers[resource] = handler
  }
  return handlers
}
