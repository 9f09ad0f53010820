import type { Grants } from './context.js'
import { grants as athenaGetQueryResults } from './athena-get-query-results.js'
import { grants as athenaStartQueryExecution } from './athena-start-query-execution.js'
import { grants as glueCrawler } from './glue-crawler.js'
import { grants as glueStartJobRun } from './glue-start-job-run.js'
import { grants as s3GetObject } from './s3-get-object.js'
import { grants as s3ListObjectsV2 } from './s3-list-objects-v2.js'
import { grants as snsPublish } from './sns-publish.js'

/** The IAM file of each integration, by the name its DSL file gives it. */
export const INTEGRATION_GRANTS: { readonly [name: string]: Grants } = {
  'athena-get-query-results': athenaGetQueryResults,
  'athena-start-query-execution': athenaStartQueryExecution,
  'glue-crawler': glueCrawler,
  'glue-start-job-run': glueStartJobRun,
  's3-get-object': s3GetObject,
  's3-list-objects-v2': s3ListObjectsV2,
  'sns-publish': snsPublish,
}

export type { GrantContext, Grants } from './context.js'
