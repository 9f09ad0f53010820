import type { ErrorObject } from 'ajv'
import { didYouMean } from '@dlc/dsl'
import type { Diagnostic } from '../diagnostics.js'

const code = 'SCHEMA_VALIDATION_FAILED'

/**
 * A schema diagnostic and what it is about, so validate() can tell it from a rule's
 * diagnostic about the same thing: `atField` when `location` points at the offending field
 * itself, otherwise the names of the fields (missing, or clashing) in the object at `location`.
 */
export interface SchemaFinding {
  readonly diagnostic: Diagnostic
  readonly atField: boolean
  readonly fields: readonly string[]
}

type Schema = Readonly<Record<string, unknown>>

/**
 * Turns ajv's errors into one finding per problem. Ajv reports an `if`/`then` failure, a
 * `oneOf` and every branch of that `oneOf` separately; a reader wants "Missing required
 * field 'Next' or 'End'", once.
 */
export function toFindings(errors: readonly ErrorObject[]): SchemaFinding[] {
  const alternatives = errors.filter((error) => error.keyword === 'oneOf' || error.keyword === 'anyOf')
  const insideAlternative = (error: ErrorObject): boolean =>
    alternatives.some((alt) => alt !== error && error.schemaPath.startsWith(`${alt.schemaPath}/`) && error.instancePath.startsWith(alt.instancePath))

  const branches = errors.filter((error) => error.keyword === 'if')
  /** Which conditional subschema (JSONata state, JSONPath state, Inline Map) forbade a field: the innermost failing `if` around it. */
  const forbiddenBy = (instancePath: string): string => {
    let best: ErrorObject | undefined
    for (const branch of branches) {
      if (!instancePath.startsWith(`${branch.instancePath}/`) || !FORBIDDING.has(thenRef(branch))) continue
      if (best === undefined || branch.instancePath.length > best.instancePath.length) best = branch
    }
    return best === undefined ? '' : thenRef(best)
  }

  const required = new Map<string, string[]>()
  const findings: SchemaFinding[] = []
  for (const error of errors) {
    if (error.keyword === 'if' || error.keyword === 'propertyNames' || insideAlternative(error)) continue
    if (error.keyword === 'required') {
      const missing = String(error.params['missingProperty'])
      required.set(error.instancePath, [...(required.get(error.instancePath) ?? []), missing])
      continue
    }
    const finding = error.keyword === 'false schema' ? atField(pointer(error.instancePath), ...forbiddenMessage(forbiddenBy(error.instancePath), lastSegment(error.instancePath))) : describe(error)
    if (finding !== undefined) findings.push(finding)
  }
  for (const [at, missing] of required) findings.unshift(missingFields(at, missing))
  return withoutRedundant(findings)
}

/** Drops exact repeats, and an "any of these is missing" where a finding at the same place already names one of them. */
function withoutRedundant(findings: readonly SchemaFinding[]): SchemaFinding[] {
  const seen = new Set<string>()
  return findings.filter((finding, index) => {
    const key = `${finding.diagnostic.location}\u0000${finding.diagnostic.message}`
    if (seen.has(key)) return false
    seen.add(key)
    if (finding.atField || finding.fields.length < 2) return true
    return !findings.some(
      (other, otherIndex) =>
        otherIndex !== index &&
        !other.atField &&
        other.fields.length === 1 &&
        other.diagnostic.location === finding.diagnostic.location &&
        finding.fields.includes(other.fields[0] ?? ''),
    )
  })
}

function missingFields(at: string, missing: readonly string[]): SchemaFinding {
  const message =
    missing.length === 1 ? `The field '${missing[0]}' is required but was missing` : `These fields are required: [${missing.join(', ')}]`
  return { diagnostic: { severity: 'ERROR', code, message, location: pointer(at) }, atField: false, fields: missing }
}

function describe(error: ErrorObject): SchemaFinding | undefined {
  const at = pointer(error.instancePath)
  const field = lastSegment(error.instancePath)
  const parent = (error.parentSchema ?? {}) as Schema
  switch (error.keyword) {
    case 'additionalProperties': {
      const name = String(error.params['additionalProperty'])
      const known = Object.keys((parent['properties'] ?? {}) as Schema)
      const suggestion = didYouMean(name, known)
      return atField(`${at === '/' ? '' : at}/${escape(name)}`, `Field '${name}' is not supported in ${where(error.instancePath, parent)}`, suggestion && `Did you mean '${suggestion}'?`)
    }
    case 'not':
      return notMessage(error, at, field)
    case 'oneOf':
    case 'anyOf':
      return alternativeMessage(error, at)
    case 'enum': {
      const allowed = (error.params['allowedValues'] ?? []) as readonly unknown[]
      const value = JSON.stringify(error.data)
      const suggestion = typeof error.data === 'string' ? didYouMean(error.data, allowed.map(String)) : undefined
      const what = field === 'Type' ? `Unknown state type ${value}` : `Field '${field}' cannot be ${value}`
      return atField(at, `${what}: expected one of ${allowed.map(String).join(', ')}`, suggestion && `Did you mean '${suggestion}'?`)
    }
    case 'type': {
      if (error.instancePath === '') return atField(at, 'The definition must be a JSON object')
      const types = ([] as unknown[]).concat(error.params['type']).map(String)
      return atField(at, `Field '${field}' must be ${types.map(article).join(' or ')}`, hintFrom(parent))
    }
    case 'minimum':
    case 'maximum':
      return atField(at, `Field '${field}' must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(error.params['limit'])}`, hintFrom(parent))
    case 'minItems':
      return atField(at, `Field '${field}' needs at least ${String(error.params['limit'])} item${error.params['limit'] === 1 ? '' : 's'}`)
    case 'minProperties':
      return atField(at, `Field '${field}' cannot be empty`, hintFrom(parent))
    case 'minLength':
    case 'maxLength':
      return lengthMessage(error, at, field)
    case 'pattern':
    case 'const':
      return atField(at, `Field '${field}' is not valid`, hintFrom(parent))
    default:
      return atField(at, `Field '${field}' is not valid: ${error.message ?? error.keyword}`)
  }
}

