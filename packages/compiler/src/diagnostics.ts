/** How bad a finding is: an ERROR means AWS would reject the definition, a WARNING that it would run but probably not as meant. */
export type Severity = 'ERROR' | 'WARNING'

/**
 * One finding about a definition, in the shape of AWS's ValidateStateMachineDefinition
 * diagnostics so the CLI can print ours and AWS's alike.
 *
 * @example { severity: 'ERROR', code: 'MISSING_TRANSITION_TARGET', message: "Missing 'Next' target: Querry", location: '/States/Crawl/Next', hint: 'Did you mean "Query"?' }
 */
export interface Diagnostic {
  readonly severity: Severity
  /** A stable code: AWS's own where AWS has one (MISSING_TRANSITION_TARGET, SCHEMA_VALIDATION_FAILED, ...). */
  readonly code: string
  readonly message: string
  /** A JSON pointer (RFC 6901) into the definition; the whole definition is `/`, as AWS writes it. */
  readonly location: string
  /** What to do about it, when there is something better to say than the message. */
  readonly hint?: string
}

/**
 * Builds a JSON pointer from path segments, escaping `~` and `/` per RFC 6901.
 *
 * @example jsonPointer(['States', 'Load/Save', 'Next']) // '/States/Load~1Save/Next'
 */
export function jsonPointer(segments: readonly (string | number)[]): string {
  if (segments.length === 0) return '/'
  return segments.map((segment) => '/' + String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('')
}
