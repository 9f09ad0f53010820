import { jsonPointer, type Diagnostic, type Severity } from '@dlc/compiler'
import type { Engine, EntityType, StandardDiagnostic, TemplateFile } from '@aws/cloudformation-validate'
import type { Position } from './position.js'

/** A finding about a template, with where it starts in the file when the finder knows. */
export interface TemplateFinding {
  readonly diagnostic: Diagnostic
  readonly position?: Position
}

let engine: Promise<Engine> | undefined

/**
 * AWS's CloudFormation validator (@aws/cloudformation-validate, WebAssembly), loaded and built
 * on first use and kept for the process: loading compiles 9 MB of WebAssembly and building
 * compiles every bundled resource schema and rule, seconds in all, while a template then takes
 * milliseconds. Commands that never see a template never pay for it. The engine is never freed:
 * it lives as long as the process.
 *
 * @example await cloudFormationEngine() // in a test's beforeAll, to build it once per file
 */
export function cloudFormationEngine(): Promise<Engine> {
  if (engine === undefined) {
    engine = import('@aws/cloudformation-validate').then((module) => new module.CelEngine())
    // A failed build is not kept: the next template tries again.
    engine.catch(() => (engine = undefined))
  }
  return engine
}

/**
 * Runs AWS's validator (schema checks and the cfn-lint rules it bundles) on a template's text
 * and turns its findings into dlc's: FATAL and ERROR are errors, WARN a warning, INFO and DEBUG
 * (tags, replacement notes, name-length limits) are left out. Codes are AWS's rule ids (E3002,
 * W3005, ...); locations are JSON pointers into `template`, the same text parsed. Never throws:
 * a validator that cannot run is a DLC_CFN_VALIDATOR_FAILED warning.
 *
 * @example await validateWithCloudFormation(text, 'template.yaml', parsed)
 */
export async function validateWithCloudFormation(text: string, fileName: string, template: unknown): Promise<TemplateFinding[]> {
  try {
    const validator = await cloudFormationEngine()
    const file: TemplateFile = { path: fileName, readBytes: () => Buffer.from(text) }
    const report = validator.validateStandard(file, { severityLevel: 'WARN' })
    const findings = report.diagnostics.flatMap((finding) => fromAws(finding, template))
    if (report.status !== 'OK') findings.push({ diagnostic: incomplete(report.status) })
    return findings
  } catch (error) {
    return [{ diagnostic: failed(error) }]
  }
}

const SEVERITIES: Readonly<Record<string, Severity>> = { FATAL: 'ERROR', ERROR: 'ERROR', WARN: 'WARNING' }

function fromAws(finding: StandardDiagnostic, template: unknown): TemplateFinding[] {
  const severity = SEVERITIES[finding.severity]
  if (severity === undefined) return []
  const diagnostic: Diagnostic = {
    severity,
    code: finding.ruleId,
    message: finding.message,
    location: jsonPointer(segmentsOf(finding, template)),
    ...(finding.suggestedFix === undefined ? {} : { hint: finding.suggestedFix }),
  }
  const position = finding.startLine === undefined ? {} : { position: { line: finding.startLine, column: finding.startColumn ?? 1 } }
  return [{ diagnostic, ...position }]
}

/** The template section each kind of entity is declared in; the last four are single values, not maps of entities. */
const SECTIONS: Readonly<Record<EntityType, string>> = {
  Resource: 'Resources',
  Parameter: 'Parameters',
  Output: 'Outputs',
  Mapping: 'Mappings',
  Metadata: 'Metadata',
  Rule: 'Rules',
  Condition: 'Conditions',
  Transform: 'Transform',
  FormatVersion: 'AWSTemplateFormatVersion',
  Description: 'Description',
}
const SINGLE: ReadonlySet<EntityType> = new Set(['Transform', 'FormatVersion', 'Description'])

/**
 * Where a finding is, as pointer segments. AWS's `propertyPath` is either relative to the
 * entity (`Properties.Tags.0.Value`) or starts at its section (`Outputs/Out/Value.Fn::GetAtt.1`).
 * Dots separate segments but may sit inside keys too, so the dotted part is matched against the
 * template, longest key first.
 */
function segmentsOf(finding: StandardDiagnostic, template: unknown): string[] {
  const { entity, propertyPath } = finding
  let base: string[] = []
  let dotted = propertyPath ?? ''
  if (dotted.includes('/')) {
    const parts = dotted.split('/')
    base = parts.slice(0, 2)
    dotted = parts.slice(2).join('/')
  } else if (entity !== undefined) {
    const section = SECTIONS[entity.entityType]
    base = SINGLE.has(entity.entityType) ? [section] : [section, entity.logicalId]
  }
  return [...base, ...matchDotted(valueAt(template, base), dotted === '' ? [] : dotted.split('.'))]
}

function matchDotted(start: unknown, tokens: readonly string[]): string[] {
  const segments: string[] = []
  let node = start
  for (let index = 0; index < tokens.length; ) {
    let end = index + 1
    if (isRecord(node)) {
      for (let candidate = tokens.length; candidate > index + 1; candidate--) {
        if (tokens.slice(index, candidate).join('.') in node) {
          end = candidate
          break
        }
      }
    }
    const key = tokens.slice(index, end).join('.')
    segments.push(key)
    node = child(node, key)
    index = end
  }
  return segments
}

function valueAt(value: unknown, segments: readonly string[]): unknown {
  return segments.reduce(child, value)
}

function child(node: unknown, key: string): unknown {
  if (Array.isArray(node)) return node[Number(key)]
  return isRecord(node) ? node[key] : undefined
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function incomplete(status: string): Diagnostic {
  return {
    severity: 'WARNING',
    code: 'DLC_CFN_ANALYSIS_INCOMPLETE',
    message: `AWS's CloudFormation validator did not finish the template (status ${status}); some findings may be missing`,
    location: '/',
  }
}

function failed(error: unknown): Diagnostic {
  return {
    severity: 'WARNING',
    code: 'DLC_CFN_VALIDATOR_FAILED',
    message: `AWS's CloudFormation validator could not run, so the template was checked by dlc's rules only: ${error instanceof Error ? error.message : String(error)}`,
    location: '/',
    hint: 'check that @aws/cloudformation-validate is installed with dlc (Node 20 or later)',
  }
}
