import type { Diagnostic } from '../diagnostics.js'
import type { CheckContext } from './context.js'

/** One semantic check over an emitted (or hand-written) definition. */
export interface CheckRule {
  /** The code of the diagnostics it reports. */
  readonly code: string
  check(definition: unknown, context: CheckContext): Diagnostic[]
}
