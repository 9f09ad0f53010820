import { MapRunRuntimeError } from '../../src/distributed/index.js'

/** Runs `run` and returns the `States.Runtime` error it throws; fails the test if it throws nothing or something else. */
export function runtimeFailure(run: () => unknown): MapRunRuntimeError {
  try {
    run()
  } catch (error) {
    if (error instanceof MapRunRuntimeError) return error
    throw error
  }
  throw new Error('did not fail')
}
