import { MapRunRuntimeError } from './failure.js'

/** A Distributed Map's failure tolerance, with `...Path` and JSONata forms already resolved. */
export interface ToleratedFailure {
  readonly ToleratedFailureCount?: number
  readonly ToleratedFailurePercentage?: number
}

/**
 * Whether a Map Run's failures exceed what it tolerates, by "Setting failure thresholds for
 * Distributed Map states" in the developer guide: the run fails when failed items exceed
 * `ToleratedFailureCount`, or when failed items / all items × 100 exceed
 * `ToleratedFailurePercentage`; given both, exceeding either fails it; given neither, any failure
 * fails it (the default percentage is 0). "Failed" counts failed and timed-out items. When this
 * is true the Map state fails with `States.ExceedToleratedFailureThreshold`.
 *
 * A negative count or a percentage outside 0-100 is `States.Runtime`, with the causes AWS was
 * recorded giving ("ToleratedFailureCount cannot be negative.", "ToleratedFailurePercentage must
 * be between 0 and 100.").
 *
 * @example toleratedFailureExceeded(200, 3, { ToleratedFailurePercentage: 1 }) // true: 1.5 % of the items failed
 */
export function toleratedFailureExceeded(total: number, failed: number, tolerated: ToleratedFailure = {}): boolean {
  const count = tolerated.ToleratedFailureCount
  const percentage = tolerated.ToleratedFailurePercentage
  if (count !== undefined && (typeof count !== 'number' || !Number.isInteger(count))) {
    throw new MapRunRuntimeError(`ToleratedFailureCount must be an integer, got ${JSON.stringify(count)}.`)
  }
  if (count !== undefined && count < 0) throw new MapRunRuntimeError('ToleratedFailureCount cannot be negative.')
  if (percentage !== undefined && (typeof percentage !== 'number' || !(percentage >= 0 && percentage <= 100))) {
    throw new MapRunRuntimeError('ToleratedFailurePercentage must be between 0 and 100.')
  }
  if (failed <= 0) return false
  if (count === undefined && percentage === undefined) return true
  const overCount = count !== undefined && failed > count
  const overPercentage = percentage !== undefined && total > 0 && (failed / total) * 100 > percentage
  return overCount || overPercentage
}
