import type { JsonObject } from '../ir/json.js'
import type { ResourceRef } from '../expr/resource-ref.js'
import { createIntegration, type Integration } from './integration.js'

/** What `athena:startQueryExecution.sync` returns once the query has ended. */
export interface AthenaQueryExecution {
  readonly QueryExecution: {
    readonly QueryExecutionId: string
    readonly Query: string
    readonly Status: { readonly State: 'SUCCEEDED' | 'FAILED' | 'CANCELLED'; readonly StateChangeReason?: string }
    readonly Statistics: { readonly DataScannedInBytes: number; readonly EngineExecutionTimeInMillis: number; readonly TotalExecutionTimeInMillis: number }
    readonly ResultConfiguration: { readonly OutputLocation: string }
  }
}

/** Where a query reads and writes: what its IAM statements are scoped to. */
export interface AthenaQueryTarget {
  readonly workgroup: ResourceRef
  /** The Glue database and the tables the query reads. */
  readonly database: string
  readonly tables: readonly string[]
  /** The bucket and prefix of each table's data. */
  readonly data: readonly { readonly bucket: ResourceRef; readonly prefix: string }[]
  /** The workgroup's result location. */
  readonly results: { readonly bucket: ResourceRef; readonly prefix: string }
}

/**
 * Runs an Athena query in a workgroup and waits for it (`.sync`); a failed query fails the Task.
 * @example f.task('Revenue', { resource: athenaStartQueryExecution(target), arguments: { QueryString: 'SELECT 1' } })
 */
export function athenaStartQueryExecution(target: AthenaQueryTarget): Integration<AthenaQueryExecution> {
  return createIntegration({
    name: 'athena-start-query-execution',
    service: 'athena',
    action: 'startQueryExecution',
    pattern: 'sync',
    resource: 'arn:aws:states:::athena:startQueryExecution.sync',
    defaults: { WorkGroup: target.workgroup, QueryExecutionContext: { Database: target.database } },
    target: queryTarget(target),
  })
}

export function queryTarget(target: AthenaQueryTarget): JsonObject {
  return {
    workgroup: target.workgroup.ref.id,
    database: target.database,
    tables: [...target.tables],
    data: target.data.map((location) => ({ bucket: location.bucket.ref.id, prefix: location.prefix })),
    results: { bucket: target.results.bucket.ref.id, prefix: target.results.prefix },
  }
}
