import { readFileSync } from 'node:fs'
import { basename, join, relative, resolve } from 'node:path'
import { localPipeline, openEnvironment, placeBatch } from '@dlc/runtime'
import { UsageError, type ParsedArgs } from '../args.js'
import { compileProject } from '../compile/project.js'
import { isError, printDiagnostics, summary } from '../diagnostics.js'
import type { Io } from '../io.js'

/** `dlc ingest`: puts files in the raw zone of the project's pipeline, as the nightly export would land. */
export async function ingest(args: ParsedArgs, io: Io): Promise<number> {
  const files = args.positionals
  if (files.length === 0) throw new UsageError('name the files to ingest', 'ingest')
  const batchDate = args.options['batch-date']
  if (typeof batchDate !== 'string') throw new UsageError('--batch-date is required', 'ingest')
  const project = resolve(io.cwd, typeof args.options['project'] === 'string' ? args.options['project'] : '.')
  const outcome = await compileProject({ target: project, yaml: false, cwd: io.cwd })
  if (outcome.diagnostics.some(isError)) {
    printDiagnostics(io.stderr, outcome.diagnostics)
    io.stderr.write(`${summary(outcome.diagnostics)}; nothing was copied\n`)
    return 1
  }
  const pipeline = outcome.pipelines?.[0]
  if (pipeline === undefined) {
    io.stderr.write(`error DLC_NO_PIPELINE ${relative(io.cwd, project) || '.'}: the module exports no pipeline to ingest for\n`)
    return 1
  }
  const datasets = pipeline.node.datasets.map((dataset) => dataset.name)
  const named = args.options['dataset']
  const dataset = typeof named === 'string' ? named : datasets.length === 1 ? datasets[0] : undefined
  if (dataset === undefined) throw new UsageError(`--dataset is required: the pipeline has the datasets ${datasets.join(', ')}`, 'ingest')
  const contents: Record<string, Buffer> = {}
  for (const file of files) {
    try {
      contents[basename(file)] = readFileSync(resolve(io.cwd, file))
    } catch (error) {
      io.stderr.write(`error DLC_UNREADABLE_FILE ${file}: ${(error as Error).message}\n`)
      return 1
    }
  }
  const env = await openEnvironment(join(pipeline.projectDir, '.dlc'), localPipeline(pipeline.node))
  try {
    const keys = await placeBatch(env, dataset, batchDate, contents)
    const raw = env.pipeline.zone('raw')
    for (const key of keys) io.stdout.write(`s3://${raw.bucket}/${key}\n`)
    return 0
  } catch (error) {
    if (error instanceof RangeError) throw new UsageError(error.message, 'ingest')
    throw error
  } finally {
    env.close()
  }
}
