import { validate, type Diagnostic } from '@dlc/compiler'
import { dirname, relative, resolve } from 'node:path'
import { isError, type FileDiagnostic } from '../diagnostics.js'
import { templateFindings } from './check-template.js'
import type { InputFile } from './inputs.js'
import { locateInJson } from './locate-json.js'
import { pointerSegments, type Position } from './position.js'
import { readSource, type SourceDocument, type SourceProblem } from './source.js'
import { byteLength, classify, type DefinitionTarget, type MachineType, type Note } from './targets.js'

/** AWS's quota on the size of a state machine definition. */
export const MAX_DEFINITION_BYTES = 1024 * 1024

/**
 * The verdict on one thing checked: a definition (an ASL file, or one state machine of a
 * template), or a CloudFormation template as a whole (dlc's security rules and AWS's validator).
 */
export interface CheckedDefinition {
  readonly kind: 'definition' | 'template'
  /** Relative to the working directory, with `/` between folders. */
  readonly file: string
  /** The state machine's logical id, for a definition in a template. */
  readonly resource?: string
  readonly ok: boolean
  readonly diagnostics: readonly FileDiagnostic[]
}

export interface CheckOutcome {
  readonly definitions: readonly CheckedDefinition[]
  /** Files a glob or directory found that hold neither a definition nor a state machine. */
  readonly skipped: readonly string[]
}

export interface CheckOptions {
  readonly cwd: string
  /** The type of machines whose file does not say: ASL files. */
  readonly type: MachineType
}

/**
 * Validates every definition in the files: ASL files whole, templates as a whole and then one
 * state machine at a time. Problems with a file (unreadable, binary, not JSON or YAML) are findings, never throws.
 *
 * @example await checkFiles(await expandInputs(['template.yaml'], cwd), { cwd, type: 'STANDARD' })
 */
export async function checkFiles(files: readonly InputFile[], options: CheckOptions): Promise<CheckOutcome> {
  const definitions: CheckedDefinition[] = []
  const skipped: string[] = []
  for (const input of files) {
    const file = display(input.path, options.cwd)
    const source = await readSource(input.path)
    if (!isDocument(source)) {
      definitions.push(verdict({ kind: 'definition', file }, [fromProblem(file, source)]))
      continue
    }
    const content = isAslFile(input.path) ? ({ kind: 'definition' } as const) : classify(source.value)
    if (content.kind === 'definition') {
      const target: DefinitionTarget = { path: [], definition: { value: source.value, inline: true, bytes: byteLength(source.value) }, type: options.type, notes: [] }
      definitions.push(verdict({ kind: 'definition', file }, checkTarget(file, source, target)))
    } else if (content.kind === 'template') {
      definitions.push(verdict({ kind: 'template', file }, await checkTemplateFile(file, source)))
      for (const machine of content.machines) definitions.push(await checkMachine(input.path, file, source, machine, options))
    } else if (input.explicit) {
      definitions.push(verdict({ kind: 'definition', file }, [notAMachine(file)]))
    } else {
      skipped.push(file)
    }
  }
  return { definitions, skipped }
}

function isDocument(source: SourceDocument | SourceProblem): source is SourceDocument {
  return 'value' in source
}

function isAslFile(path: string): boolean {
  return /\.asl\.(json|ya?ml)$/i.test(path)
}

function display(path: string, cwd: string): string {
  return (relative(cwd, path) || path).split('\\').join('/')
}

function verdict(where: Pick<CheckedDefinition, 'kind' | 'file' | 'resource'>, diagnostics: readonly FileDiagnostic[]): CheckedDefinition {
  return { ...where, ok: !diagnostics.some(isError), diagnostics }
}

async function checkMachine(path: string, file: string, source: SourceDocument, machine: DefinitionTarget, options: CheckOptions): Promise<CheckedDefinition> {
  const resource = machine.resource === undefined ? {} : { resource: machine.resource }
  if (machine.uri === undefined) return verdict({ kind: 'definition', file, ...resource }, checkTarget(file, source, machine))
  const referenced = resolve(dirname(path), machine.uri)
  const referencedFile = display(referenced, options.cwd)
  const referencedSource = await readSource(referenced)
  if (!isDocument(referencedSource)) {
    const [position] = source.locate([machine.path])
    const problem = fromProblem(referencedFile, referencedSource)
    return verdict({ kind: 'definition', file, ...resource }, [{ ...problem, file, definition: machine.path.join('/'), ...position, message: `${referencedFile}: ${problem.message}` }])
  }
  const target: DefinitionTarget = { path: [], definition: { value: referencedSource.value, inline: true, bytes: byteLength(referencedSource.value) }, type: machine.type, notes: [] }
  return verdict({ kind: 'definition', file: referencedFile, ...resource }, checkTarget(referencedFile, referencedSource, target))
}

