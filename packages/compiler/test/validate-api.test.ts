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
})
