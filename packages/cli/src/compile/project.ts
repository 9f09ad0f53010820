import { compilePipeline, compileWorkflow, toJson, toYaml, type AslDefinition, type Diagnostic, type ResolveTarget } from '@dlc/compiler'
import type { PipelineNode, StateMachineNode, Workflow } from '@dlc/dsl'
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import type { ArtifactFile } from '../artifacts.js'
import { inFile, type FileDiagnostic } from '../diagnostics.js'
import { findEntry } from '../load/entry.js'
import { loadWorkflowModule, type PipelineLike, type WorkflowExport, type WorkflowModule } from '../load/module.js'

export interface CompileRequest {
  /** A project directory or a module, absolute. */
  readonly target: string
  /** Absolute; `<project>/out` when not given. */
  readonly outDir?: string
  readonly yaml: boolean
  /** Also write Workflow Studio definitions with every placeholder resolved for this target. */
  readonly resolve?: ResolveTarget
  /** Also check each template with AWS's CloudFormation validator (slow to start: opt in). */
  readonly strict?: boolean
  readonly cwd: string
}

/** One file `dlc compile` writes. */
export interface PlannedArtifact extends ArtifactFile {
  /** The workflow's name. */
  readonly name: string
  /** For a definition: how many states it has, nested Parallel branches and Map processors included. */
  readonly states?: number
}

export interface CompileOutcome {
  readonly artifacts: readonly PlannedArtifact[]
  readonly diagnostics: readonly FileDiagnostic[]
  /** Each pipeline the module exports, as built (`dlc run` runs them). */
  readonly pipelines?: readonly BuiltPipeline[]
}

/** A pipeline as its module built it, and where the module is. */
export interface BuiltPipeline {
  readonly node: PipelineNode
  readonly projectDir: string
  readonly outDir: string
}

/** Same rule as the DSL's: a name is also a file name, so nothing else may reach the disk. */
const WORKFLOW_NAME = /^[A-Za-z0-9_-]{1,80}$/

/**
 * Everything `dlc compile` would write, and everything wrong with it, without writing anything.
 *
 * @example const { artifacts, diagnostics } = await compileProject({ target: '/p', yaml: false, cwd: '/p' })
 */
export async function compileProject(request: CompileRequest): Promise<CompileOutcome> {
  const display = (path: string) => relative(request.cwd, path) || '.'
  const lookup = await findEntry(request.target)
  if ('missing' in lookup) {
    const diagnostic: FileDiagnostic = { file: display(request.target), severity: 'ERROR', code: 'DLC_ENTRY_NOT_FOUND', message: lookup.missing, hint: lookup.hint }
    return { artifacts: [], diagnostics: [diagnostic] }
  }
  const entry = lookup.found
  const loaded = await loadWorkflowModule(entry, request.cwd)
  if (!loaded.ok) return { artifacts: [], diagnostics: loaded.diagnostics }

  const file = display(entry.file)
  const outDir = request.outDir ?? join(entry.projectDir, 'out')
  const several = loaded.module.workflows.length > 1
  const diagnostics: FileDiagnostic[] = [...loaded.module.warnings]
  const artifacts: PlannedArtifact[] = []
  const pipelines: BuiltPipeline[] = []
  const seen = new Map<string, string>()
  for (const exported of loaded.module.workflows) {
    const name = exported.workflow.name
    const problem = nameProblem(exported, seen)
    if (problem !== undefined) {
      diagnostics.push({ file, severity: 'ERROR', ...problem })
      continue
    }
    seen.set(name, exported.exportName)
    const workflow = exported.workflow
    if (workflow.kind === 'Pipeline') {
      const pipeline = await compilePipelineExport(loaded.module, workflow, { file, entryFile: entry.file, outDir, request, several })
      artifacts.push(...pipeline.artifacts)
      diagnostics.push(...pipeline.diagnostics)
      for (const node of pipeline.pipelines ?? []) pipelines.push({ node: node.node, projectDir: entry.projectDir, outDir })
      continue
    }
    const machine = await buildMachine(loaded.module, workflow)
    if ('error' in machine) {
      diagnostics.push({ ...machine.error, ...(several ? { workflow: name } : {}) })
      continue
    }
    const report = (found: readonly Diagnostic[]) => found.map((diagnostic) => inFile(file, diagnostic, several ? name : undefined))
    const compiled = compileWorkflow(machine.value)
    diagnostics.push(...report(compiled.diagnostics))
    const artifact = (suffix: string, definition: AslDefinition, content: string): PlannedArtifact => ({
      path: join(outDir, `${name}${suffix}`),
      content,
      name,
      states: countStates(definition),
    })
    artifacts.push(artifact('.asl.json', compiled.definition, toJson(compiled.definition)))
    if (request.yaml) artifacts.push(artifact('.asl.yaml', compiled.definition, toYaml(compiled.definition)))
    if (request.resolve !== undefined) {
      const studio = compileWorkflow(machine.value, { resolve: request.resolve })
      diagnostics.push(...report(newFindings(studio.diagnostics, compiled.diagnostics)))
      artifacts.push(artifact('.workflow-studio.asl.json', studio.definition, toJson(studio.definition)))
    }
  }
  return { artifacts, diagnostics, pipelines }
}

