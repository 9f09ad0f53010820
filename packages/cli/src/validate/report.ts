import { isError, printDiagnostics, summary } from '../diagnostics.js'
import type { Writer } from '../io.js'
import type { CheckOutcome } from './check-files.js'

/**
 * Prints findings as compilers do, then one line that sums up:
 *
 *     orders.asl.json:7:7 /States/Score/Next: error MISSING_TRANSITION_TARGET: Missing 'Next' target: Querry
 *       hint: Did you mean "Query"?
 *     2 files, 1 invalid: 1 error, 0 warnings
 */
export function printText(out: Writer, outcome: CheckOutcome): void {
  const diagnostics = outcome.definitions.flatMap((definition) => definition.diagnostics)
  printDiagnostics(out, diagnostics)
  const files = new Set(outcome.definitions.map((definition) => definition.file))
  const invalid = new Set(outcome.definitions.filter((definition) => !definition.ok).map((definition) => definition.file))
  const machines = outcome.definitions.filter((definition) => definition.kind === 'definition' && !definition.diagnostics.some((d) => d.code === 'DLC_NO_STATE_MACHINE')).length
  let counts = count(files.size, 'file')
  if (machines !== files.size) counts += ` (${count(machines, 'state machine')})`
  if (outcome.skipped.length > 0) counts += `, ${outcome.skipped.length} skipped`
  out.write(`${counts}, ${invalid.size} invalid: ${summary(diagnostics)}\n`)
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`
}

/**
 * The report for tools: `{ ok, files: [{ kind, file, resource?, ok, diagnostics }], skipped }`, one
 * entry per definition and one per template (`kind: 'template'`) for the checks of the template as a whole.
 */
export function printJson(out: Writer, outcome: CheckOutcome): void {
  const report = {
    ok: outcome.definitions.every((definition) => definition.ok),
    files: outcome.definitions.map((definition) => ({
      ...definition,
      diagnostics: definition.diagnostics.map(({ file: _file, ...rest }) => rest),
    })),
    skipped: outcome.skipped,
  }
  out.write(JSON.stringify(report, null, 2) + '\n')
}

export function isValid(outcome: CheckOutcome): boolean {
  return !outcome.definitions.some((definition) => definition.diagnostics.some(isError))
}
