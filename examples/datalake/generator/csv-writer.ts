import type { Charset } from './charset.js'

/** What a field holds that makes it quoted: flags a record is counted by, and the quote itself. */
const QUOTED_DELIMITER = 1
const EMBEDDED_NEWLINE = 2
const QUOTE = 4

const CRLF = Uint8Array.of(0x0d, 0x0a)

/** Bytes reserved per expected record up front (a sales record takes about 64); a bigger batch only costs a copy. */
const BYTES_PER_RECORD = 96

/** Record ends are kept as 32-bit offsets. */
const MAX_BYTES = 2 ** 32 - 1

/**
 * Writes a CSV file the RFC 4180 way, straight into bytes: a field is quoted only when it
 * holds the delimiter, a `"` (doubled) or a line break; every record ends with CRLF. It
 * remembers where each record went, so one can be written again byte for byte, and counts
 * the records that needed quoting (the header excluded).
 * @example const csv = new CsvWriter(['id', 'name'], ',', utf8WithBom); csv.write(['SO-000001', 'Notebook, A5']) // SO-000001,"Notebook, A5"\r\n
 */
export class CsvWriter {
  /** Records with a field that held the delimiter and was quoted. */
  quotedDelimiter = 0
  /** Records with a field that held a line break and was quoted. */
  embeddedNewline = 0
  private bytes: Uint8Array
  private length = 0
  private readonly headerEnd: number
  /** Record `n` is the bytes from `ends[n - 1]` (the header's end for record 0) to `ends[n]`. */
  private ends: Uint32Array
  private quoting: Uint8Array
  private records = 0

  private readonly delimiterCode: number
  private readonly delimiterBytes: Uint8Array
  private readonly quoteBytes: Uint8Array

  /** `delimiter` is one character other than `"`, CR and LF; `expectedRecords` only sizes the first buffers, more records still fit. */
  constructor(header: readonly string[], delimiter: string, private readonly charset: Charset, expectedRecords = 0) {
    if (delimiter.length !== 1 || specialsIn(delimiter, -1) !== 0) throw new RangeError(`a CSV delimiter is one character other than '"', CR and LF, got ${JSON.stringify(delimiter)}`)
    this.delimiterCode = delimiter.charCodeAt(0)
    this.delimiterBytes = encoded(delimiter, charset)
    this.quoteBytes = encoded('"', charset)
    // Untouched pages of a fresh buffer cost nothing, so reserving generously is cheaper than growing.
    this.bytes = new Uint8Array(charset.preamble.length + BYTES_PER_RECORD * (expectedRecords + 1))
    this.bytes.set(charset.preamble)
    this.length = charset.preamble.length
    this.ends = new Uint32Array(expectedRecords)
    this.quoting = new Uint8Array(expectedRecords)
    this.writeFields(header)
    this.headerEnd = this.length
  }

  /** Writes one record and returns its number, by which `repeat` writes it again. */
  write(fields: readonly string[]): number {
    return this.endRecord(this.writeFields(fields))
  }

  /** Writes record `record` again, byte for byte, and returns the new record's number. */
  repeat(record: number): number {
    const start = record === 0 ? this.headerEnd : (this.ends[record - 1] as number)
    const end = this.ends[record] as number
    this.reserve(end - start)
    this.bytes.copyWithin(this.length, start, end)
    this.length += end - start
    return this.endRecord(this.quoting[record] as number)
  }

  /**
   * The file so far: a view of the writer's buffer, which has room to spare. Copying it into
   * a buffer of its own would touch every page of a file of tens of megabytes a second time.
   */
  toBytes(): Uint8Array {
    return this.bytes.subarray(0, this.length)
  }

