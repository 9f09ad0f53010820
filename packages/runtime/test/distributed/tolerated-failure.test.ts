import { describe, expect, it } from 'vitest'
import { toleratedFailureExceeded } from '../../src/distributed/index.js'
import { runtimeFailure } from './failures.js'

describe('toleratedFailureExceeded', () => {
  it('with no threshold fails the run on any failure (the default percentage is 0)', () => {
    expect(toleratedFailureExceeded(10, 0)).toBe(false)
    expect(toleratedFailureExceeded(10, 1)).toBe(true)
    expect(toleratedFailureExceeded(0, 0)).toBe(false)
  })

  it('by count fails only when failures exceed the count', () => {
    expect(toleratedFailureExceeded(100, 10, { ToleratedFailureCount: 10 })).toBe(false)
    expect(toleratedFailureExceeded(100, 11, { ToleratedFailureCount: 10 })).toBe(true)
    expect(toleratedFailureExceeded(100, 0, { ToleratedFailureCount: 0 })).toBe(false)
    expect(toleratedFailureExceeded(100, 1, { ToleratedFailureCount: 0 })).toBe(true)
  })

  it('by percentage fails only when failed / total exceeds it; 100 tolerates every failure, 0 none', () => {
    expect(toleratedFailureExceeded(200, 2, { ToleratedFailurePercentage: 1 })).toBe(false)
    expect(toleratedFailureExceeded(200, 3, { ToleratedFailurePercentage: 1 })).toBe(true)
    expect(toleratedFailureExceeded(3, 1, { ToleratedFailurePercentage: 33.3 })).toBe(true)
    expect(toleratedFailureExceeded(3, 1, { ToleratedFailurePercentage: 33.34 })).toBe(false)
    expect(toleratedFailureExceeded(5, 5, { ToleratedFailurePercentage: 100 })).toBe(false)
    expect(toleratedFailureExceeded(5, 1, { ToleratedFailurePercentage: 0 })).toBe(true)
    expect(toleratedFailureExceeded(1000, 5, { ToleratedFailurePercentage: 0.5 })).toBe(false)
    expect(toleratedFailureExceeded(1000, 6, { ToleratedFailurePercentage: 0.5 })).toBe(true)
  })

  it('with both fails when either is exceeded', () => {
    const both = { ToleratedFailureCount: 5, ToleratedFailurePercentage: 10 }
    expect(toleratedFailureExceeded(100, 5, both)).toBe(false)
    expect(toleratedFailureExceeded(100, 6, both)).toBe(true)
    expect(toleratedFailureExceeded(20, 3, both)).toBe(true)
    expect(toleratedFailureExceeded(20, 2, { ToleratedFailureCount: 0, ToleratedFailurePercentage: 50 })).toBe(true)
  })

  it.each([
    [{ ToleratedFailureCount: -1 }, 'ToleratedFailureCount cannot be negative.'],
    [{ ToleratedFailurePercentage: -1 }, 'ToleratedFailurePercentage must be between 0 and 100.'],
    [{ ToleratedFailurePercentage: -1.1 }, 'ToleratedFailurePercentage must be between 0 and 100.'],
    [{ ToleratedFailurePercentage: 100.1 }, 'ToleratedFailurePercentage must be between 0 and 100.'],
    [{ ToleratedFailureCount: 1.5 }, 'ToleratedFailureCount must be an integer, got 1.5.'],
  ])('refuses %j as States.Runtime even when nothing failed', (tolerated, cause) => {
    const error = runtimeFailure(() => toleratedFailureExceeded(1, 0, tolerated))
    expect(error.name).toBe('States.Runtime')
    expect(error.cause).toBe(cause)
  })
})
