import { createRequire } from 'node:module'
import type { ASTNode, Diagnostic, DiagnosticSeverity } from 'amazon-states-language-service'
import { expect, vi } from 'vitest'

// Both are CommonJS. The service re-exports vscode-json-languageservice in a way Node's ESM
// loader cannot see through, and asl-validator ships no types: require them.
const require = createRequire(import.meta.url)
const { DiagnosticSeverity: Severity, getLanguageService, TextDocument } =
  require('amazon-states-language-service') as typeof import('amazon-states-language-service')

/*
 * Two validators that know nothing about dlc, so a definition they accept was not judged by
 * our own checks alone. Neither is AWS: each misses things the other catches, and both miss
 * some of what AWS's ValidateStateMachineDefinition rejects (measured in aws-validators.test.ts):
 *
 * - amazon-states-language-service (the AWS Toolkit's editor validation) checks transitions,
 *   StartAt, reachability and a JSON schema, but its schema is not split by query language:
 *   it accepts `Arguments`/`Output` in a JSONPath state and `Parameters`/`ResultPath` in a
 *   JSONata one, and it does not parse JSONata.
 * - asl-validator checks per-language schemas (JSONata expressions are parsed), JSONPath
 *   syntax, transitions and terminal states, but rejects some paths AWS accepts (Jayway
 *   forms like `$.[0]`) and JSONata written without a space before `%}`.
 */

/** What each validator said; an empty list means that validator accepted the definition. */
export interface AwsVerdicts {
  /** amazon-states-language-service errors, each prefixed by the JSON pointer it is about. */
  readonly service: string[]
  /** asl-validator errors, `CODE: message` as its own errorsText() prints them. */
  readonly aslValidator: string[]
}

/**
 * Runs both validators on a definition (a plain object, as compileWorkflow returns it).
 *
 * @example const { service, aslValidator } = await awsValidators(compileWorkflow(machine).definition)
 */
export async function awsValidators(definition: object): Promise<AwsVerdicts> {
  const diagnostics = await serviceDiagnostics(definition)
  return {
    service: diagnostics.filter((d) => d.severity === Severity.Error).map((d) => `${d.pointer}: ${d.message}`),
    aslValidator: aslValidatorErrors(definition),
  }
}

/**
 * Fails the current test, listing every message, unless both validators accept the definition.
 *
 * @example await expectAcceptedByAws(compileWorkflow(machine).definition)
 */
export const expectAcceptedByAws = vi.defineHelper(async (definition: object): Promise<void> => {
  const { service, aslValidator } = await awsValidators(definition)
  const messages = [...service.map((m) => `amazon-states-language-service ${m}`), ...aslValidator.map((m) => `asl-validator ${m}`)]
  if (messages.length > 0) expect.unreachable(`the AWS validators rejected the definition:\n${messages.join('\n')}`)
})

/** A service diagnostic, located both by range (in the two-space JSON text) and by JSON pointer. */
export interface ServiceDiagnostic {
  readonly message: string
  readonly severity: DiagnosticSeverity | undefined
  readonly range: Diagnostic['range']
  readonly pointer: string
}

// One service for the whole run: creating it configures (and later caches) the bundled schema.
const languageService = getLanguageService({})

/**
 * Every diagnostic amazon-states-language-service reports, warnings included.
 *
 * @example (await serviceDiagnostics(definition)).map((d) => d.range.start.line)
 */
export async function serviceDiagnostics(definition: object): Promise<ServiceDiagnostic[]> {
  const text = JSON.stringify(definition, null, 2)
  const document = TextDocument.create('file:///definition.asl.json', 'json', 1, text)
  const parsed = languageService.parseJSONDocument(document)
  const root = (parsed as { root?: ASTNode }).root
  const diagnostics = await languageService.doValidation(document, parsed)
  return diagnostics.map(({ message, severity, range }) => ({
    message: typeof message === 'string' ? message : message.value,
    severity,
    range,
    pointer: root === undefined ? '/' : pointerAt(root, document.offsetAt(range.start)),
  }))
}

/** The JSON pointer of the deepest value that contains `offset`; a key counts as its property. */
function pointerAt(root: ASTNode, offset: number): string {
  const segments: string[] = []
  let node: ASTNode | undefined = root
  while (node !== undefined) {
    const child: ASTNode | undefined = node.children?.find((c) => offset >= c.offset && offset < c.offset + c.length)
    if (child?.type === 'property') segments.push(child.keyNode.value)
    else if (child !== undefined && node.type === 'array') segments.push(String(node.items.indexOf(child)))
    node = child
  }
  return segments.length === 0 ? '/' : segments.map((s) => '/' + s.replace(/~/g, '~0').replace(/\//g, '~1')).join('')
}

interface AslValidatorResult {
  readonly isValid: boolean
  readonly errorsText: (separator?: string) => string
}
type AslValidator = (definition: object, options: { readonly checkPaths: boolean; readonly checkArn: boolean }) => AslValidatorResult

const aslValidator = require('asl-validator') as AslValidator

/**
 * asl-validator's errors. It builds a new Ajv and recompiles its schemas on every call
 * (~100 ms); there is no instance to reuse, so call it once per definition.
 *
 * checkArn stays ON on purpose: the Resource schema is a oneOf of "ARN format" and
 * "`${Placeholder}`", and with checkArn off the ARN branch accepts every string, so a
 * `${Placeholder}` Resource matches both branches and is rejected.
 *
 * @example aslValidatorErrors({ StartAt: 'A', States: { A: { Type: 'Pass', End: true } } }) // []
 */
export function aslValidatorErrors(definition: object): string[] {
  let result: AslValidatorResult
  try {
    // It writes a QueryLanguage into every state of the object it is given.
    result = aslValidator(structuredClone(definition), { checkPaths: true, checkArn: true })
  } catch (error) {
    // It crashes instead of reporting on some shapes (a nested `States` that is not an object).
    return [`asl-validator threw: ${error instanceof Error ? error.message : String(error)}`]
  }
  return result.isValid ? [] : result.errorsText('\n').split('\n')
}
