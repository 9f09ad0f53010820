import type { Outcome, StateRun } from '../types.js'
import { runChoice } from './choice.js'
import { runFail } from './fail.js'
import { runMap } from './map.js'
import { runParallel } from './parallel.js'
import { runPass } from './pass.js'
import { runSucceed } from './succeed.js'
import { runTask } from './task.js'
import { runWait } from './wait.js'

export type StateRunner = (run: StateRun, input: unknown) => Promise<Outcome>

/** One runner per ASL state type. */
export const STATE_RUNNERS: Readonly<Record<string, StateRunner>> = {
  Pass: runPass,
  Task: runTask,
  Choice: runChoice,
  Wait: runWait,
  Succeed: runSucceed,
  Fail: runFail,
  Parallel: runParallel,
  Map: runMap,
}
