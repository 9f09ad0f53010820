import type { HistoryEvent } from '@dlc/runtime'

/** One history event as `dlc exec --history` prints it. */
export interface EventLine {
  readonly id: number
  readonly type: string
  /** Milliseconds since the execution started. */
  readonly elapsed: number
  /** The state the event belongs to, when it belongs to one. */
  readonly state?: string
  /** The error of a failure or time-out event. */
  readonly error?: string
}

/**
 * Reads the state of each event from the history: StateEntered, StateExited and MapIteration
 * events name it in their details; the others (TaskScheduled, TaskFailed, ...) belong to the
 * state their previous event belongs to, up to the StateExited that ends it.
 *
 * @example eventLines(execution.history)[2] // { id: 3, type: 'TaskScheduled', elapsed: 0, state: 'Load' }
 */
export function eventLines(history: readonly HistoryEvent[]): EventLine[] {
  /** What each event hands on to the events that follow it: its state, or none once the state exited. */
  const handedOn = new Map<number, string | undefined>()
  const start = Date.parse(history[0]?.timestamp ?? '')
  return history.map((event) => {
    const own = details(event)
    const state = stateName(event, handedOn)
    handedOn.set(event.id, event.type.endsWith('StateExited') ? undefined : state)
    const error = /(Failed|TimedOut)$/.test(event.type) && typeof own?.['error'] === 'string' ? own['error'] : undefined
    return {
      id: event.id,
      type: event.type,
      elapsed: Date.parse(event.timestamp) - start,
      ...(state === undefined ? {} : { state }),
      ...(error === undefined ? {} : { error }),
    }
  })
}

/** The state an execution ended in: the one its last event before ExecutionFailed or ExecutionTimedOut belongs to. */
export function finalState(history: readonly HistoryEvent[]): string | undefined {
  const last = history[history.length - 1]
  if (last === undefined) return undefined
  const before = history.find((event) => event.id === last.previousEventId)
  if (before === undefined || before.type.endsWith('StateExited')) return undefined
  return eventLines(history).find((line) => line.id === before.id)?.state
}

function stateName(event: HistoryEvent, handedOn: ReadonlyMap<number, string | undefined>): string | undefined {
  if (event.type.startsWith('Execution')) return undefined
  const named = details(event)?.['name']
  return typeof named === 'string' ? named : handedOn.get(event.previousEventId)
}

/** The `...EventDetails` object of an event, whatever its type calls it. */
function details(event: HistoryEvent): Readonly<Record<string, unknown>> | undefined {
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith('EventDetails') && typeof value === 'object' && value !== null) return value as Record<string, unknown>
  }
  return undefined
}
