import type { FileDiagnostic } from '../diagnostics.js'
import type { CheckOutcome } from './check-files.js'

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json'

/**
 * The findings as one SARIF 2.1.0 run, for code-scanning tools: a rule per code seen, a result
 * per finding with its file, line and column when known, and its JSON pointer as a logical
 * location and in `properties.pointer`.
 *
 * @example JSON.stringify(toSarif(outcome, '0.1.0'))
 */
export function toSarif(outcome: CheckOutcome, version: string): object {
  const diagnostics = outcome.definitions.flatMap((definition) =>
    definition.diagnostics.map((diagnostic) => ({ diagnostic, resource: definition.resource })),
  )
  const codes = [...new Set(diagnostics.map(({ diagnostic }) => diagnostic.code))].sort()
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'dlc',
            version,
            semanticVersion: version,
            rules: codes.map((code) => ({ id: code, name: ruleName(code) })),
          },
        },
        columnKind: 'utf16CodeUnits',
        results: diagnostics.map(({ diagnostic, resource }) => result(diagnostic, resource, codes.indexOf(diagnostic.code))),
      },
    ],
  }
}

/** `MISSING_TRANSITION_TARGET` -> `MissingTransitionTarget`, SARIF's advice for rule names. */
function ruleName(code: string): string {
  return code
    .toLowerCase()
    .split('_')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join('')
}

function result(diagnostic: FileDiagnostic, resource: string | undefined, ruleIndex: number): object {
  const pointer = diagnostic.location
  const logical = [diagnostic.definition, pointer === undefined || pointer === '/' ? undefined : pointer.slice(1)].filter((part) => part !== undefined).join('/')
  const region = diagnostic.line === undefined ? {} : { region: { startLine: diagnostic.line, startColumn: diagnostic.column ?? 1 } }
  const text = diagnostic.hint === undefined ? diagnostic.message : `${diagnostic.message}\nhint: ${diagnostic.hint}`
  return {
    ruleId: diagnostic.code,
    ruleIndex,
    level: diagnostic.severity === 'ERROR' ? 'error' : 'warning',
    message: { text },
    locations: [
      {
        physicalLocation: { artifactLocation: { uri: encodeURI(diagnostic.file) }, ...region },
        ...(logical === '' ? {} : { logicalLocations: [{ fullyQualifiedName: logical, kind: 'element' }] }),
      },
    ],
    properties: {
      ...(pointer === undefined ? {} : { pointer }),
      ...(resource === undefined ? {} : { resource }),
      ...(diagnostic.definition === undefined ? {} : { definition: diagnostic.definition }),
    },
  }
}
