import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api'
import { LocalS3 } from '../s3/index.js'
import type { SmtpSettings } from '../smtp/index.js'
import type { LocalPipeline } from './pipeline.js'

/** What a local service tells the one running the pipeline while it works (the ETL's row count, ...). */
export interface ServiceProgress {
  readonly service: string
  readonly state: string
  readonly message: string
  /** Work done and to do, for a progress bar, when the service knows them. */
  readonly done?: number
  readonly total?: number
  /** `warning`: something went wrong that does not fail the task (an e-mail the SMTP server did not take). */
  readonly severity?: 'warning'
}

/** How the local services reach beyond the folder, when they do. */
export interface EnvironmentOptions {
  /** Where SNS e-mail is delivered besides the outbox (`parseSmtpUrl`); without it, nowhere. */
  readonly smtp?: SmtpSettings
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
  /** The SMTP server SNS e-mail is delivered to, when one is configured. */
  readonly smtp?: SmtpSettings
  /** A connection to the run's DuckDB (in memory); each call gives a new connection to the same instance. */
  connect(): Promise<DuckDBConnection>
  progress(event: ServiceProgress): void
  /** Closes DuckDB; the environment is done. */
  close(): void
}

/**
 * Opens the local environment under `root` (usually `<project>/.dlc`), creating its folders and
 * the buckets of the pipeline's zones. The SMTP server comes only from `options` (`runPipeline`
 * is what falls back to DLC_SMTP_URL), so opening an environment to place files sends no mail.
 *
 * @example const env = await openEnvironment('examples/datalake/.dlc', localPipeline(pipeline))
 */
export async function openEnvironment(root: string, pipeline: LocalPipeline, progress: (event: ServiceProgress) => void = () => {}, options: EnvironmentOptions = {}): Promise<LocalEnvironment> {
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
    ...(options.smtp === undefined ? {} : { smtp: options.smtp }),
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
