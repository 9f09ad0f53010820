import { createRequire } from 'node:module'
import type { Diagnostic, JSONDocument, LanguageService } from 'amazon-states-language-service'

/** The validators compared, dlc first: every ratio is against it. */
export const TOOLS = ['dlc', 'asl-validator', 'statelint', 'asl-service'] as const
export type ToolName = (typeof TOOLS)[number]

/** One definition as both text and the object parsed from it, so each tool gets what it reads. */
export interface Subject {
  readonly label: string
  readonly text: string
  readonly definition: unknown
  /** The machine type, when a rule fixture names one: dlc is the only tool that takes it. */
  readonly type?: 'STANDARD' | 'EXPRESS'
  /**
   * The defect is one AWS only warns about (NO_DOLLAR, NO_PATH, PASS_RESULT_IS_STATIC, `$eval`):
   * for the tools that grade their findings, a warning then counts as reporting it.
   */
  readonly warningDefect?: boolean
}

/**
 * A validator called the way its README shows. `prepare` is the per-call work kept out of the
 * timer; `call` is what is timed; `errors` reads what `call` returned, also outside the timer.
 */
export interface Validator {
  readonly name: ToolName
  /** What the timed call starts from: the parsed object, or the JSON text (the language service). */
  readonly reads: 'object' | 'text'
  /** statelint knows no JSONata: it rejects every JSONata definition, so it is not timed on one. */
  readonly readsJsonata: boolean
  prepare(subject: Subject): unknown
  call(input: unknown): unknown
  /** The findings that count as rejecting `subject`: errors, and warnings for a warning defect. */
  errors(output: unknown, subject?: Subject): readonly string[]
}

export function toolOf(name: string | undefined): ToolName {
  const tool = TOOLS.find((t) => t === name)
  if (tool === undefined) throw new Error(`unknown tool "${name}"; expected one of ${TOOLS.join(', ')}`)
  return tool
}

// The three peers are CommonJS; the language service re-exports vscode-json-languageservice in
// a way Node's ESM loader cannot see through, so all three are required.
const require = createRequire(import.meta.url)

/**
 * Loads one tool and builds what it needs once per process (statelint's compiled J2119 schema,
 * the language service); `load` is timed by the caller as the tool's setup.
 *
 * @example const dlc = await loadValidator('dlc'); dlc.errors(dlc.call(dlc.prepare(subject)))
 */
export async function loadValidator(name: ToolName): Promise<Validator> {
  switch (name) {
    case 'dlc':
      return dlcValidator()
    case 'asl-validator':
      return aslValidator()
    case 'statelint':
      return statelint()
    case 'asl-service':
      return languageService()
  }
}

async function dlcValidator(): Promise<Validator> {
  const { validate } = await import('../../packages/compiler/src/index.js')
  type Result = ReturnType<typeof validate>
  return {
    name: 'dlc',
    reads: 'object',
    readsJsonata: true,
    prepare: (subject) => subject,
    call: (subject) => {
      const { definition, type } = subject as Subject
      return validate(definition, type === undefined ? {} : { type })
    },
    errors: (output, subject) =>
      (output as Result).diagnostics
        .filter((d) => d.severity === 'ERROR' || subject?.warningDefect === true)
        .map((d) => `${d.code} ${d.location}: ${d.message}`),
  }
}

function aslValidator(): Validator {
  const validate = require('asl-validator') as typeof import('asl-validator').default
  type Result = ReturnType<typeof validate>
  return {
    name: 'asl-validator',
    reads: 'object',
    readsJsonata: true,
    // It writes a QueryLanguage into every state of the object it is given: a fresh copy per call.
    prepare: (subject) => structuredClone(subject.definition),
    // Its README's defaults, spelled out: path syntax and Resource ARNs checked.
    call: (definition) => validate(definition, { checkArn: true, checkPaths: true }),
    errors: (output) => ((output as Result).isValid ? [] : (output as Result).errorsText('\n').split('\n')),
  }
}

interface StateLint {
  validate(definition: unknown): string[]
}

function statelint(): Validator {
  // The README's `require('@wmfs/statelint').validate(json)` is not a function in 1.30.0: the
  // module exports a factory. One instance, reused, as the README's single `stateLint` is.
  const { StateLint } = require('@wmfs/statelint') as { StateLint: new () => StateLint }
  const linter = new StateLint()
  return {
    name: 'statelint',
    reads: 'object',
    readsJsonata: false,
    prepare: (subject) => subject.definition,
    call: (definition) => linter.validate(definition),
    errors: (output) => output as string[],
  }
}

function languageService(): Validator {
  const { DiagnosticSeverity, getLanguageService, TextDocument } =
    require('amazon-states-language-service') as typeof import('amazon-states-language-service')
  const service: LanguageService = getLanguageService({})
  return {
    name: 'asl-service',
    reads: 'text',
    readsJsonata: true,
    prepare: (subject) => subject.text,
    // Its input is an editor document, so the timed call is text -> diagnostics, parse included.
    call: (text) => {
      const document = TextDocument.create('file:///definition.asl.json', 'json', 1, text as string)
      const parsed: JSONDocument = service.parseJSONDocument(document)
      return service.doValidation(document, parsed)
    },
    errors: (output, subject) =>
      (output as Diagnostic[])
        .filter((d) => d.severity === DiagnosticSeverity.Error || (subject?.warningDefect === true && d.severity === DiagnosticSeverity.Warning))
        .map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}: ${typeof d.message === 'string' ? d.message : d.message.value}`),
  }
}
