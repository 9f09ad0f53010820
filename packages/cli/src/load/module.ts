import type { BuildOptions, PipelineNode, Workflow } from '@dlc/dsl'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { SourceMap } from 'node:module'
import { tmpdir } from 'node:os'
import { isAbsolute, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { FileDiagnostic } from '../diagnostics.js'
import { bundleModule, type SourceMessage } from './bundle.js'
import type { Entry } from './entry.js'

/** A pipeline as the module's own copy of `@dlc/dsl` made it. */
export interface PipelineLike {
  readonly kind: 'Pipeline'
  readonly name: string
  build(options: BuildOptions): PipelineNode
}

/** A workflow or pipeline the module exports, under the name it exports it as (`default` included). */
export interface WorkflowExport {
  readonly exportName: string
  readonly workflow: Workflow | PipelineLike
}

/** A loaded workflow module. */
export interface WorkflowModule {
  readonly workflows: readonly WorkflowExport[]
  readonly warnings: readonly FileDiagnostic[]
  /** Runs the user's code (a workflow's `build()`), turning what it throws into a finding at the user's line. */
  run<T>(what: string, body: () => T | Promise<T>): Promise<{ readonly value: T } | { readonly error: FileDiagnostic }>
}

export type LoadResult = { readonly ok: true; readonly module: WorkflowModule } | { readonly ok: false; readonly diagnostics: readonly FileDiagnostic[] }

/** A loaded module: what it exports, and a way to run its code with errors mapped to the user's lines. */
export interface LoadedModule {
  readonly namespace: Record<string, unknown>
  readonly warnings: readonly FileDiagnostic[]
  run<T>(what: string, body: () => T | Promise<T>): Promise<{ readonly value: T } | { readonly error: FileDiagnostic }>
}

/**
 * Bundles the module with esbuild and imports the bundle. The user writes TypeScript and never
 * builds it; what they get wrong comes back as findings at their own lines.
 *
 * @example const loaded = await loadModule({ file: '/p/pipeline.ts', projectDir: '/p' }, process.cwd())
 */
export async function loadModule(entry: Entry, cwd: string): Promise<{ readonly ok: true; readonly module: LoadedModule } | { readonly ok: false; readonly diagnostics: readonly FileDiagnostic[] }> {
  const display = (file: string) => relative(cwd, file) || file
  const tempDir = await mkdtemp(join(tmpdir(), 'dlc-module-'))
  try {
    const outfile = join(tempDir, 'module.mjs')
    const bundle = await bundleModule(entry, outfile)
    const fromMessage = (severity: 'ERROR' | 'WARNING') => (message: SourceMessage) => sourceDiagnostic(message, severity, display(message.file ?? entry.file))
    const warnings = bundle.warnings.map(fromMessage('WARNING'))
    if (!bundle.ok) return { ok: false, diagnostics: [...bundle.errors.map(fromMessage('ERROR')), ...warnings] }

    await writeFile(outfile, bundle.code)
    const locator = new UserCodeLocator(outfile, bundle.sourceMap, tempDir, entry, display)
    const run = async <T>(what: string, body: () => T | Promise<T>) => {
      try {
        return { value: await withDeepStacks(body) }
      } catch (error) {
        return { error: locator.explain(error, what) }
      }
    }
    const loaded = await run('loading the module', () => import(pathToFileURL(outfile).href) as Promise<Record<string, unknown>>)
    if ('error' in loaded) return { ok: false, diagnostics: [loaded.error, ...warnings] }
    return { ok: true, module: { namespace: loaded.value, warnings, run } }
  } finally {
    await rm(tempDir, { recursive: true, force: true })
  }
}

/**
 * Loads the module and finds the workflows and pipelines it exports.
 *
 * @example const loaded = await loadWorkflowModule({ file: '/p/workflow.ts', projectDir: '/p' }, process.cwd())
 */
export async function loadWorkflowModule(entry: Entry, cwd: string): Promise<LoadResult> {
  const loaded = await loadModule(entry, cwd)
  if (!loaded.ok) return loaded
  const { namespace, warnings, run } = loaded.module
  const workflows = exportedWorkflows(namespace)
  if (workflows.length === 0) {
    return {
      ok: false,
      diagnostics: [
        {
          file: relative(cwd, entry.file) || entry.file,
          severity: 'ERROR',
          code: 'DLC_NO_WORKFLOW',
          message: 'the module exports no workflow or pipeline',
          hint: "export one: export default workflow('orders').define((f) => ...), or pipeline('nightly')...",
        },
        ...warnings,
      ],
    }
  }
  return { ok: true, module: { workflows, warnings, run } }
}

/** Every distinct workflow among the exports; `export default orders` next to `export { orders }` is one. */
function exportedWorkflows(namespace: Record<string, unknown>): WorkflowExport[] {
  const found = new Map<Workflow | PipelineLike, string>()
  for (const [exportName, value] of Object.entries(namespace)) {
    if ((isWorkflow(value) || isPipeline(value)) && !found.has(value)) found.set(value, exportName)
  }
  return [...found].map(([workflow, exportName]) => ({ exportName, workflow }))
}

/** Duck-typed: the module bundles its own copy of `@dlc/dsl`, so `instanceof` would never match. */
function isWorkflow(value: unknown): value is Workflow {
  return typeof value === 'object' && value !== null && (value as Partial<Workflow>).kind === 'Workflow' && typeof (value as Partial<Workflow>).build === 'function'
}

export function isPipeline(value: unknown): value is PipelineLike {
  return typeof value === 'object' && value !== null && (value as Partial<PipelineLike>).kind === 'Pipeline' && typeof (value as Partial<PipelineLike>).build === 'function'
}

/** A DslError from any copy of `@dlc/dsl`. */
interface DslErrorLike extends Error {
  readonly location: string
  readonly code: string
  readonly hint?: string
}

function isDslError(error: unknown): error is DslErrorLike {
  return error instanceof Error && error.name === 'DslError' && typeof (error as Partial<DslErrorLike>).location === 'string'
}

/** `at f (file:///tmp/dlc-compile-x/workflow.mjs:12:7)`; test runners that load modules themselves print a path instead of the URL. */
const FRAME = /([^\s()]+):(\d+):(\d+)\)?$/gm

