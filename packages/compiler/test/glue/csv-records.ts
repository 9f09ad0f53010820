/**
 * RFC 4180 records of a decoded CSV text: fields split on the delimiter outside quotes, `""` a
 * quote, CRLF, LF or CR ending a record. The tests' own reading of a batch, independent of DuckDB.
 */
export function records(text: string, delimiter: string): string[][] {
  const out: string[][] = []
  let record: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') (field += '"'), (i += 1)
      else if (char === '"') quoted = false
      else field += char
    } else if (char === '"') quoted = true
    else if (char === delimiter) record.push(field), (field = '')
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i += 1
      record.push(field), out.push(record), (record = []), (field = '')
    } else field += char
  }
  if (field !== '' || record.length > 0) record.push(field), out.push(record)
  return out
}
