import { DslError } from '../expr/expr.js'
import { resourceRef, type ResourceRef } from '../expr/resource-ref.js'
import type { ZoneName, ZoneNode } from './ir.js'
import { checkName } from './names.js'

/** One zone as a pipeline uses it: its node and the placeholder of its bucket's name. */
export interface Zone {
  readonly node: ZoneNode
  readonly bucket: ResourceRef
  /** `s3://${Bucket}/prefix/`: the zone as an S3 URI, its bucket a placeholder. */
  readonly uri: string
  /** `s3://${Bucket}/`. */
  readonly bucketUri: string
}

export type Zones = { readonly [Z in ZoneName]: Zone }

const ZONE_NAMES: readonly ZoneName[] = ['raw', 'processed', 'rejected', 'scripts', 'athenaResults']
const DEFAULT_PREFIX: { readonly [Z in ZoneName]: string } = {
  raw: 'raw/',
  processed: 'processed/',
  rejected: 'rejected/',
  scripts: 'scripts/',
  athenaResults: 'athena-results/',
}

/**
 * Where the pipeline keeps its data. One bucket with a prefix per zone:
 * `zones('sales-lake')`; or a location per zone, each `bucket` or `bucket/prefix/`:
 * `zones({ raw: 'sales-landing', processed: 'sales-lake/processed/', ... })`.
 */
export function zones(layout: string | { readonly [Z in ZoneName]: string }): Zones {
  const locations = typeof layout === 'string' ? Object.fromEntries(ZONE_NAMES.map((zone) => [zone, `${layout}/${DEFAULT_PREFIX[zone]}`])) : layout
  const entries = ZONE_NAMES.map((zone) => {
    const location = locations[zone]
    if (location === undefined) throw new DslError(`zone "${zone}" has no location`, `/zones/${zone}`, `give every zone a bucket: ${ZONE_NAMES.join(', ')}`, 'DLC_INVALID_ZONE')
    return [zone, zoneAt(zone, location)] as const
  })
  const taken = new Map<string, ZoneName>()
  for (const [zone, { node }] of entries) {
    const key = `${node.bucket}/${node.prefix}`
    for (const [other, name] of taken) {
      if (key.startsWith(other) || other.startsWith(key)) {
        throw new DslError(`zones "${name}" and "${zone}" overlap at s3://${key}`, `/zones/${zone}`, 'give each zone its own prefix, so the crawler and IAM never mix them', 'DLC_INVALID_ZONE')
      }
    }
    taken.set(key, zone)
  }
  return Object.freeze(Object.fromEntries(entries)) as Zones
}

function zoneAt(zone: ZoneName, location: string): Zone {
  const slash = location.indexOf('/')
  const bucket = slash === -1 ? location : location.slice(0, slash)
  const prefix = slash === -1 ? '' : location.slice(slash + 1)
  checkName('bucket', bucket, `/zones/${zone}`)
  if (prefix !== '' && (!prefix.endsWith('/') || prefix.startsWith('/') || prefix.includes('//'))) {
    throw new DslError(`zone "${zone}" prefix "${prefix}" must be a folder`, `/zones/${zone}`, 'write it like "processed/": no leading "/", ending in "/"', 'DLC_INVALID_ZONE')
  }
  const ref = resourceRef('s3:bucket', bucket, 'name')
  return Object.freeze({
    node: Object.freeze({ kind: 'Zone', zone, bucket, prefix }),
    bucket: ref,
    uri: `s3://\${${ref.ref.id}}/${prefix}`,
    bucketUri: `s3://\${${ref.ref.id}}/`,
  })
}

/** Where a dataset's data lives in the zones: key prefixes under each zone's own prefix. */
export interface DatasetFolders {
  /** Its table: the clean rows, in the processed zone. */
  readonly processed: string
  /** Its `<name>_rejected` table: the quarantine, in the rejected zone. */
  readonly rejected: string
  /** The ETL's run reports (`<batch date>.json`), in the rejected zone. */
  readonly reports: string
}

/**
 * The folders of a dataset, one rule for the Glue job's arguments, the IAM prefixes, the crawler's
 * targets and the local run: a table is named after its folder, as a crawler names it.
 *
 * @example datasetFolders('sales') // { processed: 'sales/', rejected: 'sales_rejected/', reports: '_reports/sales/' }
 */
export function datasetFolders(dataset: string): DatasetFolders {
  return { processed: `${dataset}/`, rejected: `${dataset}_rejected/`, reports: `_reports/${dataset}/` }
}
