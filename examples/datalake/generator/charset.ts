/**
 * How an export turns text into bytes, written straight into the file's buffer so a batch
 * of a million records never exists as one string. Each charset here writes an ASCII
 * character as its own code, which lets the CSV writer copy plain ASCII fields itself.
 */
export interface Charset {
  /** Bytes the file starts with (a byte-order mark), possibly none. */
  readonly preamble: Uint8Array
  /** The most bytes one UTF-16 code unit of text can take. */
  readonly maxBytesPerUnit: number
  /**
   * Writes `text` into `bytes` from `offset` and returns the offset after it; the caller
   * leaves room for `maxBytesPerUnit * text.length` bytes.
   */
  encodeInto(text: string, bytes: Uint8Array, offset: number): number
}

/** UTF-8 with a byte-order mark, as Excel writes it. */
export const utf8WithBom: Charset = { preamble: Uint8Array.of(0xef, 0xbb, 0xbf), maxBytesPerUnit: 3, encodeInto: writeUtf8 }

/**
 * Writes `text` as UTF-8, byte for byte what `TextEncoder` gives (a lone surrogate becomes
 * U+FFFD), without a call into the runtime for every few characters.
 */
function writeUtf8(text: string, bytes: Uint8Array, offset: number): number {
  let at = offset
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i)
    if (code < 0x80) {
      bytes[at++] = code
      continue
    }
    if (code < 0x800) {
      bytes[at++] = 0xc0 | (code >> 6)
      bytes[at++] = 0x80 | (code & 0x3f)
      continue
    }
    if (code >= 0xd800 && code <= 0xdfff) {
      const low = text.charCodeAt(i + 1)
      if (code <= 0xdbff && low >= 0xdc00 && low <= 0xdfff) {
        code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00)
        bytes[at++] = 0xf0 | (code >> 18)
        bytes[at++] = 0x80 | ((code >> 12) & 0x3f)
        bytes[at++] = 0x80 | ((code >> 6) & 0x3f)
        bytes[at++] = 0x80 | (code & 0x3f)
        i++
        continue
      }
      code = 0xfffd
    }
    bytes[at++] = 0xe0 | (code >> 12)
    bytes[at++] = 0x80 | ((code >> 6) & 0x3f)
    bytes[at++] = 0x80 | (code & 0x3f)
  }
  return at
}
