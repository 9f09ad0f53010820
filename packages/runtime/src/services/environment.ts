import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'
import { LocalS3 } from '../s3/index.js'
import type { LocalPipeline } from './pipeline.js'

/** What a local service tells the one running the pipeline while it works (the ETL's row count, ...). */
export interface ServiceProgress {
  readonly service: string
  readonly state: string
  readonly message: string
  /** Work done and to do, for a progress bar, when the service knows them. */
  readonly done?: number
  readonly total?: number
}

/**
 * Everything the local services share: the `.dlc` folder (S3 at `s3/<bucket>/<key>`, the catalog
 * at `catalog/<database>/<table>.json`, the SNS outbox at `outbox/<topic>.jsonl`, run data at
 * `runs/`), the resolved pipeline, one DuckDB instance, and where progress goes.
 */
export interface LocalEnvironment {
  readonly root: string
  readonly s3: LocalS3
  readonly catalogDir: string
  readonly outboxDir: string
  readonly runsDir: string
  readonly pipeline: LocalPipeline
  /** A connection to the run's DuckDB (in memory); each call gives a new connection to the same instance. */
  connect(): Promise<DuckDBConnection>
  progress(event: ServiceProgress): void
  /** Closes DuckDB; the environment is done. */
  close(): void
}

/**
 * Opens the local environment under `root` (usually `<project>/.dlc`), creating its folders and
 * the buckets of the pipeline's zones.
 *
 * @example const env = await openEnvironment('examples/datalake/.dlc', localPipeline(pipeline))
 */
export async function openEnvironment(root: string, pipeline: LocalPipeline, progress: (event: ServiceProgress) => void = () => {}): Promise<LocalEnvironment> {
  const s3 = new LocalS3(join(root, 's3'))
  const catalogDir = join(root, 'catalog')
  const outboxDir = join(root, 'outbox')
  const runsDir = join(root, 'runs')
  for (const dir of [catalogDir, outboxDir, runsDir]) mkdirSync(dir, { recursive: true })
  for (const bucket of new Set(pipeline.pipeline.zones.map((zone) => pipeline.resolvedName(zone.bucket)))) await s3.createBucket({ Bucket: bucket })
  let instance: DuckDBInstance | undefined
  return {
    root,
    s3,
    catalogDir,
    outboxDir,
    runsDir,
    pipeline,
    async connect() {
      // Loaded on first use: DuckDB's native module is heavy, and a run may not need it.
      instance ??= await (await import('@duckdb/node-api')).DuckDBInstance.create(':memory:')
      return instance.connect()
    },
    progress,
    close() {
      instance?.closeSync()
      instance = undefined
    },
  }
}
