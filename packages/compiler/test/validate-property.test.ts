import fc from 'fast-check'
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { validate } from '../src/index.js'

const golden = new URL('../../dsl/test/golden/', import.meta.url)
const machines: unknown[] = readdirSync(golden)
  .filter((name) => name.endsWith('.asl.json'))
  .map((name) => JSON.parse(readFileSync(new URL(name, golden), 'utf8')) as unknown)

type Path = readonly (string | number)[]

/** Every place in a value a mutation can touch: the root and each key or index below it, down to a depth where machines end. */
function pathsOf(value: unknown, path: Path = [], into: Path[] = []): Path[] {
  into.push(path)
  if (path.length >= 40) return into
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...path, index], into))
  else if (typeof value === 'object' && value !== null) for (const [key, item] of Object.entries(value)) pathsOf(item, [...path, key], into)
  return into
}

const GARBAGE_STRINGS = ['{% %}', '{% $states.input. %}', '{% $x := %}', '$.', '$..[', '$$.Task', 'States.', 'States.Format(', 'States.ALL', 'States.Array(1,', '', ' ', '\u0000', '💥', 'a'.repeat(300)]
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf']
const ASL_KEYS = ['Type', 'Next', 'End', 'StartAt', 'States', 'Choices', 'Default', 'Branches', 'ItemProcessor', 'Iterator', 'Retry', 'Catch', 'ErrorEquals', 'Resource', 'Parameters', 'Arguments', 'Output', 'Assign', 'QueryLanguage', 'ResultPath', 'InputPath', 'ItemsPath', 'Items', 'Variable', 'Condition', 'Seconds', 'TimeoutSeconds', 'HeartbeatSeconds']

const scalar = fc.oneof(
  fc.constantFrom(...GARBAGE_STRINGS),
  fc.string(),
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 64, 1.5, -0),
  fc.double(),
  fc.integer(),
)

/** A value to put somewhere: a scalar, a small JSON value, an array, or something deeply nested. */
const injected = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.integer({ min: 50, max: 1500 }).map(deeplyNested) },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 5 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom(...PROTO_KEYS, ...ASL_KEYS), scalar, { maxKeys: 4 }) },
)

function deeplyNested(depth: number): unknown {
  let value: unknown = { Type: 'Pass', End: true }
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { States: value }
  return value
}

type Mutation =
  | { readonly kind: 'delete' | 'replace' | 'rename' | 'addKey' | 'pointNext'; readonly at: number; readonly key: string; readonly value: unknown }

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'replace', 'rename', 'addKey', 'pointNext'),
  at: fc.nat(),
  key: fc.oneof(fc.constantFrom(...PROTO_KEYS, ...ASL_KEYS), fc.string({ maxLength: 8 })),
  value: injected,
})

/** Applies mutations to a deep copy, so the machines above are never changed. */
function mutate(machine: unknown, mutations: readonly Mutation[]): unknown {
  const root: Record<string | number, unknown> = { value: structuredClone(machine) as unknown }
  for (const { kind, at, key, value } of mutations) {
    const paths = pathsOf(root['value'])
    const path = paths[at % paths.length] ?? []
    const parent = path.length === 0 ? root : (get(root['value'], path.slice(0, -1)) as Record<string | number, unknown>)
    const last = path.length === 0 ? 'value' : (path[path.length - 1] as string | number)
    const target = get(root['value'], path)
    if (kind === 'delete' && path.length > 0) {
      if (Array.isArray(parent)) parent.splice(Number(last), 1)
      else delete parent[last]
    } else if (kind === 'replace') {
      set(parent, last, value)
    } else if (kind === 'rename' && path.length > 0 && !Array.isArray(parent)) {
      delete parent[last]
      set(parent, key, target)
    } else if (kind === 'addKey' && typeof target === 'object' && target !== null && !Array.isArray(target)) {
      set(target as Record<string, unknown>, key, value)
    } else if (kind === 'pointNext' && typeof target === 'object' && target !== null && !Array.isArray(target)) {
      set(target as Record<string, unknown>, 'Next', typeof value === 'string' ? value : key)
    }
  }
  return root['value']
}

function get(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, segment) => (node as Record<string | number, unknown>)[segment], value)
}

/** An own, enumerable property even for `__proto__`, as JSON.parse would make it. */
function set(target: Record<string | number, unknown>, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

const mutatedMachine = fc.tuple(fc.constantFrom(...machines), fc.array(mutation, { minLength: 1, maxLength: 6 })).map(([machine, mutations]) => mutate(machine, mutations))

const randomValue = fc.oneof(
  fc.jsonValue({ maxDepth: 6 }),
  fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true, withBoxedValues: true, withSparseArray: true }),
)

/**
 * A mutated machine costs a whole validation (~3 ms, 10+ ms on a busy 2-core machine), so
 * 10,000 of them take minutes: the default keeps this file near 30 s; DLC_PROPERTY_RUNS=10000
 * runs the full count.
 */
const MUTATED_RUNS = Number(process.env['DLC_PROPERTY_RUNS'] ?? 1_500)

describe('validate() on any input', () => {
  it('starts from definitions that are valid', () => {
    expect(machines.length).toBeGreaterThan(3)
    for (const machine of machines) expect(validate(machine).diagnostics.filter((d) => d.severity === 'ERROR')).toEqual([])
  })

  it.each([
    ['random JSON and JS values', randomValue, 10_000],
    ['mutated valid machines', mutatedMachine, MUTATED_RUNS],
  ] as const)('never throws on %s, never mutates them, and answers { ok, diagnostics } consistently', (_, inputs, numRuns) => {
    fc.assert(
      fc.property(inputs, fc.constantFrom('STANDARD' as const, 'EXPRESS' as const), (input, type) => {
        const before = snapshot(structuredClone(input))
        expectWellFormed(validate(input, { type }))
        expect(snapshot(input)).toStrictEqual(before)
      }),
      { numRuns },
    )
  }, 600_000)
})

/**
 * Every own key and value, with `__proto__` keys as keys: structuredClone gives null-prototype
 * objects (JSON.parse makes them for a `"__proto__"` key) Object's prototype back, so the clone
 * and the input are compared on what the validator could have changed, their contents.
 */
function snapshot(value: unknown): unknown {
  if (Array.isArray(value)) return { array: value.length, items: Object.entries(value).map(([key, item]) => [key, snapshot(item)]) }
  if (typeof value !== 'object' || value === null) return value
  if (value instanceof String || value instanceof Number || value instanceof Boolean) return { boxed: value.valueOf() }
  return { object: Object.keys(value).map((key) => [key, snapshot((value as Record<string, unknown>)[key])]) }
}

function expectWellFormed(result: ReturnType<typeof validate>): void {
        expect(typeof result.ok).toBe('boolean')
        expect(Array.isArray(result.diagnostics)).toBe(true)
        for (const diagnostic of result.diagnostics) {
          expect(['ERROR', 'WARNING']).toContain(diagnostic.severity)
          expect(typeof diagnostic.code).toBe('string')
          expect(typeof diagnostic.message).toBe('string')
          expect(typeof diagnostic.location).toBe('string')
          if (diagnostic.hint !== undefined) expect(typeof diagnostic.hint).toBe('string')
        }
        expect(result.ok).toBe(!result.diagnostics.some((d) => d.severity === 'ERROR'))
}