function nameProblem(exported: WorkflowExport, seen: ReadonlyMap<string, string>): Pick<FileDiagnostic, 'code' | 'message' | 'hint'> | undefined {
  const name = exported.workflow.name
  if (!WORKFLOW_NAME.test(name)) {
    return { code: 'DLC_INVALID_NAME', message: `export ${exported.exportName}: "${name}" is not a valid state machine name`, hint: 'use 1-80 letters, digits, "-" or "_"' }
  }
  const earlier = seen.get(name)
  if (earlier === undefined) return undefined
  return {
    code: 'DLC_DUPLICATE_WORKFLOW_NAME',
    message: `exports ${earlier} and ${exported.exportName} are both named "${name}"`,
    hint: 'each workflow is written to <name>.asl.json: give them different names',
  }
}

function buildMachine(module: WorkflowModule, workflow: Workflow) {
  return module.run<StateMachineNode>(`building workflow "${workflow.name}"`, () => workflow.build())
}

interface PipelineTarget {
  readonly file: string
  readonly entryFile: string
  readonly outDir: string
  readonly request: CompileRequest
  readonly several: boolean
}

/** A pipeline's artifacts: its `.sql` files are read beside the module, its template optionally checked by AWS's validator. */
async function compilePipelineExport(module: WorkflowModule, pipeline: PipelineLike, target: PipelineTarget): Promise<CompileOutcome> {
  const moduleDir = dirname(target.entryFile)
  const built = await module.run<PipelineNode>(`building pipeline "${pipeline.name}"`, () => pipeline.build({ readSql: (file) => readFileSync(resolve(moduleDir, file), 'utf8') }))
  if ('error' in built) return { artifacts: [], diagnostics: [{ ...built.error, ...(target.several ? { workflow: pipeline.name } : {}) }] }
  const compiled = compilePipeline(built.value, { yaml: target.request.yaml, ...(target.request.resolve === undefined ? {} : { resolve: target.request.resolve }) })
  const diagnostics = compiled.diagnostics.map((diagnostic) => inFile(target.file, diagnostic, target.several ? pipeline.name : undefined))
  const artifacts: PlannedArtifact[] = compiled.artifacts.map((artifact) => ({
    path: join(target.outDir, artifact.path),
    content: artifact.content,
    name: pipeline.name,
    ...(/\.asl\.(json|yaml)$/.test(artifact.path) ? { states: compiled.states } : {}),
  }))
  const template = compiled.artifacts.find((artifact) => artifact.path === 'template.yaml')
  if (target.request.strict === true && template !== undefined) {
    const { checkTemplate } = await import('../validate/check-template.js')
    const file = relative(target.request.cwd, join(target.outDir, template.path))
    for (const finding of await checkTemplate(template.content, file)) diagnostics.push({ ...finding, file })
  }
  return { artifacts, diagnostics, pipelines: [{ node: built.value, projectDir: dirname(target.entryFile), outDir: target.outDir }] }
}

/** The resolved definition is checked again; report only what resolving added. */
function newFindings(resolved: readonly Diagnostic[], unresolved: readonly Diagnostic[]): Diagnostic[] {
  const known = new Set(unresolved.map((diagnostic) => JSON.stringify(diagnostic)))
  return resolved.filter((diagnostic) => !known.has(JSON.stringify(diagnostic)))
}

function countStates(definition: { readonly States: Readonly<Record<string, unknown>> }): number {
  let count = 0
  for (const state of Object.values(definition.States)) {
    count += 1
    for (const graph of nestedGraphs(state)) count += countStates(graph)
  }
  return count
}

/** A Parallel's branches, a Map's ItemProcessor (or Iterator, its older name). */
function nestedGraphs(state: unknown): { readonly States: Readonly<Record<string, unknown>> }[] {
  if (typeof state !== 'object' || state === null) return []
  const { Branches, ItemProcessor, Iterator } = state as Record<string, unknown>
  return [...(Array.isArray(Branches) ? Branches : []), ItemProcessor, Iterator].filter(isGraph)
}

function isGraph(value: unknown): value is { readonly States: Readonly<Record<string, unknown>> } {
  if (typeof value !== 'object' || value === null) return false
  const states = (value as { States?: unknown }).States
  return typeof states === 'object' && states !== null
}
