import { afterEach, describe, expect, it } from 'vitest'
import { composeMessage, parseSmtpUrl, sendMail, SmtpError } from '../../src/smtp/index.js'
import { closedPort, startSilentServer, startSmtpServer } from './smtp-fixture.js'

let cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups) await cleanup()
  cleanups = []
})

const message = composeMessage({ from: 'dlc@localhost', to: ['a@example.com'], subject: 's', body: 'b', date: new Date(0), id: 'x' })

describe('the SMTP client', () => {
  it('gives up on a server that does not answer, naming the step and the time limit', async () => {
    const silent = await startSilentServer()
    cleanups.push(silent.close)
    const started = Date.now()
    const error = await sendMail(parseSmtpUrl(`smtp://127.0.0.1:${silent.port}`), { from: 'dlc@localhost', to: ['a@example.com'], message }, 200).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(SmtpError)
    expect((error as Error).message).toBe('greeting: no answer within 0.2 s')
    expect(Date.now() - started).toBeLessThan(2_000)
  })

  it('tells a refused connection from a certificate it cannot verify', async () => {
    const port = await closedPort()
    const error = await sendMail(parseSmtpUrl(`smtps://127.0.0.1:${port}`), { from: 'dlc@localhost', to: ['a@example.com'], message }).catch((caught: unknown) => caught)
    expect((error as Error).message).toBe(`connect to 127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`)
    const server = await startSmtpServer({ implicitTls: true })
    cleanups.push(server.close)
    const untrusted = await sendMail(parseSmtpUrl(`smtps://localhost:${server.port}`), { from: 'dlc@localhost', to: ['a@example.com'], message }).catch((caught: unknown) => caught)
    expect((untrusted as Error).message).toMatch(new RegExp(`^connect to localhost:${server.port}: .*certificate.* \\(if the server has a self-signed certificate, add tls=insecure to the URL\\)$`))
  })

  it('refuses to put a line break into a command, so an address cannot smuggle one in', async () => {
    const server = await startSmtpServer()
    cleanups.push(server.close)
    const error = await sendMail(parseSmtpUrl(`smtp://127.0.0.1:${server.port}`), { from: 'dlc@localhost', to: ['a@example.com>\r\nRCPT TO:<b@example.com'], message }).catch((caught: unknown) => caught)
    expect((error as Error).message).toBe('a command cannot hold a line break: "RCPT TO:<a@example.com>\\r\\nRCPT TO:<b@example.com>"')
    expect(server.received).toEqual([])
  })
})
