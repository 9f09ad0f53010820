import { randomUUID } from 'node:crypto'
import { StatesError } from '../interpreter/errors.js'
import { S3Error } from '../s3/errors.js'
import type { LocalEnvironment } from '../services/environment.js'
import { parseResultCsv, resultCsv, resultPage, decodeToken, type AthenaQueryResults, type ResultCell } from './results.js'
import { runAthenaQuery } from './run-query.js'
import type { AthenaColumnInfo } from './values.js'

/** StartQueryExecution's request, as a Task's Arguments give it. */
export interface StartQueryExecutionInput {
  readonly QueryString: string
  readonly WorkGroup?: string
  readonly QueryExecutionContext?: { readonly Database?: string; readonly Catalog?: string }
  readonly ExecutionParameters?: readonly string[]
  readonly ResultConfiguration?: { readonly OutputLocation?: string }
  readonly ClientRequestToken?: string
}

/**
 * GetQueryExecution's QueryExecution (https://docs.aws.amazon.com/athena/latest/APIReference/API_QueryExecution.html),
 * what `startQueryExecution.sync` hands on as `{ QueryExecution }`. Dates are epoch milliseconds, as
 * Step Functions serialises the SDK's.
 */
export interface QueryExecution {
  readonly QueryExecutionId: string
  readonly Query: string
  readonly StatementType: 'DML'
  readonly ResultConfiguration: { readonly OutputLocation: string }
  readonly ResultReuseConfiguration: { readonly ResultReuseByAgeConfiguration: { readonly Enabled: false } }
  readonly QueryExecutionContext: { readonly Database: string; readonly Catalog: string }
  readonly Status: {
    readonly State: 'SUCCEEDED' | 'FAILED'
    readonly StateChangeReason?: string
    readonly SubmissionDateTime: number
    readonly CompletionDateTime: number
    readonly AthenaError?: { readonly ErrorCategory: number; readonly ErrorType: number; readonly Retryable: false; readonly ErrorMessage: string }
  }
  readonly Statistics: {
    readonly EngineExecutionTimeInMillis: number
    readonly DataScannedInBytes: number
    readonly TotalExecutionTimeInMillis: number
    readonly QueryQueueTimeInMillis: number
    readonly ServicePreProcessingTimeInMillis: number
    readonly QueryPlanningTimeInMillis: number
    readonly ServiceProcessingTimeInMillis: number
    readonly ResultReuseInformation: { readonly ReusedPreviousResult: false }
  }
  readonly WorkGroup: string
  readonly EngineVersion: { readonly SelectedEngineVersion: string; readonly EffectiveEngineVersion: string }
  readonly ExecutionParameters?: readonly string[]
  readonly SubstatementType: 'SELECT'
}

/** What the local Athena keeps next to a result CSV (`<id>.csv.metadata`; Athena's own is binary). */
interface StoredExecution {
  readonly QueryExecution: QueryExecution
  readonly ColumnInfo: readonly AthenaColumnInfo[]
}

const ENGINE = 'Athena engine version 3'
const locations = new WeakMap<LocalEnvironment, Map<string, { bucket: string; key: string }>>()

/**
 * Runs a query as StartQueryExecution and waits for it: the result CSV and its metadata at the
 * workgroup's output location (`s3://<athenaResults bucket>/<prefix><id>.csv`), and the
 * QueryExecution, SUCCEEDED or FAILED. Request errors (an unknown workgroup, no output location)
 * throw `Athena.InvalidRequestException` as the API would.
 *
 * @example const execution = await startQueryExecution(env, { QueryString: 'SELECT 1', WorkGroup: 'nightly-sales-local' }, new Date())
 */
