import { connect as connectPlain, isIP, isIPv6, type Socket } from 'node:net'
import { StringDecoder } from 'node:string_decoder'
import { connect as connectTls, type TLSSocket } from 'node:tls'
import type { SmtpSettings } from './settings.js'

/** One message to hand to the server: the envelope and the RFC 5322 text (CRLF line endings). */
export interface SmtpEnvelope {
  readonly from: string
  readonly to: readonly string[]
  readonly message: string
}

/** What the server did with a message: who it took it for, who it refused and why. */
export interface SmtpReceipt {
  readonly accepted: readonly string[]
  readonly refused: readonly { readonly address: string; readonly reply: string }[]
  /** The server's answer to the message's text (`250 OK queued as ...`); none when every recipient was refused. */
  readonly reply?: string
}

/** The conversation broke off: the server refused a step, went away, did not answer in time, or TLS failed. */
export class SmtpError extends Error {
  override readonly name = 'SmtpError'
}

interface Reply {
  readonly code: number
  readonly lines: readonly string[]
}

const text = (reply: Reply): string => `${reply.code} ${reply.lines.join(' ').trim()}`

/**
 * Hands one message to an SMTP server (RFC 5321): greeting, EHLO (HELO if refused), STARTTLS
 * when offered on `smtp:`, AUTH PLAIN or LOGIN when the settings have credentials, MAIL FROM,
 * RCPT TO per recipient, DATA dot-stuffed, QUIT. Every step waits at most `timeoutMs`.
 *
 * @example await sendMail(parseSmtpUrl('smtp://localhost:1025'), { from: 'dlc@localhost', to: ['a@example.com'], message })
 */
export async function sendMail(settings: SmtpSettings, envelope: SmtpEnvelope, timeoutMs = 10_000): Promise<SmtpReceipt> {
  // No SNI for an address (RFC 6066); the certificate is still checked against it.
  const tlsOptions = { host: settings.host, servername: isIP(settings.host) === 0 ? settings.host : '', rejectUnauthorized: !settings.acceptAnyCertificate }
  const tlsHint = settings.acceptAnyCertificate ? '' : ' (if the server has a self-signed certificate, add tls=insecure to the URL)'
  const socket = settings.implicitTls ? connectTls({ ...tlsOptions, port: settings.port }) : connectPlain({ host: settings.host, port: settings.port })
  const session = new Session(socket, timeoutMs)
  try {
    await session.opened(settings.implicitTls ? 'secureConnect' : 'connect', `connect to ${settings.server}`, settings.implicitTls ? tlsHint : '')
    session.expect(await session.read('greeting'), [220], 'greeting')
    let hello = await session.hello()
    if (!settings.implicitTls && hello.extensions.has('STARTTLS')) {
      session.expect(await session.command('STARTTLS'), [220], 'STARTTLS')
      await session.upgrade(connectTls({ ...tlsOptions, socket }), tlsHint)
      hello = await session.hello()
    }
    if (settings.credentials !== undefined) await session.authenticate(settings.credentials, hello.extensions.get('AUTH') ?? '')
    session.expect(await session.command(`MAIL FROM:<${envelope.from}>`), [250], `MAIL FROM:<${envelope.from}>`)
    const accepted: string[] = []
    const refused: { address: string; reply: string }[] = []
    for (const address of envelope.to) {
      const reply = await session.command(`RCPT TO:<${address}>`)
      if (reply.code === 250 || reply.code === 251) accepted.push(address)
      else refused.push({ address, reply: text(reply) })
    }
    if (accepted.length === 0) {
      await session.quit()
      return { accepted, refused }
    }
    session.expect(await session.command('DATA'), [354], 'DATA')
    const stuffed = envelope.message.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..')
    const reply = session.expect(await session.send(`${stuffed}${stuffed.endsWith('\r\n') ? '' : '\r\n'}.\r\n`, 'the message text'), [250], 'the message text')
    await session.quit()
    return { accepted, refused, reply: text(reply) }
  } finally {
    session.close()
  }
}

/** One connection's replies, read line by line, each awaited under the time limit. */
class Session {
  private decoder = new StringDecoder('utf8')
  private buffered = ''
  private lines: string[] = []
  private readonly replies: Reply[] = []
  private waiting: { resolve: (reply: Reply) => void; reject: (error: Error) => void } | undefined
  private broken: Error | undefined

  constructor(
    private socket: Socket | TLSSocket,
    private readonly timeoutMs: number,
  ) {
    this.listen(socket)
  }

  async opened(event: 'connect' | 'secureConnect', step: string, hint: string): Promise<void> {
    const opened = new Promise<void>((resolve, reject) => {
      this.socket.once(event, () => resolve())
      this.socket.once('error', reject)
    })
    await this.within(step, opened, hint)
  }

  async upgrade(secure: TLSSocket, hint: string): Promise<void> {
    this.socket.removeAllListeners('data')
    this.socket = secure
    this.decoder = new StringDecoder('utf8')
    this.listen(secure)
    await this.opened('secureConnect', 'STARTTLS', hint)
  }

