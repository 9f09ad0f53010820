import { awsSdk, gt, lambdaInvoke, type, workflow, type Flow, type Workflow } from '../../packages/dsl/src/index.js'

interface OrderLine {
  readonly sku: string
  readonly amount: number
}

/** What flows between segments; variables stay untyped because each segment assigns its own. */
interface Order {
  readonly orderId: string
  readonly lines: readonly OrderLine[]
  readonly total: number
}

type OrderFlow = Flow<Order, any>

/** States in one segment; a workflow of n states is n / SEGMENT_STATES segments in a row. */
export const SEGMENT_STATES = 10

/** Every this many segments, a segment fans out with a Parallel. */
const PARALLEL_EVERY = 5

const retry = [{ errorEquals: ['Lambda.TooManyRequestsException', 'States.Timeout'], intervalSeconds: 2, maxAttempts: 3, backoffRate: 2 }] as const

/**
 * An order-processing workflow of `states` states (a multiple of 10), built from segments
 * that mix what real machines contain: a Lambda Task with Retry and a Catch handler, a Pass
 * that reshapes and assigns, a Choice whose branches run their own states, a Map with a
 * small processor, Waits, SDK Tasks, and every fifth segment a Parallel.
 *
 * @example compileWorkflow(ordersWorkflow(1000).build())
 */
export function ordersWorkflow(states: number): Workflow {
  if (states % SEGMENT_STATES !== 0) throw new Error(`states must be a multiple of ${SEGMENT_STATES}, got ${states}`)
  return workflow(`orders-${states}`, { queryLanguage: 'JSONata', input: type<Order>() }).define((f) => {
    let flow: OrderFlow = f
    for (let i = 0; i < states / SEGMENT_STATES; i++) flow = segment(flow, i)
    return flow
  })
}

/** Ten states, suffixed with `i` because state names are unique machine-wide. */
function segment(f: OrderFlow, i: number): OrderFlow {
  const loaded = f
    .task(`Load ${i}`, {
      resource: lambdaInvoke<Order>(`orders-${i % 20}`),
      arguments: ($) => ({ Payload: { orderId: $.input.orderId, page: i } }),
      output: ($) => ({ orderId: $.result.Payload.orderId, lines: $.result.Payload.lines, total: $.result.Payload.total }),
      retry,
      catch: [{ errorEquals: ['States.ALL'], then: (e) => e.pass(`Recover ${i}`, { output: ($) => ({ orderId: 'unknown', lines: [], total: 0, error: $.input.Error }) }).goto(`Shape ${i}`) }],
    })
    .pass(`Shape ${i}`, {
      output: ($) => ({ orderId: $.input.orderId, lines: $.input.lines, total: $.input.total }),
      assign: ($) => ({ [`total${i}`]: $.input.total }),
    })
  const fans = i % PARALLEL_EVERY === PARALLEL_EVERY - 1
  const fanned = fans ? fanOut(loaded, i) : loaded.wait(`Pause ${i}`, { seconds: 1 }).task(`Audit ${i}`, {
    resource: awsSdk('sqs', 'sendMessage'),
    arguments: ($) => ({ QueueUrl: 'https://sqs.eu-west-1.amazonaws.com/123456789012/audit', MessageBody: $.input.orderId }),
    output: ($) => $.input,
  })
  return fanned
    .choice(`Route ${i}`, {
      choices: ($) => [
        {
          when: gt($.input.total, 100),
          then: (b) =>
            b.task(`Enrich ${i}`, {
              resource: awsSdk('dynamodb', 'getItem'),
              arguments: ($) => ({ TableName: 'customers', Key: { id: { S: $.input.orderId } } }),
              output: ($) => ({ orderId: $.input.orderId, lines: $.input.lines, total: $.input.total, tier: $.result.Item }),
              retry,
            }),
        },
      ],
      // The Parallel's third state is paid for by skipping Backoff: no match goes straight on.
      otherwise: fans ? `Each line ${i}` : (b) => b.wait(`Backoff ${i}`, { seconds: 5 }),
    })
    .map(`Each line ${i}`, {
      items: ($) => $.input.lines,
      maxConcurrency: 10,
      processor: (p) => p.pass(`Price line ${i}`, { output: ($) => ({ sku: $.input.sku, amount: $.input.amount }) }),
      output: ($) => ({ orderId: $.input.orderId, lines: $.result, total: $.input.total }),
    })
}

/** Replaces Pause + Audit with a Parallel of two branches (three states). */
function fanOut(f: OrderFlow, i: number): OrderFlow {
  return f.parallel(`Fan out ${i}`, {
    branches: [
      (b) => b.task(`Archive ${i}`, { resource: awsSdk('s3', 'putObject'), arguments: ($) => ({ Bucket: 'orders', Key: $.input.orderId, Body: $.input }) }),
      (b) => b.pass(`Notify ${i}`, { output: ($) => ({ orderId: $.input.orderId }) }),
    ],
    output: ($) => ({ orderId: $.result[1].orderId, lines: $.input.lines, total: $.input.total }),
    retry,
  })
}