/** Maps stack frames in the bundle back to the user's own source, skipping `@dlc/dsl` and other packages. */
class UserCodeLocator {
  constructor(
    private readonly bundleFile: string,
    /** The bundle's source map as text: parsed only when an error needs a line (parsing costs ~25 ms). */
    private readonly sourceMapText: string,
    private readonly bundleDir: string,
    private readonly entry: Entry,
    private readonly display: (file: string) => string,
  ) {}

  explain(error: unknown, what: string): FileDiagnostic {
    const frame = this.userFrame(error)
    const where = { file: this.display(frame?.file ?? this.entry.file), ...(frame ? { line: frame.line, column: frame.column } : {}) }
    if (isDslError(error)) {
      const prefix = `${error.location}: `
      return {
        ...where,
        severity: 'ERROR',
        code: error.code,
        message: error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message,
        location: error.location,
        ...(typeof error.hint === 'string' ? { hint: error.hint } : {}),
      }
    }
    const message = error instanceof Error ? (error.name === 'Error' ? error.message : `${error.name}: ${error.message}`) : String(error)
    return { ...where, severity: 'ERROR', code: 'DLC_WORKFLOW_THREW', message, hint: `thrown while ${what}` }
  }

  private userFrame(error: unknown): { file: string; line: number; column: number } | undefined {
    const stack = error instanceof Error ? (error.stack ?? '') : ''
    for (const [, location = '', line, column] of stack.matchAll(FRAME)) {
      if ((location.startsWith('file://') ? fileURLToPath(location) : location) !== this.bundleFile) continue
      const mapped = this.sourceMap().findEntry(Number(line) - 1, Number(column) - 1)
      if (!('originalSource' in mapped)) continue
      const file = this.sourceFile(mapped.originalSource)
      if (!isInside(this.entry.projectDir, file) || file.split(sep).includes('node_modules')) continue
      return { file, line: mapped.originalLine + 1, column: mapped.originalColumn + 1 }
    }
    return undefined
  }

  private parsed: SourceMap | undefined

  private sourceMap(): SourceMap {
    this.parsed ??= new SourceMap(JSON.parse(this.sourceMapText))
    return this.parsed
  }

  /** esbuild writes sources relative to the bundle's directory. */
  private sourceFile(source: string): string {
    if (source.startsWith('file://')) return fileURLToPath(source)
    return isAbsolute(source) ? source : resolve(this.bundleDir, source)
  }
}

function sourceDiagnostic(message: SourceMessage, severity: 'ERROR' | 'WARNING', file: string): FileDiagnostic {
  const unresolved = /^Could not resolve "([^"]+)"/.exec(message.text)
  const hint = unresolved
    ? `install the package in the project or fix the path; imports resolve from ${file}`
    : message.notes[0]
  return {
    file,
    ...(message.line === undefined ? {} : { line: message.line, column: message.column ?? 1 }),
    severity,
    code: severity === 'WARNING' ? 'DLC_MODULE_WARNING' : unresolved ? 'DLC_UNRESOLVED_IMPORT' : 'DLC_INVALID_MODULE',
    message: message.text,
    ...(hint === undefined ? {} : { hint }),
  }
}

function isInside(dir: string, file: string): boolean {
  const path = relative(dir, file)
  return path !== '' && !path.startsWith('..') && !isAbsolute(path)
}

/** Frames from the user's code can sit below several `@dlc/dsl` frames; keep enough of them. */
async function withDeepStacks<T>(body: () => T | Promise<T>): Promise<T> {
  const limit = Error.stackTraceLimit
  Error.stackTraceLimit = Math.max(limit, 50)
  try {
    return await body()
  } finally {
    Error.stackTraceLimit = limit
  }
}
