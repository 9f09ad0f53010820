import { describe, expect, it } from 'vitest'
import { decodeToUtf8 } from '../../src/glue/encoding.js'

/** Windows-1252 0x80-0x9F as code points, from Unicode's CP1252.TXT; unassigned bytes keep their own. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
]

const everyByte = Uint8Array.from({ length: 256 }, (_, byte) => byte)
const codePoints = (text: string): number[] => Array.from(text, (char) => char.codePointAt(0) ?? -1)

describe('decodeToUtf8', () => {
  it('reads latin-1 as one code point per byte, 0x80-0x9F included', () => {
    expect(codePoints(decodeToUtf8(everyByte, 'latin-1'))).toEqual(Array.from(everyByte))
  })

  it('reads windows-1252 with its own 0x80-0x9F and ISO-8859-1 elsewhere', () => {
    const expected = Array.from(everyByte, (byte) => (byte >= 0x80 && byte <= 0x9f ? (CP1252_HIGH[byte - 0x80] as number) : byte))
    expect(codePoints(decodeToUtf8(everyByte, 'windows-1252'))).toEqual(expected)
  })

  it('decodes a slice of a larger buffer, not the whole buffer', () => {
    const bytes = Buffer.from('ab\x80cd', 'latin1').subarray(1, 4)
    expect(decodeToUtf8(bytes, 'windows-1252')).toBe('b€c')
  })

  it('drops a UTF-8 byte order mark', () => {
    expect(decodeToUtf8(Buffer.from('\ufefforder_id', 'utf8'), 'utf-8')).toBe('order_id')
  })
})
