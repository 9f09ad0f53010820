/** The URL forms an SMTP server is written in, for error messages and docs. */
export const SMTP_URL_FORMS = 'smtp://[user:password@]host[:port][?from=address][&tls=insecure] (STARTTLS when the server offers it), or smtps://... (TLS from the start)'

/**
 * Where and how SNS e-mail goes: one SMTP server, as `parseSmtpUrl` reads it from a URL.
 */
export interface SmtpSettings {
  /** `smtps:`: TLS from the first byte. `smtp:`: plain, upgraded by STARTTLS when the server offers it. */
  readonly implicitTls: boolean
  /** The name or address to connect to (an IPv6 address without its brackets). */
  readonly host: string
  /** The URL's port, or 25 for `smtp:` and 465 for `smtps:`. */
  readonly port: number
  /** `host:port` as warnings and the outbox name the server: never the credentials. */
  readonly server: string
  /** For AUTH PLAIN (or LOGIN), when the URL has `user:password@`. */
  readonly credentials?: { readonly user: string; readonly password: string }
  /** The envelope sender and From header: the URL's `from`, or `dlc@localhost`. */
  readonly from: string
  /** `tls=insecure`: accept a certificate that does not verify, as a local server's self-signed one. */
  readonly acceptAnyCertificate: boolean
}

/** An SMTP URL that cannot be used: says what is wrong with it and what to write (`code` DLC_SMTP_URL). */
export class SmtpUrlError extends Error {
  override readonly name = 'SmtpUrlError'
  readonly code = 'DLC_SMTP_URL'
}

// What the DSL accepts for a subscription, plus a domain without a dot (`dlc@localhost`).
const ADDRESS = /^[^\s@"(),:;<>[\]\\]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/

/**
 * Reads an SMTP server's URL; `source` names where it came from in the error (`DLC_SMTP_URL`,
 * `--smtp`). The password never appears in an error.
 *
 * @example parseSmtpUrl('smtp://localhost:1025?from=etl@example.com') // { host: 'localhost', port: 1025, from: 'etl@example.com', ... }
 */
export function parseSmtpUrl(text: string, source = 'the SMTP URL'): SmtpSettings {
  const problem = (what: string, hint = `write ${SMTP_URL_FORMS}`): SmtpUrlError => new SmtpUrlError(`${source} ${JSON.stringify(withoutPassword(text))} ${what}; ${hint}`)
  if (!/^smtps?:\/\//i.test(text.trim())) throw problem('does not start with smtp:// or smtps://')
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    throw problem('is not a URL', `write ${SMTP_URL_FORMS}, with a port from 1 to 65535 and @ : / # ? % in the user or password percent-encoded (# as %23)`)
  }
  if (url.hostname === '') throw problem('names no server')
  if (url.port === '0') throw problem('has port 0')
  if ((url.pathname !== '' && url.pathname !== '/') || url.hash !== '') throw problem(`has a path or fragment (${url.pathname}${url.hash}), which an SMTP server has not`)
  const user = decoded(url.username)
  const password = decoded(url.password)
  if (user === undefined || password === undefined) throw problem('has a user or password that is not percent-encoded right', 'write %XX for each byte of @ : / # ? % (# as %23)')
  if ((user === '') !== (password === '')) throw problem('has a user without a password or a password without a user', 'write both, as smtp://user:password@host')
  for (const key of url.searchParams.keys()) {
    if (key !== 'from' && key !== 'tls') throw problem(`has the parameter "${key}", which dlc does not know`, 'the parameters are from=<address> and tls=insecure')
  }
  const from = url.searchParams.get('from') ?? 'dlc@localhost'
  if (!ADDRESS.test(from)) throw problem(`has from=${from}, which is not an e-mail address`, 'write one address, as from=etl@example.com')
  const tls = url.searchParams.get('tls')
  if (tls !== null && tls !== 'insecure') throw problem(`has tls=${tls}`, "write tls=insecure to accept a self-signed certificate, or leave it out to verify the server's certificate")
  const implicitTls = url.protocol === 'smtps:'
  const port = url.port === '' ? (implicitTls ? 465 : 25) : Number(url.port)
  return {
    implicitTls,
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port,
    server: `${url.hostname}:${port}`,
    ...(user === '' ? {} : { credentials: { user, password } }),
    from,
    acceptAnyCertificate: tls === 'insecure',
  }
}

function decoded(text: string): string | undefined {
  try {
    return decodeURIComponent(text)
  } catch {
    return undefined
  }
}

function withoutPassword(text: string): string {
  return text.replace(/^(\s*[A-Za-z][\w+.-]*:\/\/[^:/@]*:)[^?]*@/, '$1***@')
}
