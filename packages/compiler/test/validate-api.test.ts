import { describe, expect, it } from 'vitest'
import { validate } from '@dlc/compiler'

const machine = { StartAt: 'A', States: { A: { Type: 'Pass', Result: { 'x.$': '$.y' }, End: true } } }

describe('validate()', () => {
  it('takes a definition object, or its JSON text as AWS does', () => {
    expect(validate(JSON.stringify(machine))).toEqual(validate(machine))
    expect(validate('{"StartAt": ')).toEqual({
      ok: false,
      diagnostics: [expect.objectContaining({ severity: 'ERROR', code: 'INVALID_JSON_DESCRIPTION', location: '/' })],
    })
  })

  it('is ok with warnings: AWS accepts a definition it only warns about', () => {
    const { ok, diagnostics } = validate(machine)
    expect(ok).toBe(true)
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'WARNING', code: 'PASS_RESULT_IS_STATIC' })])
  })

  it('refuses EXPRESS-only violations only when told the machine is EXPRESS', () => {
    const callback = { StartAt: 'T', States: { T: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage.waitForTaskToken', End: true } } }
    expect(validate(callback).ok).toBe(true)
    expect(validate(callback, { type: 'EXPRESS' })).toMatchObject({ ok: false, diagnostics: [{ location: '/States/T/Resource' }] })
  })

  it('answers for input it cannot copy (a cycle, a getter that throws) and never touches it', () => {
    const cyclic: Record<string, unknown> = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }
    cyclic['Self'] = cyclic
    const throwing = { StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }
    Object.defineProperty(throwing, 'Comment', {
      enumerable: true,
      get: () => {
        throw new Error('unreadable')
      },
    })
    for (const input of [cyclic, throwing]) {
      const { ok, diagnostics } = validate(input)
      expect(ok).toBe(false)
      expect(diagnostics.length).toBeGreaterThan(0)
    }
    expect(cyclic['Self']).toBe(cyclic)
  })

  it('names a Type that is not a string as String() does, also when it has no prototype', () => {
    const typeObject = { __proto__: null, kind: 'Task' }
    const machine = { QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: typeObject, Output: '{% $states.result %}', End: true } } }
    const messages = validate(machine).diagnostics.map((d) => d.message)
    expect(messages).toContain("$states.result is not available in 'Output' of a [object Object] state")
  })
})
