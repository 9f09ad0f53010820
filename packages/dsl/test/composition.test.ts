import { describe, expect, it } from 'vitest'
import { eq, lambdaInvoke, States, type, workflow, type ErrorOutput } from '@dlc/dsl'

describe('composition', () => {
  it('building twice gives equal, frozen, JSON-serialisable IR', () => {
    const wf = workflow('twice', { input: type<{ a: number }>() }).define((f) =>
      f.task('Call', { resource: lambdaInvoke('fn'), output: ($) => ({ a: $.result.Payload }) }).succeed('Done'),
    )
    const first = wf.build()
    const second = wf.build()
    expect(second).toEqual(first)
    expect(JSON.parse(JSON.stringify(first))).toEqual(first)
    expect(Object.isFrozen(first)).toBe(true)
    expect(Object.isFrozen(first.states[0])).toBe(true)
    expect(() => ((first.states as unknown as unknown[]).length = 0)).toThrow(TypeError)
  })

  it('extending a flow never changes an earlier flow', () => {
    let head: unknown
    const wf = workflow('persistent').define((f) => {
      const a = f.pass('A')
      head = a
      return a.pass('B')
    })
    expect(wf.build().states.map((s) => s.name)).toEqual(['A', 'B'])
    expect(head).not.toBe(undefined)
  })

  it('a second next state is an error naming both, never a silent overwrite', () => {
    const describe = () =>
      workflow('fork').define((f) => {
        const a = f.pass('A')
        a.pass('B')
        return a.pass('C')
      })
    expect(describe).toThrowError(
      expect.objectContaining({ code: 'DLC_FLOW_FORK', message: '/States/C: state "A" already has a next state ("B")' }),
    )
  })

  it('states added after the flow that was returned are an error, never silently dropped', () => {
    const wf = workflow('dropped').define((f) => {
      const start = f.pass('Start')
      start.pass('Added later').pass('And another')
      return start
    })
    expect(() => wf.build()).toThrowError(
      expect.objectContaining({ code: 'DLC_FLOW_DROPPED', message: '/States/Added later: "Added later", "And another" were described but are not part of the workflow' }),
    )
  })

  it('a shared handler whose flow was not kept is reported too', () => {
    const wf = workflow('dropped-handler').define((f) => {
      f.also((h) => h.pass('Lost handler'))
      return f
    })
    expect(() => wf.build()).toThrowError(expect.objectContaining({ code: 'DLC_FLOW_DROPPED', message: expect.stringContaining('the states of also(...)') }))
  })

  it('a branch function that returns no flow is a clear error, not a crash', () => {
    const describe = () =>
      workflow('no-return').define((f) =>
        f.parallel('Both', {
          branches: [
            (b) => b.pass('A'),
            // @ts-expect-error the function forgets to return the flow it built
            (b) => {
              b.pass('B')
            },
          ],
        }),
      )
    expect(describe).toThrowError(expect.objectContaining({ code: 'DLC_FLOW_DROPPED', hint: 'return the flow the function built: (b) => b.pass(...).succeed(...)' }))
  })

  it('duplicate state names anywhere in the machine are an error with both places', () => {
    const wf = workflow('dupes').define((f) =>
      f.pass('Load').parallel('Both', { branches: [(b) => b.pass('Load'), (b) => b.pass('Other')] }),
    )
    expect(() => wf.build()).toThrowError(
      expect.objectContaining({ code: 'DUPLICATE_STATE_NAME', location: '/States/Both/Branches/0/States/Load', message: expect.stringContaining('also at /States/Load') }),
    )
  })

  it('loops, reused states and shared handlers compose', () => {
    const wf = workflow('loop', { input: type<{ status: string }>() }).define((f) =>
      f
        .also<ErrorOutput>((h) => h.pass('Notify failure').fail('Failed'))
        .task('Start', { resource: lambdaInvoke('start'), catch: [{ errorEquals: ['States.ALL'], goto: 'Notify failure' }] })
        .wait('Wait', { seconds: 10 })
        .task('Poll', {
          resource: lambdaInvoke<{ status: string }>('poll'),
          output: ($) => ({ status: $.result.Payload.status }),
          catch: [{ errorEquals: ['States.ALL'], goto: 'Notify failure' }],
        })
        .choice('Done?', { choices: ($) => [{ when: eq($.input.status, 'RUNNING'), goto: 'Wait' }] })
        .succeed('Finished'),
    )
    const ir = wf.build()
    expect(ir.states.map((s) => s.name)).toEqual(['Start', 'Wait', 'Poll', 'Done?', 'Finished', 'Notify failure', 'Failed'])
    expect(ir.states.find((s) => s.name === 'Done?')).toMatchObject({ choices: [{ next: 'Wait' }], default: 'Finished' })
  })

  it('per-state JSONata inside a JSONPath machine, never the reverse', () => {
    const upgrade = workflow('upgrade', { queryLanguage: 'JSONPath', input: type<{ n: number }>() }).define((f) =>
      f.pass('Path', { parameters: ($) => ({ n: $.input.n }) }).pass('Ata', { queryLanguage: 'JSONata', output: ($) => ({ m: $.input.n }) }),
    )
    expect(upgrade.build().states[1]).toEqual({ kind: 'Pass', name: 'Ata', queryLanguage: 'JSONata', output: { m: '{% $states.input.n %}' }, end: true })
    expect(() => workflow('downgrade').define((f) => f.pass('P', { queryLanguage: 'JSONPath' }))).toThrowError(
      expect.objectContaining({ code: 'SCHEMA_VALIDATION_FAILED', location: '/States/P/QueryLanguage' }),
    )
  })

  it('variables: names Step Functions accepts, $states reserved, in both languages', () => {
    const bad = (name: string, queryLanguage: 'JSONata' | 'JSONPath') =>
      () => workflow('vars', { queryLanguage, input: type<{ a: number }>() }).define((f) => f.pass('P', { assign: ($) => ({ [name]: $.input.a }) })).build()
    expect(bad('states', 'JSONata')).toThrowError(expect.objectContaining({ location: '/States/P/Assign/states', hint: '$states is reserved by Step Functions' }))
    expect(bad('1st', 'JSONPath')).toThrowError(expect.objectContaining({ location: '/States/P/Assign/1st.$', code: 'SCHEMA_VALIDATION_FAILED' }))
    expect(bad('total-rows', 'JSONata')).toThrowError(expect.objectContaining({ message: '/States/P/Assign/total-rows: "total-rows" is not a valid variable name' }))
    expect(bad('año_2', 'JSONata')).not.toThrow()
  })

  it('intrinsics render in JSONPath and, where JSONata has the same function, in JSONata', () => {
    const make = (queryLanguage: 'JSONata' | 'JSONPath') =>
      workflow(`intrinsics-${queryLanguage}`, { queryLanguage, input: type<{ list: number[]; text: string }>() })
        .define((f) =>
          f.pass('P', {
            [queryLanguage === 'JSONata' ? 'output' : 'parameters']: ($: any) => ({
              count: States.ArrayLength($.input.list),
              unique: States.ArrayUnique($.input.list),
              parts: States.StringSplit($.input.text, ','),
              sum: States.MathAdd(1, 2),
              id: States.UUID(),
            }),
          }),
        )
        .build().states[0]
    expect(make('JSONPath')).toMatchObject({
      parameters: {
        'count.$': 'States.ArrayLength($.list)',
        'unique.$': 'States.ArrayUnique($.list)',
        'parts.$': "States.StringSplit($.text, ',')",
        'sum.$': 'States.MathAdd(1, 2)',
        'id.$': 'States.UUID()',
      },
    })
    expect(make('JSONata')).toMatchObject({
      output: {
        count: '{% $count($states.input.list) %}',
        unique: '{% $distinct($states.input.list) %}',
        parts: '{% $split($states.input.text, ",") %}',
        sum: '{% (1 + 2) %}',
        id: '{% $uuid() %}',
      },
    })
    const format = workflow('format').define((f) => f.pass('P', { output: ($) => ({ s: States.Format('{}', $.input.x) }) }))
    expect(() => format.build()).toThrowError(expect.objectContaining({ message: '/States/P/Output/s: States.Format is a JSONPath intrinsic function' }))
  })

  it('escapes intrinsic string arguments but keeps Format placeholders', () => {
    const wf = workflow('escapes', { queryLanguage: 'JSONPath', input: type<{ a: string }>() }).define((f) =>
      f.pass('P', { parameters: ($) => ({ s: States.Format("it's {} ok", $.input.a), t: States.StringSplit($.input.a, "{'}") }) }),
    )
    expect(wf.build().states[0]).toMatchObject({
      parameters: { 's.$': "States.Format('it\\'s {} ok', $.a)", 't.$': "States.StringSplit($.a, '\\{\\'\\}')" },
    })
  })
})
