/** What writing one record needed, so the generator can count it. */
export interface WrittenRecord {
  readonly text: string
  /** A field held the delimiter and was quoted. */
  readonly quotedDelimiter: boolean
  /** A field held a line break and was quoted. */
  readonly embeddedNewline: boolean
}

/**
 * Writes one record the RFC 4180 way: a field is quoted only when it holds the delimiter,
 * a `"` (doubled) or a line break; the record ends with CRLF.
 * @example writeRecord(['SO-000001', 'Notebook, A5'], ',').text // 'SO-000001,"Notebook, A5"\r\n'
 */
export function writeRecord(fields: readonly string[], delimiter: string): WrittenRecord {
  let quotedDelimiter = false
  let embeddedNewline = false
  const written = fields.map((field) => {
    const hasDelimiter = field.includes(delimiter)
    const hasNewline = /[\r\n]/.test(field)
    quotedDelimiter ||= hasDelimiter
    embeddedNewline ||= hasNewline
    return hasDelimiter || hasNewline || field.includes('"') ? `"${field.replaceAll('"', '""')}"` : field
  })
  return { text: `${written.join(delimiter)}\r\n`, quotedDelimiter, embeddedNewline }
}
