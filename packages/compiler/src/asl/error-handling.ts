import type { CatcherNode, RetrierNode } from '@dlc/dsl'
import { emitLayout, type Layout } from './layout.js'
import type { AslObject } from './types.js'

const RETRIER: Layout<RetrierNode> = [
  ['ErrorEquals', 'errorEquals'],
  ['Comment', 'comment'],
  ['IntervalSeconds', 'intervalSeconds'],
  ['MaxAttempts', 'maxAttempts'],
  ['BackoffRate', 'backoffRate'],
  ['MaxDelaySeconds', 'maxDelaySeconds'],
  ['JitterStrategy', 'jitterStrategy'],
]

const CATCHER: Layout<CatcherNode> = [
  ['ErrorEquals', 'errorEquals'],
  ['Comment', 'comment'],
  ['ResultPath', 'resultPath'],
  ['Output', 'output'],
  ['Assign', 'assign'],
  ['Next', 'next'],
]

/** `ErrorEquals, Comment, IntervalSeconds, MaxAttempts, BackoffRate, MaxDelaySeconds, JitterStrategy`. */
export function emitRetrier(retrier: RetrierNode): AslObject {
  return emitLayout(retrier, RETRIER)
}

/** `ErrorEquals, Comment, ResultPath, Output, Assign, Next`. */
export function emitCatcher(catcher: CatcherNode): AslObject {
  return emitLayout(catcher, CATCHER)
}
