import { S3Error, type LocalS3 } from '../s3/index.js'
import { ResultWriterFailed } from './failure.js'
import type { ChildExecution, MapRunResults, OutputType, ResultTransformation, ResultWriter, ResultWriterOutput, WriterConfig } from './types.js'

type ResultStatus = 'SUCCEEDED' | 'FAILED' | 'PENDING'

/**
 * The ARN of a Map Run: the state machine's ARN with `mapRun` for `stateMachine`, then
 * `/<label>:<id>`, as in the developer guide's "Label" field.
 *
 * @example mapRunArn('arn:aws:states:us-east-1:111122223333:stateMachine:nightly', 'Map', 'ad9b5f27')
 * // 'arn:aws:states:us-east-1:111122223333:mapRun:nightly/Map:ad9b5f27'
 */
export function mapRunArn(stateMachineArn: string, label: string, id: string): string {
  return `${stateMachineArn.replace(':stateMachine:', ':mapRun:')}/${label}:${id}`
}

/**
 * One child execution as AWS writes it into `SUCCEEDED_n.json` / `FAILED_n.json` and into the
 * output of Transformation NONE ("ResultWriter (Map)"): ExecutionArn, Input and Output as JSON
 * text with `Included` details, Name, redrive fields, ISO dates, StateMachineArn, Status, and
 * Error/Cause for a failure.
 *
 * Not confirmed against AWS: a failed child's RedriveStatus (`REDRIVABLE_BY_MAP_RUN` here, with
 * no RedriveStatusReason) and the place of Error and Cause.
 *
 * @example executionRecord(child).Output // '{"orderId":"100000"}'
 */
export function executionRecord(child: ChildExecution): Record<string, unknown> {
  const succeeded = child.status === 'SUCCEEDED'
  return {
    ...(!succeeded && child.cause !== undefined ? { Cause: child.cause } : {}),
    ...(!succeeded && child.error !== undefined ? { Error: child.error } : {}),
    ExecutionArn: child.executionArn,
    Input: JSON.stringify(child.input ?? null),
    InputDetails: { Included: true },
    Name: child.name,
    ...(succeeded ? { Output: JSON.stringify(child.output ?? null), OutputDetails: { Included: true } } : {}),
    RedriveCount: child.redriveCount ?? 0,
    RedriveStatus: succeeded ? 'NOT_REDRIVABLE' : 'REDRIVABLE_BY_MAP_RUN',
    ...(succeeded ? { RedriveStatusReason: 'Execution is SUCCEEDED and cannot be redriven' } : {}),
    StartDate: child.startDate.toISOString(),
    StateMachineArn: child.stateMachineArn,
    Status: child.status,
    StopDate: child.stopDate.toISOString(),
  }
}

/**
 * The Map state's result array under a `WriterConfig` that exports nothing (or with no
 * ResultWriter at all: COMPACT): COMPACT gives each child's output, FLATTEN spreads outputs that
 * are arrays into the result, NONE gives `executionRecord`s. A failed child always appears as
 * its record, as the developer guide says.
 *
 * @example transformResults([childWithOutput([1, 2]), childWithOutput([3])], { Transformation: 'FLATTEN' }) // [1, 2, 3]
 */
export function transformResults(children: readonly ChildExecution[], writerConfig: WriterConfig = {}): unknown[] {
  const transformation = transformationOf(writerConfig, 'COMPACT')
  return children.flatMap((child) => (child.status === 'SUCCEEDED' ? transformed(child, transformation) : [executionRecord(child)]))
}

/**
 * Exports a Map Run's results as AWS's ResultWriter with `arn:aws:states:::s3:putObject` does:
 * under `<Prefix>/<map run id>/` it writes `SUCCEEDED_0.json` (succeeded children, shaped by
 * `WriterConfig.Transformation`, NONE by default), `FAILED_0.json` (failed, timed out, aborted:
 * always `executionRecord`s) and `PENDING_0.json` (never started), each only when it has
 * entries, as a JSON array or JSON Lines (`OutputType`), then `manifest.json` listing them
 * (`{ DestinationBucket, MapRunArn, ResultFiles: { FAILED, PENDING, SUCCEEDED } }`, each entry
 * `{ Key, Size }`). Returns what the Map state outputs: `{ MapRunArn, ResultWriterDetails }`.
 * The manifest is written last, so whoever finds it finds every file it lists.
 *
 * Not confirmed against AWS: the shape of PENDING entries (`{ Input, InputDetails }` here) and
 * JSONL's file name (AWS's `.json` is kept). AWS splits a file past 5 GB into `_1`, `_2`, ...;
 * locally every file is `_0`.
 *
 * @example
 * await writeResults({ Resource: 'arn:aws:states:::s3:putObject', Parameters: { Bucket: 'results', Prefix: 'csvJobs' } }, s3, run)
 * // { MapRunArn: run.mapRunArn, ResultWriterDetails: { Bucket: 'results', Key: 'csvJobs/ad9b5f27/manifest.json' } }
 */
