import { BranchStopped } from './engine.js'
import type { Frame } from './types.js'

/** A sub-workflow's frame: its own variables (a copy of the outer ones it may read) and event chain. */
export function childFrame(parent: Frame, stop: AbortSignal, lastEventId: number, variables = parent.variables): Frame {
  return { env: parent.env, language: parent.language, variables, stop, lastEventId }
}

/** An AbortController that also aborts when the outer frame stops. */
export function linkedStop(outer: AbortSignal): AbortController {
  const controller = new AbortController()
  if (outer.aborted) controller.abort()
  else outer.addEventListener('abort', () => controller.abort(), { once: true })
  return controller
}

/**
 * Runs `count` jobs with at most `limit` at once (0 is no limit), really concurrently: each job
 * starts as soon as a slot is free. With `failFast`, the first failure stops the others and is
 * thrown; otherwise every job runs and each outcome is returned.
 */
export async function runPool<T>(count: number, limit: number, job: (index: number) => Promise<T>, stop: AbortController): Promise<T[]> {
  const results = new Array<T>(count)
  let nextIndex = 0
  let failure: unknown
  const worker = async (): Promise<void> => {
    while (failure === undefined && nextIndex < count) {
      const index = nextIndex
      nextIndex += 1
      try {
        results[index] = await job(index)
      } catch (error) {
        if (failure === undefined && !(error instanceof BranchStopped)) {
          failure = error
          stop.abort()
        }
      }
    }
  }
  const workers = Math.min(count, limit > 0 ? limit : count)
  await Promise.all(Array.from({ length: workers }, worker))
  if (failure !== undefined) throw failure
  if (stop.signal.aborted && results.length < count) throw new BranchStopped()
  return results
}
