import { describe, expectTypeOf, it } from 'vitest'
import { awsSdk, eq, gt, lambdaInvoke, States, type, workflow, type Expr, type FlowOutput, type FlowVars } from '@dlc/dsl'

/** The run-time type an expression stands for. */
type ValueOf<E> = E extends Expr<infer T> ? T : never

interface Order {
  readonly orderId: string
  readonly amount: number
  readonly customer: { readonly email: string; readonly tags: readonly string[] }
  readonly note?: string
}

const orders = workflow('types', { input: type<Order>() })

describe('typed data flow', () => {
  it('accessors follow the input type and reject misspelt fields', () => {
    orders.define((f) =>
      f.pass('P', {
        output: ($) => {
          expectTypeOf<ValueOf<typeof $.input.orderId>>().toEqualTypeOf<string>()
          expectTypeOf<ValueOf<typeof $.input.amount>>().toEqualTypeOf<number>()
          expectTypeOf<ValueOf<(typeof $.input.customer.tags)[0]>>().toEqualTypeOf<string>()
          expectTypeOf<ValueOf<typeof $.input.note>>().toEqualTypeOf<string | undefined>()
          // @ts-expect-error orderID is not a field of Order
          $.input.orderID
          // @ts-expect-error emial is not a field of the customer
          $.input.customer.emial
          return { id: $.input.orderId }
        },
      }),
    )
  })

  it('a state output is the next state input: Output, Task results and Assign variables', () => {
    orders.define((f) => {
      const scored = f.task('Score', {
        resource: lambdaInvoke<{ score: number; reasons: string[] }>('score'),
        output: ($) => ({ id: $.input.orderId, score: $.result.Payload.score }),
        assign: ($) => ({ firstReason: $.result.Payload.reasons[0] }),
      })
      expectTypeOf<FlowOutput<typeof scored>>().toEqualTypeOf<{ id: string; score: number }>()
      expectTypeOf<FlowVars<typeof scored>['firstReason']>().toEqualTypeOf<string | undefined>()
      return scored.pass('Next', {
        output: ($) => {
          // @ts-expect-error the Score output has no amount: the Output replaced the input
          $.input.amount
          // @ts-expect-error no variable of that name was assigned
          $.vars.firstreason
          return { reason: $.vars.firstReason, score: $.input.score }
        },
      })
    })
  })

  it('without Output a Task passes its raw result on', () => {
    orders.define((f) => {
      const listed = f.task('List', { resource: awsSdk<{ KeyCount: number }>('s3', 'listObjectsV2'), arguments: { Bucket: 'b' } })
      expectTypeOf<FlowOutput<typeof listed>>().toEqualTypeOf<{ KeyCount: number }>()
      return listed
    })
  })

  it('JSONPath ResultSelector and ResultPath shape the output', () => {
    workflow('jp', { queryLanguage: 'JSONPath', input: type<Order>() }).define((f) => {
      const placed = f.task('List', {
        resource: awsSdk<{ KeyCount: number }>('s3', 'listObjectsV2'),
        resultSelector: ($) => ({ files: $.result.KeyCount }),
        resultPath: '$.listing',
      })
      expectTypeOf<FlowOutput<typeof placed>['listing']>().toEqualTypeOf<{ files: number }>()
      expectTypeOf<FlowOutput<typeof placed>['orderId']>().toEqualTypeOf<string>()
      const discarded = placed.task('Touch', { resource: awsSdk('s3', 'headBucket'), resultPath: null })
      expectTypeOf(discarded).toEqualTypeOf<typeof placed>()
      return discarded
    })
  })

  it('Parallel results are a tuple of the branch outputs, Map results an array of the processor output', () => {
    orders.define((f) =>
      f
        .parallel('Both', {
          branches: [(b) => b.pass('A', { output: { a: 1 } }), (b) => b.pass('B', { output: ($) => ({ email: $.input.customer.email }) })],
          output: ($) => {
            expectTypeOf<ValueOf<typeof $.result[0]['a']>>().toEqualTypeOf<number>()
            expectTypeOf<ValueOf<typeof $.result[1]['email']>>().toEqualTypeOf<string>()
            return { a: $.result[0].a, tags: $.input.customer.tags }
          },
        })
        .map('Each tag', {
          items: ($) => $.input.tags,
          processor: (p) => p.pass('Tag', { output: ($) => ({ tag: $.input }) }),
          output: ($) => {
            expectTypeOf<ValueOf<NonNullable<(typeof $.result)[0]>['tag']>>().toEqualTypeOf<string>()
            return { tags: $.result }
          },
        }),
    )
  })

  it('conditions and intrinsics check operand types', () => {
    orders.define((f) =>
      f.choice('C', {
        choices: ($) => [
          { when: eq($.input.orderId, 'x'), goto: 'C' },
          { when: gt($.input.amount, 10), goto: 'C' },
          // @ts-expect-error a number field compared with a string
          { when: gt($.input.amount, 'ten'), goto: 'C' },
        ],
        assign: ($) => {
          expectTypeOf<ValueOf<ReturnType<typeof States.ArrayLength>>>().toEqualTypeOf<number>()
          // @ts-expect-error ArrayLength needs an array
          States.ArrayLength($.input.orderId)
          return { n: States.ArrayLength($.input.customer.tags) }
        },
      }),
    )
  })
})

describe('variable scopes', () => {
  it('an inline Map reads the outer variables; a Distributed Map cannot', () => {
    orders.define((f) =>
      f
        .pass('Remember', { assign: ($) => ({ region: $.input.orderId }) })
        .map('Inline', { items: ($) => $.input.customer.tags, processor: (p) => p.pass('Use', { output: ($) => ({ r: $.vars.region }) }) })
        .map('Distributed', {
          mode: 'DISTRIBUTED',
          items: ['a'],
          processor: (p) =>
            p.pass('Child', {
              output: ($) => {
                // @ts-expect-error a Distributed Map's child execution has no access to the parent's variables
                $.vars.region
                return {}
              },
            }),
        }),
    )
  })
})
