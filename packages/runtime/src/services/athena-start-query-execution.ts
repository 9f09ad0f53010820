import { startQueryExecution, type StartQueryExecutionInput } from '../athena/execution.js'
import { StatesError } from '../interpreter/errors.js'
import type { LocalService } from './service.js'
import { taskTime } from './task-time.js'

const SYNC = 'arn:aws:states:::athena:startQueryExecution.sync'

/**
 * Athena StartQueryExecution on DuckDB over the local catalog (see src/athena). `.sync` waits and
 * hands on `{ QueryExecution }` as GetQueryExecution returns it; a FAILED query fails the Task with
 * `States.TaskFailed` and that JSON as the cause, as Step Functions reports a failed `.sync` job.
 * Without `.sync` the answer is `{ QueryExecutionId }` (the query has already run locally).
 */
export const athenaStartQueryExecution: LocalService = {
  name: 'athena-start-query-execution',
  resources: [SYNC, 'arn:aws:states:::athena:startQueryExecution'],
  create(env) {
    return async (input, call) => {
      const execution = await startQueryExecution(env, (input ?? {}) as StartQueryExecutionInput, taskTime(call))
      env.progress({
        service: 'athena',
        state: call.stateName,
        message: execution.Status.State === 'SUCCEEDED' ? `query ${execution.QueryExecutionId} succeeded` : `query ${execution.QueryExecutionId} failed: ${execution.Status.StateChangeReason ?? ''}`,
      })
      if (call.resource !== SYNC) return { QueryExecutionId: execution.QueryExecutionId }
      if (execution.Status.State !== 'SUCCEEDED') throw new StatesError('States.TaskFailed', JSON.stringify({ QueryExecution: execution }))
      return { QueryExecution: execution }
    }
  },
}
