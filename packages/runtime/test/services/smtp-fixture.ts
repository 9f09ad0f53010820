import { createServer, type Server, type Socket } from 'node:net'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'

/** One message as the server took it: the envelope and the text after SMTP (dot-stuffing undone). */
export interface ReceivedMail {
  readonly mailFrom: string
  readonly rcptTo: readonly string[]
  readonly raw: string
  /** The session ran over TLS (implicit, or after STARTTLS). */
  readonly secure: boolean
  /** Who authenticated, if anyone. */
  readonly user: string | undefined
  /** EHLO or HELO. */
  readonly greetedWith: string
}

export interface TestSmtpServer {
  readonly port: number
  readonly received: ReceivedMail[]
  /** Every AUTH attempt: mechanism, user and password as the server decoded them. */
  readonly logins: { method: string; user: string; password: string }[]
  close(): Promise<void>
}

export interface TestSmtpOptions {
  /** TLS from the first byte (smtps). */
  readonly implicitTls?: boolean
  /** Offer STARTTLS on the plain connection. */
  readonly startTls?: boolean
  /** Require AUTH with these credentials and mechanisms (over TLS). */
  readonly auth?: { readonly user: string; readonly password: string; readonly methods: readonly string[] }
  /** Recipients answered with 550. */
  readonly refuse?: readonly string[]
  /** Answer EHLO as an unknown command, as an old server does. */
  readonly noEhlo?: boolean
}

/**
 * A real SMTP server (nodemailer's smtp-server, with its built-in self-signed certificate) on a
 * free port of 127.0.0.1, recording what it receives.
 */
export async function startSmtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = []
  const logins: { method: string; user: string; password: string }[] = []
  const refuse = new Set(options.refuse ?? [])
  const server = new SMTPServer({
    logger: false,
    secure: options.implicitTls === true,
    hideSTARTTLS: options.startTls !== true,
    disabledCommands: [...(options.auth === undefined ? ['AUTH'] : []), ...(options.noEhlo === true ? ['EHLO'] : [])],
    ...(options.auth === undefined ? {} : { authMethods: [...options.auth.methods] }),
    onAuth(auth, _session, callback) {
      logins.push({ method: auth.method, user: auth.username ?? '', password: auth.password ?? '' })
      if (auth.username === options.auth?.user && auth.password === options.auth?.password) callback(null, { user: auth.username })
      else callback(Object.assign(new Error('5.7.8 Authentication credentials invalid'), { responseCode: 535 }))
    },
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address)) callback(Object.assign(new Error(`5.1.1 <${address.address}>: Recipient address rejected: User unknown`), { responseCode: 550 }))
      else callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push({
          mailFrom: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          rcptTo: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw: Buffer.concat(chunks).toString('utf8'),
          secure: session.secure,
          user: typeof session.user === 'string' ? session.user : undefined,
          greetedWith: session.openingCommand,
        })
        callback(null, `OK: queued as test-${received.length}`)
      })
    },
  })
  // A client that refuses the certificate leaves a broken handshake, which the server reports as an error event.
  server.on('error', () => {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return { port, received, logins, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/** A server that accepts connections and never says a word: for the time limit. */
export async function startSilentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>()
  const server: Server = createServer((socket) => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      }),
  }
}

/** A port on 127.0.0.1 where nothing listens (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
