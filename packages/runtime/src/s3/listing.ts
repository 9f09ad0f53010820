import { S3Error } from './errors.js'

/** One entry of a listing page: an object key, or a common prefix that stands for all keys under it. */
export type ListingEntry = { readonly kind: 'object'; readonly key: string } | { readonly kind: 'prefix'; readonly prefix: string }

/** What picks one page out of a bucket's keys; the fields of a ListObjectsV2 request that shape the page. */
export interface PageRequest {
  readonly prefix: string
  readonly delimiter: string
  readonly maxKeys: number
  readonly continuationToken?: string
  readonly startAfter?: string
}

export interface Page {
  readonly entries: readonly ListingEntry[]
  readonly truncated: boolean
  readonly nextContinuationToken?: string
}

/** The largest page S3 returns, whatever MaxKeys asks for. */
export const MAX_KEYS = 1000

/**
 * Orders keys as S3 does: by the bytes of their UTF-8 encoding, which differs from JavaScript's
 * UTF-16 order for characters outside the Basic Multilingual Plane.
 *
 * @example ['b', 'a', '\u{1F600}', '\uFFFD'].sort(compareKeys) // ['a', 'b', '\uFFFD', '\u{1F600}']
 */
export function compareKeys(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'))
}

/**
 * Cuts one ListObjectsV2 page out of all keys of a bucket, sorted with `compareKeys`: keys under
 * `prefix`, after `startAfter` or the continuation token, keys that contain `delimiter` after the
 * prefix rolled up into one common prefix each, at most `maxKeys` entries (objects and common
 * prefixes both count).
 *
 * @example pageOf(['a/1', 'a/2', 'b'], { prefix: '', delimiter: '/', maxKeys: 1000 }).entries
 * // [{ kind: 'prefix', prefix: 'a/' }, { kind: 'object', key: 'b' }]
 */
export function pageOf(sortedKeys: readonly string[], request: PageRequest): Page {
  const after = request.continuationToken === undefined ? startAfter(request.startAfter) : decodeToken(request.continuationToken)
  const limit = Math.min(request.maxKeys, MAX_KEYS)
  const entries: ListingEntry[] = []
  let last: ListingEntry | undefined
  for (const key of sortedKeys) {
    if (!key.startsWith(request.prefix) || !after(key)) continue
    const entry = entryFor(key, request)
    if (last?.kind === 'prefix' && entry.kind === 'prefix' && last.prefix === entry.prefix) continue
    if (entries.length === limit) return { entries, truncated: limit > 0, ...(limit > 0 && last !== undefined ? { nextContinuationToken: encodeToken(last) } : {}) }
    entries.push(entry)
    last = entry
  }
  return { entries, truncated: false }
}

function entryFor(key: string, request: PageRequest): ListingEntry {
  if (request.delimiter === '') return { kind: 'object', key }
  const at = key.indexOf(request.delimiter, request.prefix.length)
  return at === -1 ? { kind: 'object', key } : { kind: 'prefix', prefix: key.slice(0, at + request.delimiter.length) }
}

function startAfter(marker: string | undefined): (key: string) => boolean {
  return marker === undefined || marker === '' ? () => true : (key) => compareKeys(key, marker) > 0
}

// A token names the last entry of the page it ends; after a common prefix, no key under it comes again.
function encodeToken(entry: ListingEntry): string {
  const body = entry.kind === 'object' ? { key: entry.key } : { prefix: entry.prefix }
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url')
}

function decodeToken(token: string): (key: string) => boolean {
  let body: unknown
  try {
    body = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'))
  } catch {
    body = undefined
  }
  if (typeof body === 'object' && body !== null) {
    const { key, prefix } = body as { key?: unknown; prefix?: unknown }
    if (typeof key === 'string') return (candidate) => compareKeys(candidate, key) > 0
    if (typeof prefix === 'string') return (candidate) => compareKeys(candidate, prefix) > 0 && !candidate.startsWith(prefix)
  }
  throw new S3Error('InvalidArgument', 'The continuation token provided is incorrect')
}