function atField(location: string, message: string, hint?: string): SchemaFinding {
  const diagnostic: Diagnostic = { severity: 'ERROR', code, message, location, ...(hint === undefined ? {} : { hint }) }
  return { diagnostic, atField: true, fields: [] }
}

function inObject(location: string, fields: readonly string[], message: string, hint?: string): SchemaFinding {
  return { ...atField(location, message, hint), atField: false, fields }
}

const FORBIDDING = new Set(['#/$defs/JSONataState', '#/$defs/JSONPathState', '#/$defs/InlineMap'])

function thenRef(branch: ErrorObject): string {
  const then = ((branch.parentSchema ?? {}) as Schema)['then']
  return String(((then ?? {}) as Schema)['$ref'] ?? '')
}

/** The schema's `false` subschemas: fields of the other query language, or of a Distributed Map. */
function forbiddenMessage(forbiddenBy: string, field: string): [message: string, hint?: string] {
  if (forbiddenBy === '#/$defs/JSONataState') {
    return [`Field '${field}' is not supported in a JSONata state`, `It is JSONPath only: use 'Arguments', 'Output' or {% %} expressions instead`]
  }
  if (forbiddenBy === '#/$defs/JSONPathState') {
    return [`Field '${field}' is not supported in a JSONPath state`, `It is JSONata only: set "QueryLanguage": "JSONata" on the state, or use its JSONPath counterpart`]
  }
  if (forbiddenBy === '#/$defs/InlineMap') {
    return [
      `Field '${field}' is only supported in a Distributed Map`,
      `Set "ItemProcessor": { "ProcessorConfig": { "Mode": "DISTRIBUTED", "ExecutionType": "STANDARD" } }, or remove '${field}'`,
    ]
  }
  return [`Field '${field}' is not supported here`]
}

function notMessage(error: ErrorObject, at: string, field: string): SchemaFinding {
  const negated = (error.schema ?? {}) as Schema
  const together = negated['required']
  if (Array.isArray(together)) {
    const names = together.map(String)
    return inObject(at, names, `Fields ${names.map(quote).join(' and ')} cannot be used together`, `Keep one of them`)
  }
  return atField(at, `Field '${field}' cannot be a JSONata expression in a JSONPath state`, `Set "QueryLanguage": "JSONata" on the state, or use '${field}Path'`)
}

/** Branches that each require one field: "exactly one of" (oneOf) or "at least one of" (anyOf). */
function alternativeMessage(error: ErrorObject, at: string): SchemaFinding {
  const branches = (Array.isArray(error.schema) ? error.schema : []) as readonly Schema[]
  const names = branches.flatMap((branch) => (Array.isArray(branch['required']) ? branch['required'].map(String) : []))
  const title = String(((error.parentSchema ?? {}) as Schema)['title'] ?? 'field')
  const passing = error.params['passingSchemas']
  if (Array.isArray(passing)) {
    const present = passing.map((index: number) => names[index] ?? '')
    return inObject(at, present, `Fields ${present.map(quote).join(' and ')} cannot be used together`, `Keep only one ${title}`)
  }
  if (names.length === 0) return atField(at, `Value does not match any allowed form of ${title}`)
  if (names.length <= 5) return inObject(at, names, `Missing required field ${names.map(quote).join(' or ')}`)
  return inObject(at, names, `Missing ${title}: one of ${names.slice(0, 4).map(quote).join(', ')}, ... (${names.length} in all)`)
}

function lengthMessage(error: ErrorObject, at: string, field: string): SchemaFinding {
  const limit = String(error.params['limit'])
  const name = (error as ErrorObject & { propertyName?: string }).propertyName
  if (name !== undefined) {
    return atField(`${at === '/' ? '' : at}/${escape(name)}`, `State name "${name}" must be 1 to 80 characters long`)
  }
  return atField(at, `Field '${field}' must be ${error.keyword === 'minLength' ? 'at least' : 'at most'} ${limit} characters long`)
}

/** "a Task state", "a Retrier", "the state machine": where an unknown field sits. */
function where(instancePath: string, parent: Schema): string {
  if (instancePath === '') return 'the state machine definition'
  const title = parent['title']
  return typeof title === 'string' ? article(title) : `the object at ${pointer(instancePath)}`
}

function hintFrom(schema: Schema): string | undefined {
  const description = schema['description']
  return typeof description === 'string' ? description : undefined
}

function article(noun: string): string {
  return `${/^[aeiouAEIOU]/.test(noun) ? 'an' : 'a'} ${noun}`
}

function quote(name: string): string {
  return `'${name}'`
}

function pointer(instancePath: string): string {
  return instancePath === '' ? '/' : instancePath
}

function lastSegment(instancePath: string): string {
  const segment = instancePath.slice(instancePath.lastIndexOf('/') + 1)
  return segment.replace(/~1/g, '/').replace(/~0/g, '~')
}

function escape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1')
}
