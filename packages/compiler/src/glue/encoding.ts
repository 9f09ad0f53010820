import type { CsvSourceNode } from '@dlc/dsl'

/**
 * Windows-1252 bytes 0x80-0x9F; elsewhere it is ISO-8859-1. The five bytes it leaves unassigned
 * (0x81, 0x8D, 0x8F, 0x90, 0x9D) keep their own code point, as in the WHATWG decoder.
 * (Node 20's TextDecoder('windows-1252') decodes ISO-8859-1 instead, so the table is here.)
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ'

/**
 * A raw batch file's bytes as text, for a host to write as UTF-8 before DuckDB reads it:
 * `latin-1` is ISO-8859-1 (each byte its own code point), `windows-1252` as above; the
 * generated Python job decodes the same way. A UTF-8 byte order mark is dropped.
 * @example writeFileSync(path, decodeToUtf8(readFileSync(raw), 'windows-1252'))
 */
export function decodeToUtf8(bytes: Uint8Array, encoding: CsvSourceNode['encoding']): string {
  switch (encoding) {
    case 'utf-8':
      return new TextDecoder('utf-8').decode(bytes)
    case 'latin-1':
      return latin1(bytes)
    case 'windows-1252':
      return latin1(bytes).replace(/[\x80-\x9f]/g, (char) => WINDOWS_1252_HIGH[char.charCodeAt(0) - 0x80] ?? char)
  }
}

/** Each byte its own code point, decoded natively (a string per byte took seconds for 30 MB). */
function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
}
