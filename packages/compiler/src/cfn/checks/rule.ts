import type { Diagnostic } from '../../diagnostics.js'

/** One security rule over a CloudFormation template (parsed JSON or YAML, long-form intrinsics). Pure: no I/O, no mutation. */
export interface TemplateRule {
  /** The code of the diagnostics it reports. */
  readonly code: string
  check(template: unknown): Diagnostic[]
}
