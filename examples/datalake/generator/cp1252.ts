import type { Charset } from './charset.js'

/**
 * Windows-1252 for the code points it has above Latin-1's 0x00–0x7F/0xA0–0xFF, by byte
 * 0x80–0x9F. Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D have no character.
 */
const HIGH_CONTROL_RANGE: ReadonlyMap<number, number> = new Map([
  [0x20ac, 0x80], [0x201a, 0x82], [0x0192, 0x83], [0x201e, 0x84], [0x2026, 0x85], [0x2020, 0x86],
  [0x2021, 0x87], [0x02c6, 0x88], [0x2030, 0x89], [0x0160, 0x8a], [0x2039, 0x8b], [0x0152, 0x8c],
  [0x017d, 0x8e], [0x2018, 0x91], [0x2019, 0x92], [0x201c, 0x93], [0x201d, 0x94], [0x2022, 0x95],
  [0x2013, 0x96], [0x2014, 0x97], [0x02dc, 0x98], [0x2122, 0x99], [0x0161, 0x9a], [0x203a, 0x9b],
  [0x0153, 0x9c], [0x017e, 0x9e], [0x0178, 0x9f],
])

/**
 * Encodes text as Windows-1252 (the "ANSI" code page of Western-European Windows, a
 * superset of printable Latin-1), failing on characters it cannot represent rather than
 * writing `?` as Windows does.
 * @example encodeWindows1252('Café 5 €') // Uint8Array [0x43, 0x61, 0x66, 0xe9, 0x20, 0x35, 0x20, 0x80]
 */
export function encodeWindows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length)
  return bytes.subarray(0, writeWindows1252(text, bytes, 0))
}

/** Windows-1252 without a byte-order mark: one byte per character. */
export const windows1252: Charset = { preamble: new Uint8Array(0), maxBytesPerUnit: 1, encodeInto: writeWindows1252 }

/**
 * Writes `text` as Windows-1252 from `offset` and returns the offset after it. Reads code
 * units rather than code points: every character it can encode is a single unit, and a
 * surrogate is refused either way.
 */
function writeWindows1252(text: string, bytes: Uint8Array, offset: number): number {
  let at = offset
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) {
      bytes[at++] = code
      continue
    }
    const byte = HIGH_CONTROL_RANGE.get(code)
    if (byte === undefined) throw unencodable(text, i, at - offset)
    bytes[at++] = byte
  }
  return at
}

/** The character at code unit `index`, which is character number `position` since every one before it took one byte. */
function unencodable(text: string, index: number, position: number): RangeError {
  const code = text.codePointAt(index) ?? 0
  const char = String.fromCodePoint(code)
  const hex = code.toString(16).toUpperCase().padStart(4, '0')
  return new RangeError(`windows-1252 has no byte for ${JSON.stringify(char)} (U+${hex}) at character ${position}; use a Latin-1 character or one of € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ`)
}
