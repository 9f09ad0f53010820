import { randomUUID } from 'node:crypto'
import { validate, type Diagnostic } from '@dlc/compiler'
import { LocalS3 } from '../s3/index.js'
import { RealClock, VirtualClock, type Clock } from './clock.js'
import { BranchStopped, runBlock } from './engine.js'
import { StatesError } from './errors.js'
import { History, json, type HistoryEvent } from './history.js'
import { TaskDispatcher, type TaskHandler, type TaskMock } from './tasks.js'
import type { ExecutionEnv, QueryLanguage, StatesBlock } from './types.js'

/** AWS's limit on a state's input, output and the execution's input: 256 KiB. */
const PAYLOAD_LIMIT = 262_144

export interface RunOptions {
  /** Task handlers by resource ARN; a key may use `*` (`arn:aws:lambda:*:function:score`). */
  readonly handlers?: Readonly<Record<string, TaskHandler>>
  /** Mocked task answers, tried before handlers. */
  readonly mocks?: readonly TaskMock[]
  /** `virtual` (the default) skips waits; `real` sleeps them. */
  readonly clock?: 'virtual' | 'real'
  /** When the execution starts (virtual clock); default now. */
  readonly startTime?: Date
  /** Names that appear in ARNs and the context object. */
  readonly name?: string
  readonly stateMachineName?: string
  readonly accountId?: string
  readonly region?: string
  readonly partition?: string
  readonly roleArn?: string
  /** Randomness for States.MathRandom/$random, States.UUID/$uuid and retry jitter. */
  readonly random?: () => number
  readonly uuid?: () => string
  /** Called with each history event as it happens. */
  readonly onEvent?: (event: HistoryEvent) => void
  /** Keep the history in the Execution (default true); off saves memory in long runs. */
  readonly history?: boolean
  /** The folder that stands in for S3 (`<folder>/<bucket>/<key>`): Distributed Map ItemReader and ResultWriter use it. */
  readonly s3?: LocalS3 | string
  /** STANDARD (the default) or EXPRESS: the execution ARN and context object differ as on AWS. */
  readonly type?: 'STANDARD' | 'EXPRESS'
  /** Validate the definition first (default true). */
  readonly validate?: boolean
}

export type ExecutionStatus = 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT'

/** A finished execution, as DescribeExecution and GetExecutionHistory would show it. */
export interface Execution {
  readonly executionArn: string
  readonly stateMachineArn: string
  readonly name: string
  readonly status: ExecutionStatus
  readonly startDate: Date
  readonly stopDate: Date
  readonly input: unknown
  /** Present when SUCCEEDED. */
  readonly output?: unknown
  /** Present when FAILED or TIMED_OUT and AWS would report them. */
  readonly error?: string
  readonly cause?: string
  readonly history: readonly HistoryEvent[]
}

/** A definition dlc's validator refuses: it does not run. */
export class InvalidDefinitionError extends Error {
  override readonly name = 'InvalidDefinitionError'
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(`The state machine definition is invalid:\n${diagnostics.map((d) => `  ${d.code} ${d.location}: ${d.message}`).join('\n')}`)
  }
}

/**
 * Runs a state machine (ASL JSON, whatever wrote it) on this machine with AWS's semantics and
 * resolves to the finished execution; a failed execution resolves too, with its error and cause.
 * Rejects only when the definition is invalid (InvalidDefinitionError) or the input too large.
 *
 * @example const execution = await run({ StartAt: 'Hi', States: { Hi: { Type: 'Pass', End: true } } }, { a: 1 })
 * execution.status // 'SUCCEEDED'; execution.output // { a: 1 }
 */
