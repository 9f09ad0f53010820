import type { CatcherNode, RetrierNode } from '@dlc/dsl'
import { ordered } from './ordered.js'
import type { AslObject } from './types.js'

/** `ErrorEquals, Comment, IntervalSeconds, MaxAttempts, BackoffRate, MaxDelaySeconds, JitterStrategy`. */
export function emitRetrier(retrier: RetrierNode): AslObject {
  return ordered([
    ['ErrorEquals', retrier.errorEquals],
    ['Comment', retrier.comment],
    ['IntervalSeconds', retrier.intervalSeconds],
    ['MaxAttempts', retrier.maxAttempts],
    ['BackoffRate', retrier.backoffRate],
    ['MaxDelaySeconds', retrier.maxDelaySeconds],
    ['JitterStrategy', retrier.jitterStrategy],
  ])
}

/** `ErrorEquals, Comment, ResultPath, Output, Assign, Next`. */
export function emitCatcher(catcher: CatcherNode): AslObject {
  return ordered([
    ['ErrorEquals', catcher.errorEquals],
    ['Comment', catcher.comment],
    ['ResultPath', catcher.resultPath],
    ['Output', catcher.output],
    ['Assign', catcher.assign],
    ['Next', catcher.next],
  ])
}