/** dlc's security rules and AWS's CloudFormation validator on a template, each finding placed in the file. */
async function checkTemplateFile(file: string, source: SourceDocument): Promise<FileDiagnostic[]> {
  const findings = await templateFindings(source, file)
  const located = source.locate(findings.map(({ diagnostic }) => pointerSegments(diagnostic.location)))
  return findings.map(({ diagnostic, position }, index) => ({
    file,
    ...(position ?? located[index]),
    severity: diagnostic.severity,
    code: diagnostic.code,
    message: diagnostic.message,
    location: diagnostic.location,
    ...(diagnostic.hint === undefined ? {} : { hint: diagnostic.hint }),
  }))
}

/** Runs the validator on one definition and places each finding in the file. */
function checkTarget(file: string, source: SourceDocument, target: DefinitionTarget): FileDiagnostic[] {
  const definitionPath = target.path.length === 0 ? undefined : target.path.join('/')
  const at = (diagnostic: Note | Diagnostic, position: Position | undefined): FileDiagnostic => ({
    file,
    ...(definitionPath === undefined ? {} : { definition: definitionPath }),
    ...position,
    severity: diagnostic.severity,
    code: diagnostic.code,
    message: diagnostic.message,
    ...('location' in diagnostic ? { location: diagnostic.location } : {}),
    ...(diagnostic.hint === undefined ? {} : { hint: diagnostic.hint }),
  })
  const { definition } = target
  const found: (Note | Diagnostic)[] = [...target.notes]
  if (definition !== undefined) {
    if (definition.bytes > MAX_DEFINITION_BYTES) found.push(tooLarge(definition.bytes))
    found.push(...validate(definition.value, { type: target.type }).diagnostics)
  }
  const paths = found.map((diagnostic) =>
    'location' in diagnostic && definition?.inline === true ? [...target.path, ...pointerSegments(diagnostic.location)] : target.path,
  )
  const positions = source.locate(paths)
  const block = definition?.text === undefined ? undefined : source.inBlock?.(target.path)
  if (block !== undefined && definition?.text !== undefined) {
    const inner = locateInJson(definition.text, found.map((diagnostic) => ('location' in diagnostic ? pointerSegments(diagnostic.location) : [])))
    inner.forEach((position, index) => {
      if (position !== undefined && 'location' in (found[index] ?? {})) positions[index] = block(position)
    })
  }
  return found.map((diagnostic, index) => at(diagnostic, positions[index]))
}

function tooLarge(bytes: number): Diagnostic {
  return {
    severity: 'ERROR',
    code: 'DLC_DEFINITION_TOO_LARGE',
    message: `the definition is ${bytes.toLocaleString('en-US')} bytes as compact JSON; AWS accepts up to ${MAX_DEFINITION_BYTES.toLocaleString('en-US')} bytes (1 MiB)`,
    location: '/',
    hint: 'move large constants (Pass Result, Parameters) to S3 or a task\'s input, or split the workflow into machines that call each other',
  }
}

function fromProblem(file: string, problem: SourceProblem): FileDiagnostic {
  return {
    file,
    ...(problem.position === undefined ? {} : { line: problem.position.line, column: problem.position.column }),
    severity: 'ERROR',
    code: problem.code,
    message: problem.message,
    ...(problem.hint === undefined ? {} : { hint: problem.hint }),
  }
}

function notAMachine(file: string): FileDiagnostic {
  return {
    file,
    severity: 'ERROR',
    code: 'DLC_NO_STATE_MACHINE',
    message: 'this is neither an ASL definition (top-level StartAt and States) nor a CloudFormation template',
    hint: 'name ASL files *.asl.json or *.asl.yaml to validate them whatever they hold',
  }
}
