import type { Diagnostic } from '@dlc/compiler'
import { intrinsicName, staticText, withPlaceholders } from './intrinsics.js'
import { invalidJson } from './source.js'

export type MachineType = 'STANDARD' | 'EXPRESS'

/** A finding about reading a definition out of a template, placed at the property that holds it. */
export type Note = Omit<Diagnostic, 'location'>

/** One state machine definition found in a file. */
export interface DefinitionTarget {
  /** The state machine's logical id, for definitions in a template. */
  readonly resource?: string
  /** Where the definition sits in the file, as pointer segments: `[]` for an ASL file. */
  readonly path: readonly string[]
  /**
   * The definition as parsed: an object in the file (`inline`, so its pointers lead into the
   * file), or read from a string (its pointers lead only as far as the string). Absent when it
   * could not be read.
   */
  readonly definition?: {
    readonly value: unknown
    readonly inline: boolean
    readonly bytes: number
    /** The string it was read from, when that is the property's value as written (a string, or `Fn::Sub` of one). */
    readonly text?: string
  }
  /** A SAM `DefinitionUri` naming a local file, relative to the template. */
  readonly uri?: string
  readonly type: MachineType
  readonly notes: readonly Note[]
}

export type FileContent =
  | { readonly kind: 'definition' }
  | { readonly kind: 'template'; readonly machines: readonly DefinitionTarget[] }
  | { readonly kind: 'other' }

type Json = Readonly<Record<string, unknown>>

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

const STEP_FUNCTIONS = 'AWS::StepFunctions::StateMachine'
const SAM = 'AWS::Serverless::StateMachine'

/** Tells an ASL definition (top-level `StartAt` and `States`) from a CloudFormation/SAM template. */
export function classify(value: unknown): FileContent {
  if (!isRecord(value)) return { kind: 'other' }
  if ('StartAt' in value && 'States' in value) return { kind: 'definition' }
  const resources = value['Resources']
  if (!isRecord(resources)) return { kind: 'other' }
  const machines = Object.entries(resources).flatMap(([id, resource]) => {
    if (!isRecord(resource)) return []
    if (resource['Type'] === STEP_FUNCTIONS) return [stepFunctionsMachine(id, resource)]
    if (resource['Type'] === SAM) return [samMachine(id, resource)]
    return []
  })
  return { kind: 'template', machines }
}

function stepFunctionsMachine(id: string, resource: Json): DefinitionTarget {
  const properties = isRecord(resource['Properties']) ? resource['Properties'] : {}
  const base = { resource: id, type: machineType(properties['StateMachineType']) }
  if ('Definition' in properties) return fromObject(base, ['Resources', id, 'Properties', 'Definition'], properties['Definition'])
  if ('DefinitionString' in properties) return fromString(base, ['Resources', id, 'Properties', 'DefinitionString'], properties['DefinitionString'])
  if ('DefinitionS3Location' in properties) {
    return { ...base, path: ['Resources', id, 'Properties', 'DefinitionS3Location'], notes: [inS3('DefinitionS3Location')] }
  }
  return { ...base, path: ['Resources', id], notes: [missingDefinition('Definition, DefinitionString or DefinitionS3Location')] }
}

function samMachine(id: string, resource: Json): DefinitionTarget {
  const properties = isRecord(resource['Properties']) ? resource['Properties'] : {}
  const base = { resource: id, type: machineType(properties['Type']) }
  if ('Definition' in properties) return fromObject(base, ['Resources', id, 'Properties', 'Definition'], properties['Definition'])
  const path = ['Resources', id, 'Properties', 'DefinitionUri']
  const uri = properties['DefinitionUri']
  if (typeof uri === 'string' && !uri.startsWith('s3://')) return { ...base, path, uri, notes: [] }
  if (uri !== undefined) return { ...base, path, notes: [inS3('DefinitionUri')] }
  return { ...base, path: ['Resources', id], notes: [missingDefinition('Definition or DefinitionUri')] }
}

/** CloudFormation's default is STANDARD; a type dlc cannot read (`!If ...`) is taken as STANDARD too. */
function machineType(value: unknown): MachineType {
  return value === 'EXPRESS' ? 'EXPRESS' : 'STANDARD'
}

type Base = Pick<DefinitionTarget, 'resource' | 'type'>

function fromObject(base: Base, path: string[], value: unknown): DefinitionTarget {
  const read = withPlaceholders(value)
  return { ...base, path, definition: { value: read.value, inline: true, bytes: byteLength(read.value) }, notes: read.unresolved.map(notStatic) }
}

function fromString(base: Base, path: string[], value: unknown): DefinitionTarget {
  const read = staticText(value)
  if (read.text === undefined) return { ...base, path, notes: [unreadable(read.unresolved.join(', '))] }
  const notes = read.unresolved.map(notStatic)
  try {
    const parsed: unknown = JSON.parse(read.text)
    const written = typeof value === 'string' || intrinsicName(value) === 'Fn::Sub' ? { text: read.text } : {}
    return { ...base, path, definition: { value: parsed, inline: false, bytes: Buffer.byteLength(read.text), ...written }, notes }
  } catch (error) {
    const problem = invalidJson(read.text, (error as Error).message)
    const where = problem.position === undefined ? '' : ` (line ${problem.position.line}, column ${problem.position.column} of the definition)`
    const hint = read.text.includes('${')
      ? 'a ${...} placeholder outside a JSON string (`"TimeoutSeconds": ${Timeout}`) is not JSON until CloudFormation substitutes it; quote it, or move the value to DefinitionSubstitutions'
      : undefined
    const message = `${intrinsicName(value) ?? 'DefinitionString'} is ${problem.message}${where}`
    return { ...base, path, notes: [...notes, { severity: 'ERROR', code: problem.code, message, ...(hint === undefined ? {} : { hint }) }] }
  }
}

function unreadable(what: string): Note {
  return {
    severity: 'WARNING',
    code: 'DLC_DEFINITION_NOT_STATIC',
    message: `the definition is ${what}, which dlc cannot read without deploying; it was not validated`,
    hint: 'write the definition as a string, Fn::Sub or Fn::Join, with the values that vary in DefinitionSubstitutions',
  }
}

/** A definition's size as compact JSON, which is what AWS's 1 MiB limit counts. */
export function byteLength(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '')
  } catch {
    return 0
  }
}

function notStatic(what: string): Note {
  return {
    severity: 'WARNING',
    code: 'DLC_DEFINITION_NOT_STATIC',
    message: `${what} cannot be resolved without deploying; it was validated as a \${...} placeholder`,
    hint: 'move the value to DefinitionSubstitutions so the definition reads the same before and after deployment',
  }
}

function inS3(property: string): Note {
  return {
    severity: 'WARNING',
    code: 'DLC_DEFINITION_NOT_STATIC',
    message: `the definition is in S3 (${property}); it was not validated`,
    hint: 'validate the file before uploading it: dlc validate <file>.asl.json',
  }
}

function missingDefinition(properties: string): Note {
  return { severity: 'ERROR', code: 'DLC_MISSING_DEFINITION', message: `the state machine has no definition: it needs ${properties}` }
}
