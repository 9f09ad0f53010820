import { emitWithDiagnostics, type AslDefinition, type Diagnostic, type ResolveTarget } from '@dlc/compiler'
import { datasetFolders, type CrawlerNode, type DatasetNode, type GlueJobNode, type PipelineNode, type TopicNode, type WorkgroupNode, type ZoneName } from '@dlc/dsl'

/** The account, region and stage a local run resolves names for: buckets are `<name>-local`. */
export const LOCAL_TARGET: ResolveTarget = { account: '000000000000', region: 'us-east-1', stage: 'local' }

/** One folder a crawler reads, and the table it becomes (named after the folder, as Glue names it). */
export interface CrawlTarget {
  readonly table: string
  readonly dataset: DatasetNode
  readonly rejected: boolean
  readonly bucket: string
  /** The key prefix, ending in `/`. */
  readonly prefix: string
}

/**
 * A pipeline as the local services see it: its definition with names resolved for one target,
 * and each resource those names stand for. Services look resources up by the names the
 * definition passes them, as the AWS services do.
 */
export interface LocalPipeline {
  readonly pipeline: PipelineNode
  readonly target: ResolveTarget
  readonly definition: AslDefinition
  readonly diagnostics: readonly Diagnostic[]
  /** The resolved name of a resource: `<name>-<stage>`. */
  resolvedName(name: string): string
  /** Where a zone lives: its bucket (resolved) and prefix (`''` or ending in `/`). */
  zone(zone: ZoneName): { readonly bucket: string; readonly prefix: string }
  job(name: string): { readonly job: GlueJobNode; readonly dataset: DatasetNode } | undefined
  crawler(name: string): { readonly crawler: CrawlerNode; readonly targets: readonly CrawlTarget[] } | undefined
  workgroup(name: string): WorkgroupNode | undefined
  /** The topic an SNS topic ARN names. */
  topic(arn: string): TopicNode | undefined
  dataset(name: string): DatasetNode | undefined
}

/**
 * Resolves a built pipeline for a local run.
 *
 * @example const local = localPipeline(nightlySales.build({ readSql })); local.zone('raw').bucket // 'dlc-sales-lake-local'
 */
export function localPipeline(pipeline: PipelineNode, target: ResolveTarget = LOCAL_TARGET): LocalPipeline {
  const emitted = emitWithDiagnostics(pipeline.machine, { resolve: target })
  const resolvedName = (name: string): string => (target.stage === undefined ? name : `${name}-${target.stage}`)
  const datasets = new Map(pipeline.datasets.map((dataset) => [dataset.name, dataset]))
  const zone = (name: ZoneName): { bucket: string; prefix: string } => {
    const node = pipeline.zones.find((candidate) => candidate.zone === name)
    if (node === undefined) throw new Error(`The pipeline '${pipeline.name}' has no ${name} zone`)
    return { bucket: resolvedName(node.bucket), prefix: node.prefix === '' || node.prefix.endsWith('/') ? node.prefix : `${node.prefix}/` }
  }
  const byResolved = <T extends { readonly name: string }>(nodes: readonly T[]): Map<string, T> => new Map(nodes.map((node) => [resolvedName(node.name), node]))
  const jobs = byResolved(pipeline.jobs)
  const crawlers = byResolved(pipeline.crawler === undefined ? [] : [pipeline.crawler])
  const workgroups = byResolved([pipeline.workgroup])
  const partition = target.partition ?? 'aws'
  const topics = new Map(pipeline.topic === undefined ? [] : [[`arn:${partition}:sns:${target.region}:${target.account}:${resolvedName(pipeline.topic.name)}`, pipeline.topic]])
  return {
    pipeline,
    target,
    definition: emitted.definition,
    diagnostics: emitted.diagnostics,
    resolvedName,
    zone,
    job(name) {
      const job = jobs.get(name)
      const dataset = job === undefined ? undefined : datasets.get(job.dataset)
      return job === undefined || dataset === undefined ? undefined : { job, dataset }
    },
    crawler(name) {
      const crawler = crawlers.get(name)
      if (crawler === undefined) return undefined
      const processed = zone('processed')
      const rejected = zone('rejected')
      const targets = crawler.datasets.flatMap((datasetName): CrawlTarget[] => {
        const dataset = datasets.get(datasetName)
        if (dataset === undefined) return []
        const folders = datasetFolders(dataset.name)
        return [
          { table: dataset.name, dataset, rejected: false, bucket: processed.bucket, prefix: `${processed.prefix}${folders.processed}` },
          { table: `${dataset.name}_rejected`, dataset, rejected: true, bucket: rejected.bucket, prefix: `${rejected.prefix}${folders.rejected}` },
        ]
      })
      return { crawler, targets }
    },
    workgroup: (name) => workgroups.get(name),
    topic: (arn) => topics.get(arn),
    dataset: (name) => datasets.get(name),
  }
}