export async function startQueryExecution(env: LocalEnvironment, input: StartQueryExecutionInput, submitted: Date): Promise<QueryExecution> {
  if (typeof input.QueryString !== 'string' || input.QueryString.length === 0) throw invalidRequest("1 validation error detected: Value null at 'queryString' failed to satisfy constraint: Member must not be null")
  const workgroup = input.WorkGroup ?? 'primary'
  const output = outputLocation(env, workgroup, input.ResultConfiguration?.OutputLocation)
  const id = randomUUID()
  const database = input.QueryExecutionContext?.Database ?? 'default'
  const started = performance.now()
  const outcome = await runAthenaQuery({ catalogDir: env.catalogDir, s3Root: env.s3.root, connect: () => env.connect() }, {
    query: input.QueryString,
    database,
    ...(input.ExecutionParameters === undefined ? {} : { parameters: input.ExecutionParameters }),
  })
  const key = `${output.prefix}${id}.csv`
  const columns = outcome.state === 'SUCCEEDED' ? outcome.columns : []
  if (outcome.state === 'SUCCEEDED') {
    await env.s3.putObject({ Bucket: output.bucket, Key: key, Body: resultCsv(columns.map((column) => column.Name), outcome.rows) })
  }
  const millis = Math.max(1, Math.round(performance.now() - started))
  const execution: QueryExecution = {
    QueryExecutionId: id,
    Query: input.QueryString,
    StatementType: 'DML',
    ResultConfiguration: { OutputLocation: `s3://${output.bucket}/${key}` },
    ResultReuseConfiguration: { ResultReuseByAgeConfiguration: { Enabled: false } },
    QueryExecutionContext: { Database: database, Catalog: input.QueryExecutionContext?.Catalog ?? 'awsdatacatalog' },
    Status: {
      State: outcome.state,
      ...(outcome.state === 'FAILED' ? { StateChangeReason: outcome.error.message } : {}),
      SubmissionDateTime: submitted.getTime(),
      CompletionDateTime: submitted.getTime() + millis,
      ...(outcome.state === 'FAILED'
        ? { AthenaError: { ErrorCategory: outcome.error.category, ErrorType: outcome.error.errorType, Retryable: false as const, ErrorMessage: outcome.error.message } }
        : {}),
    },
    Statistics: {
      EngineExecutionTimeInMillis: millis,
      DataScannedInBytes: outcome.dataScannedInBytes,
      TotalExecutionTimeInMillis: millis,
      QueryQueueTimeInMillis: 0,
      ServicePreProcessingTimeInMillis: 0,
      QueryPlanningTimeInMillis: 0,
      ServiceProcessingTimeInMillis: 0,
      ResultReuseInformation: { ReusedPreviousResult: false },
    },
    WorkGroup: workgroup,
    EngineVersion: { SelectedEngineVersion: ENGINE, EffectiveEngineVersion: ENGINE },
    ...(input.ExecutionParameters === undefined ? {} : { ExecutionParameters: input.ExecutionParameters }),
    SubstatementType: 'SELECT',
  }
  const stored: StoredExecution = { QueryExecution: execution, ColumnInfo: columns }
  await env.s3.putObject({ Bucket: output.bucket, Key: `${key}.metadata`, Body: JSON.stringify(stored, null, 2) })
  let known = locations.get(env)
  if (known === undefined) locations.set(env, (known = new Map()))
  known.set(id, { bucket: output.bucket, key })
  return execution
}

/** GetQueryExecution: the stored QueryExecution of a query this environment ran. */
export async function getQueryExecution(env: LocalEnvironment, id: string): Promise<QueryExecution> {
  return (await readStored(env, id)).stored.QueryExecution
}

/**
 * GetQueryResults: a page of a SUCCEEDED query's results, read back from its CSV (header row
 * first, NULL as `{}`); MaxResults 1 to 1000, NextToken from the previous page.
 *
 * @example await getQueryResults(env, { QueryExecutionId: id, MaxResults: 1000 })
 */
export async function getQueryResults(env: LocalEnvironment, input: { readonly QueryExecutionId: string; readonly MaxResults?: number; readonly NextToken?: string }): Promise<AthenaQueryResults> {
  const maxResults = input.MaxResults ?? 1000
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 1000) {
    throw invalidRequest(`1 validation error detected: Value '${maxResults}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 1000`)
  }
  if (input.NextToken !== undefined && decodeToken(input.NextToken) < 0) throw invalidRequest('The NextToken is not valid')
  const { stored, location } = await readStored(env, input.QueryExecutionId)
  const state = stored.QueryExecution.Status.State
  if (state !== 'SUCCEEDED') throw invalidRequest(`Query did not finish successfully. Final query state: ${state}\n${stored.QueryExecution.Status.StateChangeReason ?? ''}`.trim())
  const object = await env.s3.getObject({ Bucket: location.bucket, Key: location.key })
  const rows: ResultCell[][] = parseResultCsv(Buffer.from(object.Body).toString('utf8'), stored.ColumnInfo.length)
  return resultPage(stored.ColumnInfo, rows, maxResults, input.NextToken)
}

async function readStored(env: LocalEnvironment, id: string): Promise<{ stored: StoredExecution; location: { bucket: string; key: string } }> {
  if (typeof id !== 'string' || !/^[0-9a-f-]{36}$/.test(id)) throw invalidRequest(`QueryExecution ${String(id)} was not found`)
  const zone = env.pipeline.zone('athenaResults')
  const location = locations.get(env)?.get(id) ?? { bucket: zone.bucket, key: `${zone.prefix}${id}.csv` }
  try {
    const object = await env.s3.getObject({ Bucket: location.bucket, Key: `${location.key}.metadata` })
    return { stored: JSON.parse(Buffer.from(object.Body).toString('utf8')) as StoredExecution, location }
  } catch (error) {
    if (error instanceof S3Error) throw invalidRequest(`QueryExecution ${id} was not found`)
    throw error
  }
}

function outputLocation(env: LocalEnvironment, workgroup: string, requested: string | undefined): { bucket: string; prefix: string } {
  if (env.pipeline.workgroup(workgroup) !== undefined) return env.pipeline.zone('athenaResults')
  if (workgroup !== 'primary') throw invalidRequest(`WorkGroup ${workgroup} is not found.`)
  const match = requested === undefined ? null : /^s3:\/\/([^/]+)\/?(.*)$/.exec(requested)
  if (match?.[1] === undefined) {
    throw invalidRequest('No output location provided. An output location is required either through the Workgroup result configuration setting or as an API input.')
  }
  const prefix = match[2] ?? ''
  return { bucket: match[1], prefix: prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/` }
}

/** An Athena API error as Step Functions names it: `Athena.<ErrorCode>`, the SDK's message as the cause. */
function invalidRequest(message: string): StatesError {
  return new StatesError('Athena.InvalidRequestException', `${message} (Service: AmazonAthena; Status Code: 400; Error Code: InvalidRequestException; Request ID: ${randomUUID()}; Proxy: null)`)
}
