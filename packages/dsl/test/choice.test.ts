import { describe, expect, it } from 'vitest'
import {
  and,
  eq,
  ge,
  gt,
  isBoolean,
  isNull,
  isNumeric,
  isPresent,
  isString,
  isTimestamp,
  le,
  lt,
  matches,
  not,
  or,
  timestamp,
  type,
  workflow,
} from '@dlc/dsl'
import { expectGolden } from './support/golden.js'

interface Run {
  readonly status: string
  readonly rows: number
  readonly limit: number
  readonly strict: boolean
  readonly finishedAt: string
  readonly file: string
  readonly note?: string | null
}

const rules = workflow('choice-rules', { queryLanguage: 'JSONPath', input: type<Run>() })

describe('Choice', () => {
  it('JSONPath: every comparison family, Path variants, type tests, And/Or/Not, Default', async () => {
    const wf = rules.define((f) =>
      f.choice('Route', {
        comment: 'all JSONPath rule shapes',
        choices: ($) => [
          { when: eq($.input.status, 'DONE'), goto: 'Done' },
          { when: and(gt($.input.rows, 0), le($.input.rows, $.input.limit, 'Numeric')), goto: 'Done' },
          { when: or(lt($.input.rows, 10), ge($.input.rows, 1000)), goto: 'Done' },
          { when: not(eq($.input.strict, true)), goto: 'Done' },
          { when: lt($.input.finishedAt, timestamp('2026-01-01T00:00:00Z')), goto: 'Done' },
          { when: matches($.input.file, 'sales-*.csv'), goto: 'Done' },
          { when: and(isPresent($.input.note), not(isNull($.input.note))), goto: 'Done' },
          { when: or(isString($.input.status), isNumeric($.input.rows), isBoolean($.input.strict), isTimestamp($.input.finishedAt)), goto: 'Done' },
          { when: isPresent($.input.note, false), comment: 'no note', assign: ($) => ({ noted: false, status: $.input.status }), goto: 'Done' },
        ],
        otherwise: (b) => b.fail('Unknown status', { error: 'UnknownStatus' }),
      }).succeed('Done'),
    )
    await expectGolden('choice-jsonpath', wf)
  })

  it('JSONata: the same conditions as Condition expressions, rule Output and Assign', async () => {
    const wf = workflow('choice-jsonata', { input: type<Run>() }).define((f) =>
      f
        .choice('Route', {
          choices: ($) => [
            { when: eq($.input.status, 'DONE'), goto: 'Done' },
            { when: and(gt($.input.rows, 0), le($.input.rows, $.input.limit)), goto: 'Done' },
            { when: not(eq($.input.strict, true)), assign: { lenient: true }, goto: 'Done' },
            { when: lt($.input.finishedAt, timestamp('2026-01-01T00:00:00Z')), output: ($) => ({ late: $.input.finishedAt }), goto: 'Done' },
            { when: matches($.input.file, 'sales-*.csv'), goto: 'Done' },
            { when: isNull($.input.note), goto: 'Done' },
          ],
          assign: ($) => ({ lastStatus: $.input.status }),
        })
        .pass('No match falls through')
        .succeed('Done'),
    )
    await expectGolden('choice-jsonata', wf)
  })

  it('a branch continues with what follows the Choice; a loop goes back', () => {
    const wf = workflow('choice-flow', { input: type<{ state: string; tries: number }>() }).define((f) =>
      f
        .wait('Poll', { seconds: 30 })
        .pass('Check')
        .choice('Still running?', {
          choices: ($) => [
            { when: eq($.input.state, 'RUNNING'), goto: 'Poll' },
            { when: eq($.input.state, 'FAILED'), then: (b) => b.pass('Log failure').fail('Failed') },
            { when: eq($.input.state, 'PARTIAL'), then: (b) => b.pass('Repair') },
          ],
        })
        .succeed('Finished'),
    )
    const states = Object.fromEntries(wf.build().states.map((s) => [s.name, s]))
    expect(states['Still running?']).toMatchObject({
      choices: [{ next: 'Poll' }, { next: 'Log failure' }, { next: 'Repair' }],
      default: 'Finished',
    })
    expect(states['Repair']).toMatchObject({ next: 'Finished' })
    expect(states['Log failure']).toMatchObject({ next: 'Failed' })
  })

  it('comparing two paths in JSONPath needs the operand type', () => {
    const wf = rules.define((f) => f.choice('C', { choices: ($) => [{ when: eq($.input.rows, $.input.limit), goto: 'C' }] }))
    expect(() => wf.build()).toThrowError(expect.objectContaining({ location: '/States/C/Choices/0', hint: expect.stringContaining("'Numeric'") }))
  })

  it('a rule that leads nowhere is an error, not a dangling transition', () => {
    const wf = workflow('nowhere').define((f) => f.choice('C', { choices: ($) => [{ when: eq($.input.a, 1), then: (b) => b }] }))
    expect(() => wf.build()).toThrowError(expect.objectContaining({ code: 'MISSING_TRANSITION_TARGET', location: '/States/C/Choices/0' }))
  })
})