export async function run(definition: unknown, input: unknown = {}, options: RunOptions = {}): Promise<Execution> {
  if (options.validate !== false) {
    const errors = validationErrors(definition)
    if (errors.length > 0) throw new InvalidDefinitionError(errors)
  }
  const inputText = JSON.stringify(input)
  if (inputText === undefined || Buffer.byteLength(inputText, 'utf8') > PAYLOAD_LIMIT) {
    throw new RangeError(`The execution input must be a JSON value of at most ${PAYLOAD_LIMIT} bytes`)
  }
  const machine = definition as StatesBlock & { TimeoutSeconds?: number }
  const clock: Clock = options.clock === 'real' ? new RealClock() : new VirtualClock(options.startTime?.getTime())
  const ids = identities(options)
  const history = new History(() => clock.now(), options.onEvent, options.history !== false)
  const stopped = new AbortController()
  const startDate = new Date(clock.now())
  const env: ExecutionEnv = {
    clock,
    history,
    tasks: new TaskDispatcher(options.handlers, options.mocks),
    effects: { ...(options.random === undefined ? {} : { random: options.random }), ...(options.uuid === undefined ? {} : { uuid: options.uuid }) },
    execution: {
      Id: ids.executionArn,
      Input: input,
      Name: ids.name,
      RoleArn: ids.roleArn,
      StartTime: startDate.toISOString(),
      ...(options.type === 'EXPRESS' ? {} : { RedriveCount: 0 }),
    },
    stateMachine: { Id: ids.stateMachineArn, Name: ids.stateMachineName },
    region: ids.region,
    stopped: stopped.signal,
    payloadLimit: PAYLOAD_LIMIT,
    s3: typeof options.s3 === 'string' ? new LocalS3(options.s3) : options.s3,
  }
  const started = history.add('ExecutionStarted', 0, { input: inputText, inputDetails: { truncated: false }, roleArn: ids.roleArn })
  const language: QueryLanguage = machine.QueryLanguage === 'JSONata' ? 'JSONata' : 'JSONPath'
  const frame = { env, language, variables: {}, stop: stopped.signal, lastEventId: started }
  const base = { executionArn: ids.executionArn, stateMachineArn: ids.stateMachineArn, name: ids.name, startDate, input, history: history.events }

  const timeout = typeof machine.TimeoutSeconds === 'number' ? clock.deadline(machine.TimeoutSeconds * 1000) : undefined
  const timedOut = timeout?.passed.then(() => 'timed out' as const)
  try {
    const output = await (timedOut === undefined ? runBlock(machine, input, frame) : Promise.race([runBlock(machine, input, frame), timedOut]))
    if (output === 'timed out' && timedOut !== undefined) {
      stopped.abort()
      history.add('ExecutionTimedOut', frame.lastEventId, {})
      return { ...base, status: 'TIMED_OUT', stopDate: new Date(clock.now()) }
    }
    history.add('ExecutionSucceeded', frame.lastEventId, { output: json(output), outputDetails: { truncated: false } })
    return { ...base, status: 'SUCCEEDED', output, stopDate: new Date(clock.now()) }
  } catch (thrown) {
    stopped.abort()
    if (thrown instanceof BranchStopped) throw new Error('An execution stopped without a failure; this is a bug in the dlc runtime')
    if (!(thrown instanceof StatesError)) throw thrown
    history.add('ExecutionFailed', frame.lastEventId, thrown.details())
    return { ...base, status: 'FAILED', stopDate: new Date(clock.now()), ...(thrown.error === '' ? {} : { error: thrown.error }), ...(thrown.cause === undefined ? {} : { cause: thrown.cause }) }
  } finally {
    timeout?.cancel()
  }
}

/** Validation results by definition object: running one definition many times validates it once. */
const validated = new WeakMap<object, readonly Diagnostic[]>()

function validationErrors(definition: unknown): readonly Diagnostic[] {
  const cached = definition !== null && typeof definition === 'object' ? validated.get(definition) : undefined
  if (cached !== undefined) return cached
  const errors = validate(definition).diagnostics.filter((diagnostic) => diagnostic.severity === 'ERROR')
  if (definition !== null && typeof definition === 'object') validated.set(definition, errors)
  return errors
}

function identities(options: RunOptions): Record<'name' | 'stateMachineName' | 'region' | 'roleArn' | 'stateMachineArn' | 'executionArn', string> {
  const partition = options.partition ?? 'aws'
  const region = options.region ?? 'us-east-1'
  const account = options.accountId ?? '123456789012'
  const stateMachineName = options.stateMachineName ?? 'local'
  const name = options.name ?? (options.uuid ?? randomUUID)()
  return {
    name,
    stateMachineName,
    region,
    roleArn: options.roleArn ?? `arn:${partition}:iam::${account}:role/dlc-local`,
    stateMachineArn: `arn:${partition}:states:${region}:${account}:stateMachine:${stateMachineName}`,
    executionArn:
      options.type === 'EXPRESS'
        ? `arn:${partition}:states:${region}:${account}:express:${stateMachineName}:${name}:${(options.uuid ?? randomUUID)()}`
        : `arn:${partition}:states:${region}:${account}:execution:${stateMachineName}:${name}`,
  }
}
