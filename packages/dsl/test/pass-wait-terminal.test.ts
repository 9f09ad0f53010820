import { describe, expect, it } from 'vitest'
import { condition, jsonata, States, type, workflow } from '@dlc/dsl'
import { expectGolden } from './support/golden.js'

interface Batch {
  readonly batchDate: string
  readonly delaySeconds: number
  readonly notBefore: string
  readonly error: { readonly code: string; readonly message: string }
}

describe('Pass, Wait, Succeed and Fail', () => {
  it('JSONata: Output, Assign, dynamic Seconds and Timestamp, expression Error and Cause', async () => {
    const wf = workflow('flow-states-jsonata', { input: type<Batch>() }).define((f) =>
      f
        .pass('Remember batch', {
          comment: 'keeps the date for later states',
          assign: ($) => ({ batchDate: $.input.batchDate, attempts: 0 }),
          output: ($) => ({ delaySeconds: $.input.delaySeconds, notBefore: $.input.notBefore, error: $.input.error }),
        })
        .wait('Settle', { seconds: ($) => $.input.delaySeconds, assign: ($) => ({ waited: $.input.delaySeconds }) })
        .wait('Until window', { timestamp: ($) => $.input.notBefore, output: ($) => ({ error: $.input.error, day: $.vars.batchDate }) })
        .wait('Fixed', { seconds: 5 })
        .wait('Fixed time', { timestamp: '2026-01-01T03:00:00Z' })
        .choice('Failed?', {
          choices: ($) => [
            {
              when: condition(jsonata<boolean>`$exists(${$.input.error.code})`),
              then: (b) => b.fail('Stop', { error: ($) => $.input.error.code, cause: ($) => jsonata<string>`"batch " & ${$.vars.batchDate} & " failed"` }),
            },
          ],
        })
        .succeed('Finished', { output: ($) => ({ day: $.vars.batchDate }) }),
    )
    await expectGolden('flow-states-jsonata', wf)
  })

  it('JSONPath: Result, Parameters, ResultPath, *Path fields, ErrorPath and CausePath', async () => {
    const wf = workflow('flow-states-jsonpath', { queryLanguage: 'JSONPath', input: type<Batch>() }).define((f) =>
      f
        .pass('Defaults', { result: { retries: 3, zone: 'raw' }, resultPath: '$.defaults', assign: ($) => ({ zone: $.result.zone }) })
        .pass('Shape', {
          parameters: ($) => ({ date: $.input.batchDate, wait: $.input.delaySeconds, at: $.input.notBefore, key: States.Format('sales/{}/', $.input.batchDate), error: $.input.error }),
        })
        .wait('Settle', { seconds: ($) => $.input.wait })
        .wait('Until', { timestamp: ($) => $.input.at, inputPath: '$', outputPath: '$' })
        .pass('Drop input', { inputPath: null, resultPath: null })
        .fail('Stop', { error: 'Batch.Failed', cause: 'stopped by policy' }),
    )
    await expectGolden('flow-states-jsonpath', wf)
  })

  it('JSONPath Fail takes ErrorPath / CausePath from paths', () => {
    const wf = workflow('fail-paths', { queryLanguage: 'JSONPath', input: type<Batch>() }).define((f) =>
      f.fail('Stop', { error: ($) => $.input.error.code, cause: ($) => States.Format('failed: {}', $.input.error.message) }),
    )
    expect(wf.build().states[0]).toEqual({ kind: 'Fail', name: 'Stop', errorPath: '$.error.code', causePath: "States.Format('failed: {}', $.error.message)" })
  })

  it('a Wait needs exactly one of seconds or timestamp', () => {
    expect(() => workflow('bad-wait').define((f) => f.wait('W', {}))).toThrowError(expect.objectContaining({ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/W' }))
  })
})
