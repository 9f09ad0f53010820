import type { ResourceRef } from '../expr/resource-ref.js'
import { createIntegration, type Integration } from './integration.js'

/** What GetQueryResults returns: for a SELECT, the first row holds the column names. */
export interface AthenaQueryResults {
  readonly ResultSet: {
    readonly Rows: readonly { readonly Data: readonly { readonly VarCharValue?: string }[] }[]
    readonly ResultSetMetadata: { readonly ColumnInfo: readonly { readonly Name: string; readonly Type: string }[] }
  }
}

/**
 * Reads the first page (up to 1,000 rows) of a finished query's results.
 * @example f.task('Read check', { resource: athenaGetQueryResults(workgroup, results), arguments: { QueryExecutionId: '...' } })
 */
export function athenaGetQueryResults(workgroup: ResourceRef, results: { readonly bucket: ResourceRef; readonly prefix: string }): Integration<AthenaQueryResults> {
  return createIntegration({
    name: 'athena-get-query-results',
    service: 'athena',
    action: 'getQueryResults',
    resource: 'arn:aws:states:::athena:getQueryResults',
    defaults: { MaxResults: 1000 },
    target: { workgroup: workgroup.ref.id, results: { bucket: results.bucket.ref.id, prefix: results.prefix } },
  })
}