  async hello(): Promise<{ extensions: Map<string, string> }> {
    const name = this.socket.localAddress === undefined ? 'localhost' : isIPv6(this.socket.localAddress) ? `[IPv6:${this.socket.localAddress}]` : `[${this.socket.localAddress}]`
    const ehlo = await this.command(`EHLO ${name}`)
    if (ehlo.code === 250) {
      // After the greeting line, one extension a line: `AUTH PLAIN LOGIN`, `STARTTLS`, ...
      const extensions = ehlo.lines.slice(1).map((line): [string, string] => {
        const [keyword = '', ...parameters] = line.toUpperCase().split(' ')
        return [keyword, parameters.join(' ')]
      })
      return { extensions: new Map(extensions) }
    }
    this.expect(await this.command(`HELO ${name}`), [250], `HELO (after EHLO said ${text(ehlo)})`)
    return { extensions: new Map() }
  }

  async authenticate(credentials: { readonly user: string; readonly password: string }, mechanisms: string): Promise<void> {
    const base64 = (value: string): string => Buffer.from(value).toString('base64')
    const offered = mechanisms.split(' ')
    if (offered.includes('PLAIN')) {
      this.expect(await this.command(`AUTH PLAIN ${base64(`\0${credentials.user}\0${credentials.password}`)}`, 'AUTH PLAIN'), [235], 'AUTH PLAIN')
    } else if (offered.includes('LOGIN')) {
      this.expect(await this.command('AUTH LOGIN'), [334], 'AUTH LOGIN')
      this.expect(await this.command(base64(credentials.user), 'AUTH LOGIN'), [334], 'AUTH LOGIN (user)')
      this.expect(await this.command(base64(credentials.password), 'AUTH LOGIN'), [235], 'AUTH LOGIN')
    } else {
      throw new SmtpError(`the URL has a user and password, but the server offers no AUTH PLAIN or LOGIN${mechanisms === '' ? ' (a server may offer AUTH only after STARTTLS)' : ` (it offers ${mechanisms})`}`)
    }
  }

  /** Sends one command line; `shown` stands for it in errors when the line holds a secret. */
  async command(line: string, shown = line): Promise<Reply> {
    if (/[\r\n]/.test(line)) throw new SmtpError(`a command cannot hold a line break: ${JSON.stringify(shown)}`)
    return this.send(`${line}\r\n`, shown)
  }

  async send(data: string, step: string): Promise<Reply> {
    this.socket.write(data)
    return this.read(step)
  }

  async read(step: string): Promise<Reply> {
    const next = this.replies.shift()
    if (next !== undefined) return next
    if (this.broken !== undefined) throw new SmtpError(`${step}: ${this.broken.message}`)
    return this.within(step, new Promise<Reply>((resolve, reject) => (this.waiting = { resolve, reject })))
  }

  expect(reply: Reply, codes: readonly number[], step: string): Reply {
    if (!codes.includes(reply.code)) throw new SmtpError(`${step} refused: ${text(reply)}`)
    return reply
  }

  /** Says goodbye; the message is already the server's, so a bad answer here changes nothing. */
  async quit(): Promise<void> {
    await this.command('QUIT').catch(() => undefined)
  }

  close(): void {
    this.socket.destroy()
  }

  private listen(socket: Socket | TLSSocket): void {
    socket.on('data', (chunk: Buffer) => this.receive(this.decoder.write(chunk)))
    socket.on('error', (error) => this.fail(error))
    socket.on('close', () => this.fail(new Error('the server closed the connection')))
  }

  private receive(data: string): void {
    this.buffered += data
    for (let end = this.buffered.indexOf('\n'); end !== -1; end = this.buffered.indexOf('\n')) {
      const line = this.buffered.slice(0, end).replace(/\r$/, '')
      this.buffered = this.buffered.slice(end + 1)
      const parsed = /^(\d{3})([ -]?)(.*)$/.exec(line)
      if (parsed === null) return this.fail(new Error(`the server sent ${JSON.stringify(line)}, which is no SMTP reply`))
      this.lines.push(parsed[3] ?? '')
      if (parsed[2] === '-') continue
      const reply = { code: Number(parsed[1]), lines: this.lines }
      this.lines = []
      const waiting = this.waiting
      this.waiting = undefined
      if (waiting === undefined) this.replies.push(reply)
      else waiting.resolve(reply)
    }
  }

  private fail(error: Error): void {
    this.broken ??= error
    const waiting = this.waiting
    this.waiting = undefined
    waiting?.reject(error)
  }

  /** Waits for one step, failing as `<step>: <what happened>`, plus `hint` when TLS refused. */
  private async within<T>(step: string, promise: Promise<T>, hint = ''): Promise<T> {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        reject(new Error(`no answer within ${this.timeoutMs / 1000} s`))
        this.socket.destroy()
      }, this.timeoutMs)
    })
    try {
      return await Promise.race([promise, timeout])
    } catch (error) {
      // The hint is for TLS's own refusals (CERT_HAS_EXPIRED, ...), not for a refused connection or a timeout.
      const { code, syscall } = error as NodeJS.ErrnoException
      throw new SmtpError(`${step}: ${error instanceof Error ? error.message : String(error)}${typeof code === 'string' && syscall === undefined ? hint : ''}`)
    } finally {
      clearTimeout(timer)
    }
  }
}
