import type { LocalEnvironment } from '../services/index.js'

/** A batch date: the day a nightly batch belongs to. */
const BATCH_DATE = /^\d{4}-\d{2}-\d{2}$/

/**
 * Puts one dataset's batch files into the raw zone at `<raw prefix><dataset>/<batch date>/<file>`,
 * as the export would land in S3, replacing whatever that batch held before (a re-placed batch
 * never mixes old and new files). Returns the keys written.
 *
 * @example await placeBatch(env, 'sales', '2026-11-24', { 'sales.csv': bytes })
 */
export async function placeBatch(env: LocalEnvironment, dataset: string, batchDate: string, files: Readonly<Record<string, Uint8Array | string>>): Promise<string[]> {
  if (!BATCH_DATE.test(batchDate) || Number.isNaN(Date.parse(`${batchDate}T00:00:00Z`))) throw new RangeError(`The batch date must be a date as yyyy-mm-dd, got ${JSON.stringify(batchDate)}`)
  if (env.pipeline.dataset(dataset) === undefined) {
    const known = env.pipeline.pipeline.datasets.map((candidate) => candidate.name).join(', ')
    throw new RangeError(`The pipeline '${env.pipeline.pipeline.name}' has no dataset '${dataset}'; its datasets are ${known}`)
  }
  const raw = env.pipeline.zone('raw')
  const prefix = `${raw.prefix}${dataset}/${batchDate}/`
  const existing = await env.s3.listObjectsV2({ Bucket: raw.bucket, Prefix: prefix })
  const keys = Object.keys(files).map((name) => `${prefix}${name}`)
  for (const [name, body] of Object.entries(files)) await env.s3.putObject({ Bucket: raw.bucket, Key: `${prefix}${name}`, Body: body })
  for (const object of existing.Contents ?? []) {
    if (object.Key !== undefined && !keys.includes(object.Key)) await env.s3.deleteObject({ Bucket: raw.bucket, Key: object.Key })
  }
  return keys
}
