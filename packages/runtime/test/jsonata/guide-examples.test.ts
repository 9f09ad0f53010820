import { describe, expect, it } from 'vitest'
import { evaluateJsonata } from '@dlc/runtime'

const scope = (input: unknown = {}) => ({ states: { input, context: {} } })

describe("Step Functions' own JSONata functions, with the developer guide's examples", () => {
  it('$partition splits an array into chunks, the last one shorter', async () => {
    expect(await evaluateJsonata('$partition([1, 2, 3, 4, 5, 6, 7, 8, 9], 3)', scope())).toEqual([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
    expect(await evaluateJsonata('$partition([1, 2, 3, 4], 3)', scope())).toEqual([[1, 2, 3], [4]])
  })

  it('$range counts from start to end inclusive, by step', async () => {
    expect(await evaluateJsonata('$range(0, 10, 2)', scope())).toEqual([0, 2, 4, 6, 8, 10])
    expect(await evaluateJsonata('$range(5, 1, -2)', scope())).toEqual([5, 3, 1])
  })

  it('$hash gives the hex digest with each of the five algorithms', async () => {
    const input = { content: 'Hello World' }
    expect(await evaluateJsonata("$hash($states.input.content, 'SHA-256')", scope(input))).toBe('a591a6d40bf420404a011733cfb7b190d62c65bf0bcda32b57b277d9ad9f146e')
    expect(await evaluateJsonata("$hash($states.input.content, 'MD5')", scope(input))).toBe('b10a8db164e0754105b7a99be72e3fe5')
    expect(await evaluateJsonata("$hash($states.input.content, 'SHA-1')", scope(input))).toBe('0a4d55a8d778e5022fab701977c5d840bbc486d0')
    expect(await evaluateJsonata("$hash($states.input.content, 'SHA-384')", scope(input))).toMatch(/^[0-9a-f]{96}$/)
    expect(await evaluateJsonata("$hash($states.input.content, 'SHA-512')", scope(input))).toMatch(/^[0-9a-f]{128}$/)
  })

  it('$random takes an optional seed: unseeded uses options.random, a seed repeats its number', async () => {
    expect(await evaluateJsonata('$random()', scope(), { random: () => 0.25 })).toBe(0.25)
    const seeded = await evaluateJsonata('$random($states.input.seed)', scope({ seed: 42 }))
    expect(seeded).toBe(await evaluateJsonata('$random(42)', scope()))
    expect(seeded).toBeGreaterThanOrEqual(0)
    expect(seeded).toBeLessThan(1)
  })

  it('$uuid gives a version 4 UUID, or options.uuid', async () => {
    expect(await evaluateJsonata('$uuid()', scope())).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(await evaluateJsonata('$uuid()', scope(), { uuid: () => 'fixed' })).toBe('fixed')
  })

  it('$parse reads JSON text', async () => {
    expect(await evaluateJsonata('$parse($states.input.json_string)', scope({ json_string: '{"foo": "bar"}' }))).toEqual({ foo: 'bar' })
  })

  it('binds $states and each variable', async () => {
    const bindings = { states: { input: { a: 1 }, context: { State: { Name: 'S' } }, result: { r: 2 }, errorOutput: { Error: 'E' } }, variables: { total: 10 } }
    expect(await evaluateJsonata('[$states.input.a, $states.result.r, $states.errorOutput.Error, $states.context.State.Name, $total]', bindings)).toEqual([1, 2, 'E', 'S', 10])
  })

  it('gives plain JSON: no sequence markers, undefined when nothing matches', async () => {
    expect(await evaluateJsonata('$states.input.items.n', scope({ items: [{ n: 1 }, { n: 2 }] }))).toStrictEqual([1, 2])
    expect(await evaluateJsonata('$states.input.missing', scope())).toBeUndefined()
  })
})
