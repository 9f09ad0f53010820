import { checkDefinition } from '../checks/index.js'
import type { Diagnostic } from '../diagnostics.js'
import { schemaFindings, type SchemaFinding } from '../schema/index.js'
import { sameShapeCopy } from './same-shape-copy.js'

export interface ValidateOptions {
  /** The state machine's type: EXPRESS machines cannot use `.sync`, `.waitForTaskToken` or activities. */
  readonly type?: 'STANDARD' | 'EXPRESS'
}

export interface ValidationResult {
  /** No ERROR diagnostic: AWS would accept the definition. Warnings do not make it invalid. */
  readonly ok: boolean
  readonly diagnostics: readonly Diagnostic[]
}

/**
 * Checks an ASL definition — written by dlc, by hand, or exported from Workflow Studio — the way
 * AWS's ValidateStateMachineDefinition does, and more: dlc's JSON Schema for the shape, then the
 * semantic rules. A string is taken as the definition's JSON text, as AWS takes it. Pure: it
 * never mutates its input and never throws, whatever the input.
 *
 * @example const { ok, diagnostics } = validate(JSON.parse(text))
 */
export function validate(input: unknown, options: ValidateOptions = {}): ValidationResult {
  const parsed = typeof input === 'string' ? parseDefinition(input) : { definition: input }
  if ('error' in parsed) return { ok: false, diagnostics: [parsed.error] }
  const definition = readableCopy(parsed.definition)
  const rules = guarded(() => checkDefinition(definition, options.type ?? 'STANDARD'))
  const schema = guarded(() => schemaFindings(definition))
  const fromSchema = schema.ok ? schema.value.filter((finding) => !rules.ok || !rules.value.some((d) => covers(d, finding))).map((f) => f.diagnostic) : [schema.error]
  const diagnostics = [...fromSchema, ...(rules.ok ? rules.value : [rules.error])]
  return { ok: !diagnostics.some((d) => d.severity === 'ERROR'), diagnostics }
}

/**
 * Whether a rule already reports the schema's finding, so the rule's (more specific) diagnostic
 * stands alone: the same code at the offending field itself, or at the same object naming a field
 * the finding is about (as in AWS's "These fields are required: [States, StartAt]").
 */
function covers(rule: Diagnostic, finding: SchemaFinding): boolean {
  const { diagnostic } = finding
  if (rule.code !== diagnostic.code || rule.location !== diagnostic.location) return false
  return finding.atField || finding.fields.some((field) => new RegExp(`\\b${escapeRegExp(field)}\\b`).test(rule.message))
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * What the schema and the rules read: the definition's same-shape copy, or the definition itself
 * if it cannot be copied or is large. The copy pays off on the many small definitions of a
 * corpus (V8's property caches), but it is linear work: at 10,000 states it cost more than it
 * saved (validate ~145-185 ms with it, ~105 ms without, in `bench/compile`).
 */
function readableCopy(definition: unknown): unknown {
  try {
    const states = (definition as { States?: unknown } | null)?.States
    if (typeof states === 'object' && states !== null && Object.keys(states).length > COPY_LIMIT) return definition
    return sameShapeCopy(definition)
  } catch {
    return definition
  }
}

/** Top-level states above which a definition is validated as it is, without the same-shape copy. */
const COPY_LIMIT = 200

/** The definition in a JSON text; text that is not JSON is AWS's INVALID_JSON_DESCRIPTION. */
function parseDefinition(text: string): { readonly definition: unknown } | { readonly error: Diagnostic } {
  try {
    return { definition: JSON.parse(text) as unknown }
  } catch (error) {
    return {
      error: {
        severity: 'ERROR',
        code: 'INVALID_JSON_DESCRIPTION',
        message: `The definition is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
        location: '/',
      },
    }
  }
}

type Guarded<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Diagnostic }

/** A bug in a rule or in the schema must not look like a valid definition, nor crash the caller. */
function guarded<T>(run: () => T): Guarded<T> {
  try {
    return { ok: true, value: run() }
  } catch (error) {
    return { ok: false, error: internalError(error) }
  }
}

function internalError(error: unknown): Diagnostic {
  return {
    severity: 'ERROR',
    code: 'DLC_INTERNAL_ERROR',
    message: `dlc's validator failed on this definition: ${error instanceof Error ? error.message : String(error)}`,
    location: '/',
    hint: 'this is a bug in dlc: please report it with the definition',
  }
}
