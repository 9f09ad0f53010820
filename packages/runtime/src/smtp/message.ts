/** A plain-text e-mail, before it becomes RFC 5322 text. */
export interface MailMessage {
  readonly from: string
  readonly to: readonly string[]
  readonly subject: string
  readonly body: string
  readonly date: Date
  /** The left part of the Message-ID; the sender's domain is the right part. */
  readonly id: string
}

/**
 * The message as RFC 5322 text with CRLF line endings (SMTP's dot-stuffing is the client's):
 * the subject as RFC 2047 encoded words when it is not plain ASCII, the body UTF-8 in
 * quoted-printable, so any server takes it, with or without 8BITMIME.
 *
 * @example composeMessage({ from: 'dlc@localhost', to: ['a@example.com'], subject: 'Lädt', body: 'ok', date, id })
 */
export function composeMessage(message: MailMessage): string {
  const domain = message.from.slice(message.from.lastIndexOf('@') + 1)
  const headers = [
    `From: ${message.from}`,
    `To: ${message.to.join(',\r\n ')}`,
    `Subject: ${encodedWords(message.subject)}`,
    `Date: ${message.date.toUTCString().replace(/GMT$/, '+0000')}`,
    `Message-ID: <${message.id}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
  ]
  return `${headers.join('\r\n')}\r\n\r\n${quotedPrintable(message.body)}\r\n`
}

/**
 * A header's text as it may stand in a header: printable ASCII as it is, anything else (non-ASCII,
 * a line break, text that looks like an encoded word) as `=?UTF-8?B?...?=` words of 64 characters
 * at most, one a line, never splitting a character.
 */
export function encodedWords(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text) && !text.includes('=?')) return text
  const words: string[] = []
  let chunk = ''
  for (const char of text) {
    // 39 bytes are 52 base64 characters, a word of 64: the first line, `Subject: ` and a word, stays within RFC 2047's 76.
    if (Buffer.byteLength(chunk + char) > 39) {
      words.push(chunk)
      chunk = ''
    }
    chunk += char
  }
  words.push(chunk)
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word).toString('base64')}?=`).join('\r\n ')
}

/** Text as quoted-printable (RFC 2045): UTF-8 bytes, CRLF hard breaks, lines of at most 76 characters. */
export function quotedPrintable(text: string): string {
  return text.split(/\r\n|\r|\n/).map(encodeLine).join('\r\n')
}

function encodeLine(line: string): string {
  const bytes = Buffer.from(line)
  const rows: string[] = []
  let row = ''
  bytes.forEach((byte, index) => {
    const whitespace = byte === 0x20 || byte === 0x09
    const literal = (byte >= 0x21 && byte <= 0x7e && byte !== 0x3d) || (whitespace && index < bytes.length - 1)
    const token = literal ? String.fromCharCode(byte) : `=${byte.toString(16).toUpperCase().padStart(2, '0')}`
    if (row.length + token.length > 75) {
      rows.push(`${row}=`)
      row = ''
    }
    row += token
  })
  rows.push(row)
  return rows.join('\r\n')
}
