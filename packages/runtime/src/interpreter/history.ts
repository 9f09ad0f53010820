/**
 * One event of an execution's history, shaped as Step Functions' GetExecutionHistory returns it:
 * `{ timestamp, type, id, previousEventId, <kind>EventDetails }`.
 */
export interface HistoryEvent {
  readonly timestamp: string
  readonly type: string
  readonly id: number
  readonly previousEventId: number
  readonly [details: string]: unknown
}

/** The details field AWS uses for each event type. */
const DETAILS: ReadonlyArray<readonly [RegExp, (match: RegExpExecArray) => string]> = [
  [/StateEntered$/, () => 'stateEnteredEventDetails'],
  [/StateExited$/, () => 'stateExitedEventDetails'],
  [/^(Fail|Parallel|Map)StateFailed$/, () => 'stateFailedEventDetails'],
  [/^(Execution|Task|LambdaFunction|MapState|MapIteration|MapRun)(\w+)$/, (match) => `${lowerFirst(match[1] ?? '')}${match[2] ?? ''}EventDetails`],
  [/^EvaluationFailed$/, () => 'evaluationFailedEventDetails'],
]

const lowerFirst = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1)

const keysByType = new Map<string, string | undefined>()

function detailsKey(type: string): string | undefined {
  if (keysByType.has(type)) return keysByType.get(type)
  let found: string | undefined
  for (const [pattern, key] of DETAILS) {
    const match = pattern.exec(type)
    if (match !== null) {
      found = key(match)
      break
    }
  }
  keysByType.set(type, found)
  return found
}

/** An event's details, or a function that builds them: skipped when nobody keeps or watches the history. */
export type EventDetails = Readonly<Record<string, unknown>> | (() => Readonly<Record<string, unknown>>)

/** A payload as history shows it: JSON text. */
export const json = (value: unknown): string => JSON.stringify(value === undefined ? null : value)

/**
 * Records an execution's events in order, numbered from 1 as AWS numbers them, each pointing at
 * the event that led to it, and tells listeners as they happen (for progress output).
 */
export class History {
  readonly events: HistoryEvent[] = []
  private lastId = 0
  // Events in the same millisecond share one ISO text: most of a fast execution's events do.
  private stampedAt = Number.NaN
  private stamp = ''

  constructor(
    private readonly now: () => number,
    private readonly listener?: (event: HistoryEvent) => void,
    private readonly keep = true,
  ) {}

  /** Adds an event and returns its id. `details` lands under the key AWS uses for the type. */
  add(type: string, previousEventId: number, details?: EventDetails): number {
    this.lastId += 1
    if (!this.keep && this.listener === undefined) return this.lastId
    const now = this.now()
    if (now !== this.stampedAt) {
      this.stampedAt = now
      this.stamp = new Date(now).toISOString()
    }
    const event: Record<string, unknown> = { timestamp: this.stamp, type, id: this.lastId, previousEventId }
    const key = detailsKey(type)
    if (details !== undefined && key !== undefined) event[key] = typeof details === 'function' ? details() : details
    if (this.keep) this.events.push(event as HistoryEvent)
    this.listener?.(event as HistoryEvent)
    return this.lastId
  }
}
