import { describe, expect, it } from 'vitest'
import { parseSmtpUrl, SmtpUrlError } from '../../src/smtp/index.js'

const problem = (url: string, source?: string): SmtpUrlError => {
  try {
    parseSmtpUrl(url, source)
  } catch (error) {
    expect(error).toBeInstanceOf(SmtpUrlError)
    return error as SmtpUrlError
  }
  throw new Error(`${url} was accepted`)
}

describe('the SMTP URL', () => {
  it('reads the forms the docs give, with their defaults', () => {
    expect(parseSmtpUrl('smtp://localhost:1025')).toEqual({ implicitTls: false, host: 'localhost', port: 1025, server: 'localhost:1025', from: 'dlc@localhost', acceptAnyCertificate: false })
    expect(parseSmtpUrl('smtp://mail.example.com')).toMatchObject({ port: 25, server: 'mail.example.com:25' })
    expect(parseSmtpUrl('smtps://mail.example.com')).toMatchObject({ implicitTls: true, port: 465 })
    expect(parseSmtpUrl('smtp://[::1]:2525')).toMatchObject({ host: '::1', server: '[::1]:2525' })
    expect(parseSmtpUrl('smtp://relay%40corp:p%40ss%3Aw%2Frd%23@relay.corp.example:587?from=etl@corp.example&tls=insecure')).toEqual({
      implicitTls: false,
      host: 'relay.corp.example',
      port: 587,
      server: 'relay.corp.example:587',
      credentials: { user: 'relay@corp', password: 'p@ss:w/rd#' },
      from: 'etl@corp.example',
      acceptAnyCertificate: true,
    })
  })

  it('says what is wrong and what to write, naming where the URL came from', () => {
    const notUrl = problem('localhost:1025', 'DLC_SMTP_URL')
    expect(notUrl.message).toBe(
      'DLC_SMTP_URL "localhost:1025" does not start with smtp:// or smtps://; write smtp://[user:password@]host[:port][?from=address][&tls=insecure] (STARTTLS when the server offers it), or smtps://... (TLS from the start)',
    )
    expect(notUrl.code).toBe('DLC_SMTP_URL')
    expect(problem('mailpit').message).toMatch(/^the SMTP URL "mailpit" does not start with smtp:\/\/ or smtps:\/\/; write smtp:\/\//)
    expect(problem('http://localhost:8025').message).toContain('does not start with smtp:// or smtps://')
    expect(problem('smtp://localhost:99999').message).toContain('is not a URL; write smtp://[user:password@]host[:port][?from=address][&tls=insecure] (STARTTLS when the server offers it), or smtps://... (TLS from the start), with a port from 1 to 65535')
    expect(problem('smtp://').message).toContain('names no server')
    expect(problem('smtp://localhost:1025/inbox').message).toContain('has a path or fragment (/inbox)')
    expect(problem('smtp://localhost?form=a@b.c').message).toContain('has the parameter "form", which dlc does not know; the parameters are from=<address> and tls=insecure')
    expect(problem('smtp://localhost?from=nobody').message).toContain('has from=nobody, which is not an e-mail address; write one address, as from=etl@example.com')
    expect(problem('smtp://localhost?tls=off').message).toContain('has tls=off; write tls=insecure to accept a self-signed certificate')
    expect(problem('smtp://etl@localhost').message).toContain('has a user without a password')
    expect(problem('smtp://etl:%E0%A4%A@localhost').message).toContain('is not percent-encoded right')
  })

  it('never shows the password in an error', () => {
    for (const url of ['smtp://etl:s3cret@localhost/x', 'smtp://etl:s3cret#x@localhost', 'smtp://etl:s3c@ret@localhost?from=bad']) {
      const { message } = problem(url)
      expect(message).not.toContain('s3c')
      expect(message).toContain('etl:***@')
    }
  })
})
