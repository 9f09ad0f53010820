import type { PipelineNode } from '@dlc/dsl'
import { createHash } from 'node:crypto'
import type { ResolveTarget } from './asl/types.js'
import { checkTemplateSecurity } from './cfn/checks/index.js'
import { UngrantedIntegrationError } from './cfn/iam.js'
import { scriptKey } from './cfn/resources/data.js'
import { pipelineTemplate } from './cfn/template.js'
import { emitWithDiagnostics } from './asl/emit.js'
import { compileWorkflow } from './compile.js'
import type { Diagnostic } from './diagnostics.js'
import { etlSql, glueScript } from './glue/index.js'
import { toJson, toYaml } from './serialize.js'

/** One generated file, its path relative to the output directory. */
export interface PipelineArtifact {
  readonly path: string
  readonly content: string
}

export interface CompiledPipeline {
  readonly name: string
  /** Every artifact, `manifest.json` last; empty when a diagnostic is an ERROR. */
  readonly artifacts: readonly PipelineArtifact[]
  readonly diagnostics: readonly Diagnostic[]
  /** States in the top-level graph, for the CLI's summary. */
  readonly states: number
}

/** Example values for the Workflow Studio file when the user gives no account or region. */
export const EXAMPLE_TARGET: ResolveTarget = { account: '123456789012', region: 'us-east-1', stage: 'dev' }

/**
 * Everything AWS needs for a pipeline, from one description: the ASL (with placeholders, and
 * resolved for Workflow Studio), the CloudFormation template in YAML and JSON, each Glue
 * job's script, the SQL, and a manifest with each file's sha256. Deterministic.
 *
 * @example const { artifacts, diagnostics } = compilePipeline(nightlySales.build({ readSql }))
 */
export function compilePipeline(pipeline: PipelineNode, options: { readonly resolve?: ResolveTarget; readonly yaml?: boolean } = {}): CompiledPipeline {
  const compiled = compileWorkflow(pipeline.machine)
  // The same definition with names and ARNs in place: only resolving can go wrong, the rest was just validated.
  const studio = emitWithDiagnostics(pipeline.machine, { resolve: options.resolve ?? EXAMPLE_TARGET })
  const diagnostics: Diagnostic[] = [...compiled.diagnostics, ...studio.diagnostics]
  let template
  try {
    template = pipelineTemplate(pipeline, compiled.definition)
  } catch (error) {
    if (!(error instanceof UngrantedIntegrationError)) throw error
    diagnostics.push({
      severity: 'ERROR',
      code: 'DLC_UNGRANTED_INTEGRATION',
      message: error.message,
      location: `/States/${error.state}`,
      hint: "use one of dlc's typed integrations (s3ListObjectsV2, glueStartJobRun, snsPublish, ...) so the role can be scoped to what the state calls",
    })
  }
  if (template !== undefined) diagnostics.push(...checkTemplateSecurity(template))
  const states = Object.keys(compiled.definition.States).length
  if (template === undefined || diagnostics.some((finding) => finding.severity === 'ERROR')) return { name: pipeline.name, artifacts: [], diagnostics, states }

  const cleaned = pipeline.jobs.map((job) => {
    const dataset = pipeline.datasets.find((node) => node.name === job.dataset)
    if (dataset === undefined) throw new Error(`job ${job.name} cleans an unknown dataset ${job.dataset}`)
    return { job, dataset }
  })
  const files: PipelineArtifact[] = [
    { path: `${pipeline.name}.asl.json`, content: toJson(compiled.definition) },
    ...(options.yaml === true ? [{ path: `${pipeline.name}.asl.yaml`, content: toYaml(compiled.definition) }] : []),
    { path: `${pipeline.name}.workflow-studio.asl.json`, content: toJson(studio.definition) },
    { path: 'template.yaml', content: toYaml(template) },
    { path: 'template.json', content: toJson(template) },
    ...cleaned.map(({ job, dataset }) => ({ path: scriptKey(job), content: glueScript(dataset, { engine: job.engine, jobName: job.name }) })),
    ...cleaned.map(({ dataset }) => ({ path: `sql/${dataset.name}.etl.sql`, content: etlSql(dataset) })),
    ...pipeline.queries.map((query) => ({ path: `sql/${query.name}.sql`, content: `${query.sql}\n` })),
  ]
  return { name: pipeline.name, artifacts: [...files, manifest(pipeline, files)], diagnostics, states }
}

function manifest(pipeline: PipelineNode, files: readonly PipelineArtifact[]): PipelineArtifact {
  const entries = files.map((file) => ({ path: file.path, bytes: Buffer.byteLength(file.content), sha256: createHash('sha256').update(file.content).digest('hex') }))
  return { path: 'manifest.json', content: toJson({ pipeline: pipeline.name, generator: 'dlc', artifacts: entries }) }
}
