/**
 * The peer of `workload.ts`: the same order-processing workflow, state for state, written
 * with AWS CDK's Step Functions library (JSONata), so the bench can time CDK turning it
 * into ASL in the same run as dlc.
 */
import { App, Duration, Stack } from 'aws-cdk-lib'
import * as lambda from 'aws-cdk-lib/aws-lambda'
import * as sfn from 'aws-cdk-lib/aws-stepfunctions'
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks'
import { SEGMENT_STATES } from './workload.js'

/** Every this many segments, a segment fans out with a Parallel (as in `workload.ts`). */
const PARALLEL_EVERY = 5

/** `workload.ts` calls `orders-0` .. `orders-19`. */
const FUNCTIONS = 20

const retry: sfn.RetryProps = { errors: ['Lambda.TooManyRequestsException', 'States.Timeout'], interval: Duration.seconds(2), maxAttempts: 3, backoffRate: 2 }

/** The states of one workflow, in a stack of their own, before CDK renders them. */
export interface CdkOrdersWorkflow {
  readonly stack: Stack
  readonly startState: sfn.State
}

/**
 * An order-processing workflow of `states` states (a multiple of 10) as CDK constructs:
 * the same names, segments and fields as `ordersWorkflow(states)`.
 *
 * @example renderCdkWorkflow(cdkOrdersWorkflow(1000))
 */
export function cdkOrdersWorkflow(states: number): CdkOrdersWorkflow {
  if (states % SEGMENT_STATES !== 0) throw new Error(`states must be a multiple of ${SEGMENT_STATES}, got ${states}`)
  const stack = new Stack(new App(), `Orders${states}`)
  const functions = Array.from({ length: FUNCTIONS }, (_, n) =>
    lambda.Function.fromFunctionArn(stack, `Orders${n}`, `arn:aws:lambda:eu-west-1:123456789012:function:orders-${n}`),
  )
  const segments = Array.from({ length: states / SEGMENT_STATES }, (_, i) => segment(stack, functions, i))
  segments.forEach((current, i) => {
    const following = segments[i + 1]
    if (following !== undefined) current.last.next(following.first)
  })
  return { stack, startState: segments[0]!.first }
}

/**
 * The ASL object CDK renders for a workflow, as `StateMachine` does for
 * `DefinitionBody.fromChainable(...)` with `queryLanguage: JSONATA` (before its tokens are resolved).
 */
export function renderCdkWorkflow(built: CdkOrdersWorkflow): object {
  const graph = new sfn.StateGraph(built.startState, `orders in ${built.stack.stackName}`)
  return { ...graph.toGraphJson(sfn.QueryLanguage.JSONATA), QueryLanguage: sfn.QueryLanguage.JSONATA }
}

interface Segment {
  readonly first: sfn.State
  readonly last: sfn.Map
}

/** Ten states, suffixed with `i` because state names are unique machine-wide. */
function segment(stack: Stack, functions: readonly lambda.IFunction[], i: number): Segment {
  const load = tasks.LambdaInvoke.jsonata(stack, `Load ${i}`, {
    lambdaFunction: functions[i % FUNCTIONS]!,
    payload: sfn.TaskInput.fromObject({ orderId: '{% $states.input.orderId %}', page: i }),
    // dlc adds no retries of its own; without this CDK adds one for Lambda service errors.
    retryOnServiceExceptions: false,
    outputs: { orderId: '{% $states.result.Payload.orderId %}', lines: '{% $states.result.Payload.lines %}', total: '{% $states.result.Payload.total %}' },
  })
  const recover = sfn.Pass.jsonata(stack, `Recover ${i}`, {
    outputs: { orderId: 'unknown', lines: [], total: 0, error: '{% $states.input.Error %}' },
  })
  const shape = sfn.Pass.jsonata(stack, `Shape ${i}`, {
    outputs: { orderId: '{% $states.input.orderId %}', lines: '{% $states.input.lines %}', total: '{% $states.input.total %}' },
    assign: { [`total${i}`]: '{% $states.input.total %}' },
  })
  load.addRetry(retry).addCatch(recover, { errors: ['States.ALL'] }).next(shape)
  recover.next(shape)

  const fans = i % PARALLEL_EVERY === PARALLEL_EVERY - 1
  const route = sfn.Choice.jsonata(stack, `Route ${i}`)
  if (fans) shape.next(fanOut(stack, i)).next(route)
  else {
    const audit = tasks.CallAwsService.jsonata(stack, `Audit ${i}`, {
      service: 'sqs',
      action: 'sendMessage',
      parameters: { QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/audit', MessageBody: '{% $states.input.orderId %}' },
      iamResources: ['*'],
      outputs: '{% $states.input %}',
    })
    shape.next(sfn.Wait.jsonata(stack, `Pause ${i}`, { time: sfn.WaitTime.duration(Duration.seconds(1)) })).next(audit).next(route)
  }

  const eachLine = sfn.Map.jsonata(stack, `Each line ${i}`, {
    items: sfn.ProvideItems.jsonata('{% $states.input.lines %}'),
    maxConcurrency: 10,
    outputs: { orderId: '{% $states.input.orderId %}', lines: '{% $states.result %}', total: '{% $states.input.total %}' },
  }).itemProcessor(
    sfn.Pass.jsonata(stack, `Price line ${i}`, { outputs: { sku: '{% $states.input.sku %}', amount: '{% $states.input.amount %}' } }),
  )
  const enrich = tasks.CallAwsService.jsonata(stack, `Enrich ${i}`, {
    service: 'dynamodb',
    action: 'getItem',
    parameters: { TableName: 'customers', Key: { id: { S: '{% $states.input.orderId %}' } } },
    iamResources: ['*'],
    outputs: { orderId: '{% $states.input.orderId %}', lines: '{% $states.input.lines %}', total: '{% $states.input.total %}', tier: '{% $states.result.Item %}' },
  })
  enrich.addRetry(retry).next(eachLine)
  // The Parallel's third state is paid for by skipping Backoff: no match goes straight on.
  route
    .when(sfn.Condition.jsonata('{% $states.input.total > 100 %}'), enrich)
    .otherwise(fans ? eachLine : sfn.Wait.jsonata(stack, `Backoff ${i}`, { time: sfn.WaitTime.duration(Duration.seconds(5)) }).next(eachLine))
  return { first: load, last: eachLine }
}

/** Replaces Pause + Audit with a Parallel of two branches (three states). */
function fanOut(stack: Stack, i: number): sfn.Parallel {
  return sfn.Parallel.jsonata(stack, `Fan out ${i}`, {
    outputs: { orderId: '{% $states.result[1].orderId %}', lines: '{% $states.input.lines %}', total: '{% $states.input.total %}' },
  })
    .branch(
      tasks.CallAwsService.jsonata(stack, `Archive ${i}`, {
        service: 's3',
        action: 'putObject',
        parameters: { Bucket: 'orders', Key: '{% $states.input.orderId %}', Body: '{% $states.input %}' },
        iamResources: ['*'],
      }),
    )
    .branch(sfn.Pass.jsonata(stack, `Notify ${i}`, { outputs: { orderId: '{% $states.input.orderId %}' } }))
    .addRetry(retry)
}
