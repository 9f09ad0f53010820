import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterEach, describe, expect, it } from 'vitest'
import { dlc } from '../helpers.js'
import { exampleProject } from './example-project.js'

/** A real SMTP server on a free port, keeping each message's envelope and text. */
async function smtpServer(): Promise<{ port: number; mails: { to: string[]; raw: string }[]; close(): Promise<void> }> {
  const mails: { to: string[]; raw: string }[] = []
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    hideSTARTTLS: true,
    onData(stream, session, callback) {
      let raw = ''
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')))
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((address) => address.address), raw })
        callback()
      })
    },
  })
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening))
  const port = ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port
  return { port, mails, close: () => new Promise<void>((closed) => server.close(() => closed())) }
}

const servers: { close(): Promise<void> }[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

describe('dlc run --smtp', () => {
  it("sends the run's e-mail to the topic's subscribers and says so in the summary", async () => {
    const server = await smtpServer()
    servers.push(server)
    const dir = await exampleProject()
    const run = await dlc(['run', dir, '--smtp', `smtp://127.0.0.1:${server.port}?from=lake@example.com`], dir)
    expect(run.code, run.stderr).toBe(0)
    expect(server.mails).toHaveLength(1)
    expect(server.mails[0]?.to).toEqual(['data-team@example.com'])
    expect(server.mails[0]?.raw).toMatch(/^From: lake@example\.com\r$/m)
    expect(server.mails[0]?.raw).toMatch(/^Subject: nightly-sales: batch 2026-11-24 loaded\r$/m)
    expect(run.stdout).toContain(`(sent via 127.0.0.1:${server.port})`)
  }, 240_000)

  it('keeps the run going when the server is down, and says the e-mail was not delivered', async () => {
    const server = await smtpServer()
    await server.close()
    const dir = await exampleProject()
    const run = await dlc(['run', dir, '--smtp', `smtp://127.0.0.1:${server.port}`], dir)
    expect(run.code, run.stderr).toBe(0)
    expect(run.stderr).toContain(`warning: e-mail not delivered via 127.0.0.1:${server.port}`)
    expect(run.stdout).toMatch(new RegExp(`\\(NOT delivered via 127\\.0\\.0\\.1:${server.port}: .*ECONNREFUSED`))
  }, 240_000)

  it('refuses a bad URL before compiling or running anything (exit 2)', async () => {
    const dir = await exampleProject()
    const run = await dlc(['run', dir, '--smtp', 'mail.example.com:25'], dir)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('--smtp "mail.example.com:25" does not start with smtp:// or smtps://')
    expect(run.stderr).not.toMatch(/\n\s+at /)
  })
})