export async function writeResults(resultWriter: ResultWriter, s3: LocalS3, run: MapRunResults): Promise<ResultWriterOutput> {
  if (resultWriter.Resource === undefined || !/^arn:aws[\w-]*:states:::s3:putObject$/.test(resultWriter.Resource)) {
    throw new ResultWriterFailed(`The ResultWriter Resource '${String(resultWriter.Resource)}' is not arn:aws:states:::s3:putObject.`)
  }
  const args = resultWriter.Arguments ?? resultWriter.Parameters ?? {}
  const bucket = args['Bucket']
  const prefix = args['Prefix'] ?? ''
  if (typeof bucket !== 'string' || bucket === '') throw new ResultWriterFailed("The ResultWriter's Parameters (or Arguments) need 'Bucket', a non-empty string.")
  if (typeof prefix !== 'string') throw new ResultWriterFailed("The ResultWriter's 'Prefix' must be a string.")
  const transformation = transformationOf(resultWriter.WriterConfig ?? {}, 'NONE')
  const outputType = outputTypeOf(resultWriter.WriterConfig ?? {})
  const folder = `${prefix === '' || prefix.endsWith('/') ? prefix : `${prefix}/`}${mapRunId(run.mapRunArn)}/`

  const groups: Record<ResultStatus, unknown[]> = {
    SUCCEEDED: run.succeeded.flatMap((child) => transformed(child, transformation)),
    FAILED: run.failed.map(executionRecord),
    PENDING: (run.pending ?? []).map((input) => ({ Input: JSON.stringify(input ?? null), InputDetails: { Included: true } })),
  }
  const resultFiles: Record<ResultStatus, { Key: string; Size: number }[]> = { FAILED: [], PENDING: [], SUCCEEDED: [] }
  for (const status of ['SUCCEEDED', 'FAILED', 'PENDING'] as const) {
    if (groups[status].length === 0) continue
    const key = `${folder}${status}_0.json`
    const body = Buffer.from(serialise(groups[status], outputType), 'utf8')
    await put(s3, bucket, key, body)
    resultFiles[status].push({ Key: key, Size: body.length })
  }
  const manifestKey = `${folder}manifest.json`
  await put(s3, bucket, manifestKey, Buffer.from(JSON.stringify({ DestinationBucket: bucket, MapRunArn: run.mapRunArn, ResultFiles: resultFiles }), 'utf8'))
  return { MapRunArn: run.mapRunArn, ResultWriterDetails: { Bucket: bucket, Key: manifestKey } }
}

function transformed(child: ChildExecution, transformation: ResultTransformation): unknown[] {
  if (transformation === 'NONE') return [executionRecord(child)]
  if (transformation === 'FLATTEN' && Array.isArray(child.output)) return child.output
  return [child.output ?? null]
}

function transformationOf(writerConfig: WriterConfig, fallback: ResultTransformation): ResultTransformation {
  const value = writerConfig.Transformation ?? fallback
  if (value !== 'NONE' && value !== 'COMPACT' && value !== 'FLATTEN') throw new ResultWriterFailed(`WriterConfig.Transformation '${String(value)}' is not one of NONE, COMPACT, FLATTEN.`)
  return value
}

function outputTypeOf(writerConfig: WriterConfig): OutputType {
  const value = writerConfig.OutputType ?? 'JSON'
  if (value !== 'JSON' && value !== 'JSONL') throw new ResultWriterFailed(`WriterConfig.OutputType '${String(value)}' is not one of JSON, JSONL.`)
  return value
}

function serialise(entries: readonly unknown[], outputType: OutputType): string {
  return outputType === 'JSON' ? JSON.stringify(entries) : entries.map((entry) => `${JSON.stringify(entry)}\n`).join('')
}

/** The map run id is the ARN's last `:` part, the folder AWS names after it. */
function mapRunId(arn: string): string {
  const id = arn.slice(arn.lastIndexOf(':') + 1)
  if (id === '') throw new ResultWriterFailed(`'${arn}' is not a Map Run ARN (…:mapRun:<state machine>/<label>:<id>).`)
  return id
}

async function put(s3: LocalS3, bucket: string, key: string, body: Uint8Array): Promise<void> {
  try {
    await s3.putObject({ Bucket: bucket, Key: key, Body: body })
  } catch (error) {
    if (error instanceof S3Error) throw new ResultWriterFailed(`Writing s3://${bucket}/${key} failed: ${error.name}: ${error.message}`)
    throw error
  }
}
