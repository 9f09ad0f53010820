import type { TaskCall } from '../interpreter/index.js'

/** When the Task started, on the execution's clock (`$$.State.EnteredTime`, virtual in tests), else now. */
export function taskTime(call: TaskCall): Date {
  const state = call.context.State as { readonly EnteredTime?: unknown } | undefined
  const entered = typeof state?.EnteredTime === 'string' ? new Date(state.EnteredTime) : undefined
  return entered !== undefined && !Number.isNaN(entered.getTime()) ? entered : new Date()
}
