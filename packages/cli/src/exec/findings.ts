import type { Diagnostic, Severity } from '@dlc/compiler'
import type { FileDiagnostic } from '../diagnostics.js'
import { pointerSegments } from '../validate/position.js'
import type { SourceDocument, SourceProblem } from '../validate/source.js'

/** A problem with a file dlc exec reads, at a path inside it. */
export interface Finding {
  readonly path: readonly (string | number)[]
  readonly severity: Severity
  readonly code: string
  readonly message: string
  readonly hint?: string
}

/** Places findings in the file: the line and column of each path, and the path as a JSON pointer. */
export function placeFindings(file: string, source: SourceDocument, findings: readonly Finding[]): FileDiagnostic[] {
  const positions = source.locate(findings.map((finding) => finding.path.map(String)))
  return findings.map((finding, index) => ({
    file,
    ...positions[index],
    severity: finding.severity,
    code: finding.code,
    message: finding.message,
    location: pointer(finding.path),
    ...(finding.hint === undefined ? {} : { hint: finding.hint }),
  }))
}

/** The validator's diagnostics of a definition, as findings at their pointers. */
export function definitionFindings(diagnostics: readonly Diagnostic[]): Finding[] {
  return diagnostics.map((diagnostic) => ({
    path: pointerSegments(diagnostic.location),
    severity: diagnostic.severity,
    code: diagnostic.code,
    message: diagnostic.message,
    ...(diagnostic.hint === undefined ? {} : { hint: diagnostic.hint }),
  }))
}

/** A file that could not be read or parsed, at the line and column the parser names. */
export function unreadableFile(file: string, problem: SourceProblem, hint?: string): FileDiagnostic {
  const fix = problem.hint ?? hint
  return {
    file,
    ...(problem.position === undefined ? {} : { line: problem.position.line, column: problem.position.column }),
    severity: 'ERROR',
    code: problem.code,
    message: problem.message,
    ...(fix === undefined ? {} : { hint: fix }),
  }
}

/**
 * A JSON pointer from its segments; the whole document is `/`, as AWS writes it.
 *
 * @example pointer(['mocks', 2, 'error']) // '/mocks/2/error'
 */
export function pointer(path: readonly (string | number)[]): string {
  return `/${path.map((segment) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`
}
