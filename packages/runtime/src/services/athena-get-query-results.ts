import { getQueryResults } from '../athena/execution.js'
import type { LocalService } from './service.js'

/**
 * Athena GetQueryResults over the local result CSVs: `{ ResultSet: { Rows, ResultSetMetadata }, UpdateCount }`,
 * the header row first, NULL as `{}`, paged by MaxResults and NextToken.
 */
export const athenaGetQueryResults: LocalService = {
  name: 'athena-get-query-results',
  resources: ['arn:aws:states:::athena:getQueryResults'],
  create(env) {
    return async (input) => getQueryResults(env, (input ?? {}) as { QueryExecutionId: string; MaxResults?: number; NextToken?: string })
  },
}