  /** Writes the fields and the CRLF; returns what they needed quoting for. */
  private writeFields(fields: readonly string[]): number {
    this.reserve(this.charset.maxBytesPerUnit * longestText(fields))
    const bytes = this.bytes
    let at = this.length
    let flags = 0
    for (let i = 0; i < fields.length; i++) {
      if (i > 0) at = put(this.delimiterBytes, bytes, at)
      const field = fields[i] as string
      const plain = writePlainAscii(field, bytes, at, this.delimiterCode)
      if (plain >= 0) {
        at = plain
        continue
      }
      const found = specialsIn(field, this.delimiterCode)
      flags |= found & (QUOTED_DELIMITER | EMBEDDED_NEWLINE)
      if (found === 0) at = this.charset.encodeInto(field, bytes, at)
      else {
        at = put(this.quoteBytes, bytes, at)
        at = this.charset.encodeInto(found & QUOTE ? field.replaceAll('"', '""') : field, bytes, at)
        at = put(this.quoteBytes, bytes, at)
      }
    }
    this.length = put(CRLF, bytes, at)
    return flags
  }

  private endRecord(flags: number): number {
    if (this.records === this.ends.length) {
      this.ends = copied(this.ends, new Uint32Array(2 * this.records + 16))
      this.quoting = copied(this.quoting, new Uint8Array(2 * this.records + 16))
    }
    if (flags & QUOTED_DELIMITER) this.quotedDelimiter++
    if (flags & EMBEDDED_NEWLINE) this.embeddedNewline++
    this.ends[this.records] = this.length
    this.quoting[this.records] = flags
    return this.records++
  }

  private reserve(extra: number): void {
    const needed = this.length + extra
    if (needed <= this.bytes.length) return
    if (needed > MAX_BYTES) throw new RangeError(`a CSV file of more than ${MAX_BYTES} bytes is not supported`)
    this.bytes = copied(this.bytes.subarray(0, this.length), new Uint8Array(Math.min(2 * needed, MAX_BYTES)))
  }
}

/** An upper bound on a record's text: every field quoted, each `"` doubled, a delimiter after each, CRLF. */
function longestText(fields: readonly string[]): number {
  let length = 2
  for (let i = 0; i < fields.length; i++) length += 2 * (fields[i] as string).length + 3
  return length
}

/**
 * Writes a field made only of ASCII characters that need no quotes, the common case, byte
 * for byte as every charset here does; returns -1, having written nothing that counts, for
 * any other field.
 */
function writePlainAscii(field: string, bytes: Uint8Array, offset: number, delimiterCode: number): number {
  let at = offset
  for (let i = 0; i < field.length; i++) {
    const code = field.charCodeAt(i)
    if (code >= 0x80 || code === delimiterCode || (code <= 0x22 && (code === 0x22 || code === 0x0a || code === 0x0d))) return -1
    bytes[at++] = code
  }
  return at
}

function put(source: Uint8Array, bytes: Uint8Array, offset: number): number {
  for (let i = 0; i < source.length; i++) bytes[offset + i] = source[i] as number
  return offset + source.length
}

function encoded(text: string, charset: Charset): Uint8Array {
  const bytes = new Uint8Array(charset.maxBytesPerUnit * text.length)
  return bytes.subarray(0, charset.encodeInto(text, bytes, 0))
}

function copied<T extends Uint8Array | Uint32Array>(from: T, into: T): T {
  into.set(from)
  return into
}

/**
 * Which of the delimiter, a line break and `"` the field holds, as flags; 0 when it needs no
 * quotes. Letters and digits, most of any field, are above `"`, the highest of LF, CR and `"`.
 */
function specialsIn(field: string, delimiterCode: number): number {
  let found = 0
  for (let i = 0; i < field.length; i++) {
    const code = field.charCodeAt(i)
    if (code === delimiterCode) found |= QUOTED_DELIMITER
    else if (code <= 0x22) {
      if (code === 0x0a || code === 0x0d) found |= EMBEDDED_NEWLINE
      else if (code === 0x22) found |= QUOTE
    }
  }
  return found
}
