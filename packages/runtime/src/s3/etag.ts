import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'

/**
 * S3's ETag of an object uploaded in one part: the MD5 of its bytes in hex, inside double quotes.
 *
 * @example etagOf(Buffer.from('')) // '"d41d8cd98f00b204e9800998ecf8427e"'
 */
export function etagOf(body: Uint8Array): string {
  return `"${createHash('md5').update(body).digest('hex')}"`
}

/** The ETag of a file, read as a stream so a large object is not held in memory. */
export async function etagOfFile(file: string): Promise<string> {
  const hash = createHash('md5')
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer)
  return `"${hash.digest('hex')}"`
}

/** S3 keeps LastModified to the second; a file's mtime is cut to match. */
export function lastModifiedOf(mtimeMs: number): Date {
  return new Date(Math.floor(mtimeMs / 1000) * 1000)
}
