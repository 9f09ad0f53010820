// Type-level checks: the root `tsc --noEmit` checks them (a `.test-d.ts` would make vitest type-check the whole workspace).
import { describe, expectTypeOf, it } from 'vitest'
import { parsePath, readPath, type PathRead, type PathStep } from '../../src/jsonpath/index.js'

describe('types', () => {
  it('readPath gives a value only once found is checked', () => {
    const read = readPath('$.a', { input: {} })
    expectTypeOf(read).toEqualTypeOf<PathRead>()
    // @ts-expect-error the value is there only when found
    void read.value
    if (read.found) expectTypeOf(read.value).toBeUnknown()
  })

  it('roots other than the input are optional', () => {
    expectTypeOf(readPath).parameter(1).toEqualTypeOf<{ readonly input: unknown; readonly context?: unknown; readonly variables?: Readonly<Record<string, unknown>> }>()
  })

  it('steps are told apart by kind, and parsed paths are read-only', () => {
    const [step] = parsePath('$[0]').steps
    if (step?.kind === 'index') expectTypeOf(step.index).toBeNumber()
    if (step?.kind === 'slice') expectTypeOf(step.from).toEqualTypeOf<number | undefined>()
    expectTypeOf(parsePath('$').steps).toEqualTypeOf<readonly PathStep[]>()
  })
})
