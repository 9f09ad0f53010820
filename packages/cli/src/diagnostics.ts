import type { Diagnostic, Severity } from '@dlc/compiler'
import type { Writer } from './io.js'

/**
 * A finding as the CLI reports it: the compiler's diagnostic plus where it is. Findings
 * about a definition carry its JSON pointer in `location`; findings about source code
 * carry `line` and `column` (both 1-based) instead.
 */
export interface FileDiagnostic {
  /** Relative to the working directory. */
  readonly file: string
  /** The workflow the finding is about, when the file exports several. */
  readonly workflow?: string
  /** Where the definition sits in a CloudFormation template: `Resources/Orders/Properties/DefinitionString`. */
  readonly definition?: string
  readonly line?: number
  readonly column?: number
  readonly severity: Severity
  readonly code: string
  readonly message: string
  readonly location?: string
  readonly hint?: string
}

/** Places a compiler diagnostic in the file that declared the workflow. */
export function inFile(file: string, diagnostic: Diagnostic, workflow?: string): FileDiagnostic {
  return {
    file,
    ...(workflow === undefined ? {} : { workflow }),
    severity: diagnostic.severity,
    code: diagnostic.code,
    message: diagnostic.message,
    location: diagnostic.location,
    ...(diagnostic.hint === undefined ? {} : { hint: diagnostic.hint }),
  }
}

export function isError(diagnostic: { readonly severity: Severity }): boolean {
  return diagnostic.severity === 'ERROR'
}

/**
 * Prints findings the way compilers do, one per line with hints below:
 *
 *     pipeline.ts /States/Load/Next: error MISSING_TRANSITION_TARGET: Missing 'Next' target: Querry
 *       hint: Did you mean "Query"?
 */
export function printDiagnostics(out: Writer, diagnostics: readonly FileDiagnostic[]): void {
  for (const diagnostic of diagnostics) {
    out.write(`${where(diagnostic)}: ${diagnostic.severity.toLowerCase()} ${diagnostic.code}: ${diagnostic.message}\n`)
    if (diagnostic.hint !== undefined) out.write(`  hint: ${diagnostic.hint}\n`)
  }
}

function where(diagnostic: FileDiagnostic): string {
  let text = diagnostic.file
  if (diagnostic.line !== undefined) text += `:${diagnostic.line}:${diagnostic.column ?? 1}`
  if (diagnostic.workflow !== undefined) text += ` (${diagnostic.workflow})`
  if (diagnostic.definition !== undefined) text += ` ${diagnostic.definition}`
  if (diagnostic.location !== undefined) text += ` ${diagnostic.location}`
  return text
}

/** `2 errors, 1 warning` */
export function summary(diagnostics: readonly FileDiagnostic[]): string {
  const errors = diagnostics.filter(isError).length
  const warnings = diagnostics.length - errors
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`
}
