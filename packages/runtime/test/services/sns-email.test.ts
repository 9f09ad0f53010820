import { existsSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import PostalMime from 'postal-mime'
import { afterEach, describe, expect, it, vi } from 'vitest'
import nightly from '../../../../examples/datalake/pipeline.js'
import { runPipeline } from '../../src/local-run/index.js'
import { localServices, type LocalEnvironment, type OutboxMessage, type ServiceProgress } from '../../src/services/index.js'
import { parseSmtpUrl, SmtpUrlError } from '../../src/smtp/index.js'
import { exampleEnvironment, readSql, taskCall } from './lake-fixture.js'
import { closedPort, startSmtpServer, type TestSmtpOptions, type TestSmtpServer } from './smtp-fixture.js'

const PUBLISH = 'arn:aws:states:::sns:publish'
const TOPIC_ARN = 'arn:aws:sns:us-east-1:000000000000:dlc-sales-alerts-local'
const SUBSCRIBERS = ['data-team@example.com', 'oncall@example.org']
const SUBJECT = 'Nächtlicher Lauf für 2026-11-24: ✓ geladen — 1.234 Zeilen, 56,78 €'
// A line starting with '.', a lone '.', one longer than a quoted-printable line, non-ASCII text.
const MESSAGE = [
  'Batch 2026-11-24 of nightly-sales is loaded.',
  '.hidden: this line starts with a dot',
  '.',
  'after a lone dot; revenue = 12.345,67 € (Café Müller)',
  `long: ${'0123456789'.repeat(12)}`,
].join('\n')

let cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  vi.unstubAllEnvs()
  for (const cleanup of cleanups.reverse()) await cleanup()
  cleanups = []
})

async function smtpServer(options: TestSmtpOptions = {}): Promise<TestSmtpServer> {
  const server = await startSmtpServer(options)
  cleanups.push(server.close)
  return server
}

/** The example environment with an SMTP URL, its topic subscribed by two addresses, and a publish call. */
async function publisher(url: string) {
  const events: ServiceProgress[] = []
  const lake = await exampleEnvironment({ smtp: parseSmtpUrl(url) }, (event) => events.push(event))
  cleanups.push(lake.done)
  const env: LocalEnvironment = {
    ...lake.env,
    pipeline: { ...lake.env.pipeline, topic: (arn) => { const topic = lake.env.pipeline.topic(arn); return topic && { ...topic, emails: SUBSCRIBERS } } },
  }
  const publish = localServices(env)[PUBLISH]!
  const outbox = (): OutboxMessage[] => readFileSync(join(env.outboxDir, 'dlc-sales-alerts-local.jsonl'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as OutboxMessage)
  return { env, events, outbox, publish: async (input: unknown) => (await publish(input, taskCall(PUBLISH, 'NotifySuccess'))) as { MessageId: string } }
}

describe('SNS e-mail over SMTP', () => {
  it('delivers each message to every subscriber, with RFC 5322 headers, an encoded subject and the body intact', async () => {
    const server = await smtpServer()
    const { publish, outbox, events } = await publisher(`smtp://127.0.0.1:${server.port}`)
    const { MessageId } = await publish({ TopicArn: TOPIC_ARN, Subject: SUBJECT, Message: MESSAGE })

    expect(server.received).toHaveLength(1)
    const [mail] = server.received
    expect(mail?.mailFrom).toBe('dlc@localhost')
    expect(mail?.rcptTo).toEqual(SUBSCRIBERS)
    expect(mail?.greetedWith).toBe('EHLO')
    expect(mail?.raw).toMatch(/^Subject: =\?UTF-8\?B\?/m)
    expect(mail?.raw).toContain('\r\n.hidden: this line starts with a dot\r\n.\r\nafter a lone dot')
    expect(mail?.raw.split('\r\n').every((line) => line.length <= 76)).toBe(true)

    const parsed = await PostalMime.parse(mail?.raw ?? '')
    expect(parsed.from?.address).toBe('dlc@localhost')
    expect(parsed.to?.map((to) => to.address)).toEqual(SUBSCRIBERS)
    expect(parsed.subject).toBe(SUBJECT)
    expect(parsed.messageId).toBe(`<${MessageId}@localhost>`)
    expect(parsed.date).toBe('2026-11-25T08:00:00.000Z')
    expect(parsed.text?.replace(/\r\n/g, '\n').replace(/\n$/, '')).toBe(MESSAGE)
    const header = (name: string) => parsed.headers.find((candidate) => candidate.key === name)?.value
    expect(header('mime-version')).toBe('1.0')
    expect(header('content-type')).toBe('text/plain; charset=utf-8')

    expect(outbox()).toEqual([
      expect.objectContaining({ messageId: MessageId, subject: SUBJECT, message: MESSAGE, to: SUBSCRIBERS, delivery: { smtp: `127.0.0.1:${server.port}`, status: 'sent', detail: '250 OK: queued as test-1', accepted: SUBSCRIBERS } }),
    ])
    expect(events.map((event) => event.message)).toEqual([
      `e-mail to ${SUBSCRIBERS.join(', ')}: ${SUBJECT}`,
      `e-mail sent via 127.0.0.1:${server.port} to ${SUBSCRIBERS.join(', ')}: 250 OK: queued as test-1`,
    ])
  })

  it("uses the URL's sender, SNS's default subject without one, and HELO for a server that does not know EHLO", async () => {
    const server = await smtpServer({ noEhlo: true })
    const { publish } = await publisher(`smtp://127.0.0.1:${server.port}?from=etl%2Bnightly@example.com`)
    await publish({ TopicArn: TOPIC_ARN, Message: 'no subject' })
    const [mail] = server.received
    expect(mail?.greetedWith).toBe('HELO')
    expect(mail?.mailFrom).toBe('etl+nightly@example.com')
    const parsed = await PostalMime.parse(mail?.raw ?? '')
    expect(parsed.subject).toBe('AWS Notification Message')
    expect(parsed.from?.address).toBe('etl+nightly@example.com')
    expect(parsed.messageId).toMatch(/@example\.com>$/)
  })

  it.each(['PLAIN', 'LOGIN'])('upgrades with STARTTLS and authenticates with AUTH %s when the URL has credentials', async (method) => {
    const password = 'p@ss:w/rd#1 ü'
    const server = await smtpServer({ startTls: true, auth: { user: 'etl', password, methods: [method] } })
    const { publish, outbox } = await publisher(`smtp://etl:${encodeURIComponent(password)}@127.0.0.1:${server.port}?tls=insecure`)
    await publish({ TopicArn: TOPIC_ARN, Subject: 'loaded', Message: 'ok' })
    expect(server.logins).toEqual([{ method, user: 'etl', password }])
    expect(server.received.map((mail) => [mail.secure, mail.user, mail.rcptTo])).toEqual([[true, 'etl', SUBSCRIBERS]])
    expect(outbox()[0]?.delivery?.status).toBe('sent')
  })

  it('speaks TLS from the first byte for smtps://', async () => {
    const server = await smtpServer({ implicitTls: true })
    const { publish, outbox } = await publisher(`smtps://127.0.0.1:${server.port}?tls=insecure`)
    await publish({ TopicArn: TOPIC_ARN, Subject: 'loaded', Message: 'ok' })
    expect(server.received.map((mail) => mail.secure)).toEqual([true])
    expect(outbox()[0]?.delivery?.status).toBe('sent')
  })

  it("verifies the server's certificate unless the URL says tls=insecure", async () => {
    const server = await smtpServer({ startTls: true })
    const { publish, outbox, events } = await publisher(`smtp://localhost:${server.port}`)
    const { MessageId } = await publish({ TopicArn: TOPIC_ARN, Subject: 'loaded', Message: 'ok' })
    expect(MessageId).toMatch(/^[0-9a-f-]{36}$/)
    expect(server.received).toEqual([])
    const delivery = outbox()[0]?.delivery
    expect(delivery).toMatchObject({ smtp: `localhost:${server.port}`, status: 'failed', accepted: [] })
    expect(delivery?.status === 'failed' && delivery.detail).toMatch(/^STARTTLS: .*certificate.*add tls=insecure to the URL/)
    expect(events.at(-1)?.severity).toBe('warning')
  })

  it('a refused recipient: the others still get it; the outbox says failed with the reply; a warning; the task succeeds', async () => {
    const server = await smtpServer({ refuse: ['oncall@example.org'] })
    const { publish, outbox, events } = await publisher(`smtp://127.0.0.1:${server.port}`)
    const { MessageId } = await publish({ TopicArn: TOPIC_ARN, Subject: 'loaded', Message: 'ok' })
    expect(server.received.map((mail) => mail.rcptTo)).toEqual([['data-team@example.com']])
    const [entry] = outbox()
    expect(entry).toMatchObject({ messageId: MessageId, message: 'ok', to: SUBSCRIBERS })
    expect(entry?.delivery).toEqual({
      smtp: `127.0.0.1:${server.port}`,
      status: 'failed',
      detail: 'RCPT TO:<oncall@example.org> refused: 550 5.1.1 <oncall@example.org>: Recipient address rejected: User unknown; 250 OK: queued as test-1',
      accepted: ['data-team@example.com'],
    })
    expect(events.at(-1)).toEqual({
      service: 'sns',
      state: 'NotifySuccess',
      severity: 'warning',
      message: `warning: e-mail not delivered via 127.0.0.1:${server.port}: ${entry?.delivery?.status === 'failed' ? entry.delivery.detail : ''} (the message is in the outbox)`,
    })
  })

  it('every recipient refused: no DATA, failed', async () => {
    const server = await smtpServer({ refuse: SUBSCRIBERS })
    const { publish, outbox } = await publisher(`smtp://127.0.0.1:${server.port}`)
    await publish({ TopicArn: TOPIC_ARN, Subject: 'loaded', Message: 'ok' })
    expect(server.received).toEqual([])
    expect(outbox()[0]?.delivery).toMatchObject({ status: 'failed', accepted: [], detail: expect.stringMatching(/^RCPT TO:<data-team@example\.com> refused: 550 .*; RCPT TO:<oncall@example\.org> refused: 550 /) })
  })

  it('nothing listening: the outbox keeps the message, records failed with the reason, warns, and the task succeeds', async () => {
    const port = await closedPort()
    const { publish, outbox, events } = await publisher(`smtp://127.0.0.1:${port}`)
    const { MessageId } = await publish({ TopicArn: TOPIC_ARN, Subject: 'loaded', Message: 'kept' })
    expect(outbox()).toEqual([
      expect.objectContaining({ messageId: MessageId, message: 'kept', delivery: { smtp: `127.0.0.1:${port}`, status: 'failed', detail: `connect to 127.0.0.1:${port}: connect ECONNREFUSED 127.0.0.1:${port}`, accepted: [] } }),
    ])
    expect(events.at(-1)).toMatchObject({ severity: 'warning', message: expect.stringContaining(`not delivered via 127.0.0.1:${port}: connect to 127.0.0.1:${port}: connect ECONNREFUSED`) })
  })

  it('keeps every line of the outbox when messages are delivered at the same time, as from Parallel branches', async () => {
    const server = await smtpServer({ refuse: ['oncall@example.org'] })
    const { publish, outbox } = await publisher(`smtp://127.0.0.1:${server.port}`)
    const ids = await Promise.all(['one', 'two', 'three'].map(async (message) => (await publish({ TopicArn: TOPIC_ARN, Message: message })).MessageId))
    expect(outbox().map((entry) => [entry.messageId, entry.message, entry.delivery?.status])).toEqual([
      [ids[0], 'one', 'failed'],
      [ids[1], 'two', 'failed'],
      [ids[2], 'three', 'failed'],
    ])
    expect(server.received).toHaveLength(3)
  })

  it('sends nothing and records no delivery without an SMTP server', async () => {
    const lake = await exampleEnvironment()
    cleanups.push(lake.done)
    await localServices(lake.env)[PUBLISH]!({ TopicArn: TOPIC_ARN, Message: 'outbox only' }, taskCall(PUBLISH))
    const [line] = readFileSync(join(lake.env.outboxDir, 'dlc-sales-alerts-local.jsonl'), 'utf8').trim().split('\n')
    expect(JSON.parse(line ?? '{}')).not.toHaveProperty('delivery')
  })
})

describe('runPipeline and DLC_SMTP_URL', () => {
  // The example pipeline with no batch placed takes its missing-batch path: one e-mail, then success.
  async function runWithoutBatch(options: { smtp?: string } = {}) {
    const root = await mkdtemp(join(tmpdir(), 'dlc-smtp-'))
    cleanups.push(() => rm(root, { recursive: true, force: true }))
    const events: ServiceProgress[] = []
    const run = () => runPipeline({ pipeline: nightly.build({ readSql }), root: join(root, '.dlc'), batchDate: '2026-11-24', onProgress: (event) => events.push(event), ...options })
    return { root, events, run }
  }

  it('e-mails through the server DLC_SMTP_URL names, and the run succeeds', async () => {
    const server = await smtpServer()
    vi.stubEnv('DLC_SMTP_URL', `smtp://127.0.0.1:${server.port}?from=nightly@example.com`)
    const { run } = await runWithoutBatch()
    const { execution, summary } = await run()
    expect(execution.status).toBe('SUCCEEDED')
    expect(server.received.map((mail) => [mail.mailFrom, mail.rcptTo])).toEqual([['nightly@example.com', ['data-team@example.com']]])
    expect((await PostalMime.parse(server.received[0]?.raw ?? '')).subject).toBe('nightly-sales: no sales batch for 2026-11-24')
    expect(summary.notifications.map((message) => message.delivery)).toEqual([{ smtp: `127.0.0.1:${server.port}`, status: 'sent', detail: '250 OK: queued as test-1', accepted: ['data-team@example.com'] }])
  })

  it('the smtp option wins over the variable, which is then not read', async () => {
    const server = await smtpServer()
    vi.stubEnv('DLC_SMTP_URL', 'not a url')
    const { run } = await runWithoutBatch({ smtp: `smtp://127.0.0.1:${server.port}` })
    expect((await run()).execution.status).toBe('SUCCEEDED')
    expect(server.received).toHaveLength(1)
  })

  it('a server that is down: the run still succeeds, with a warning and the failure in the summary', async () => {
    const port = await closedPort()
    vi.stubEnv('DLC_SMTP_URL', `smtp://127.0.0.1:${port}`)
    const { run, events } = await runWithoutBatch()
    const { execution, summary } = await run()
    expect(execution.status).toBe('SUCCEEDED')
    expect(summary.notifications[0]?.delivery).toMatchObject({ status: 'failed', detail: expect.stringContaining('ECONNREFUSED') })
    expect(events.filter((event) => event.severity === 'warning')).toHaveLength(1)
  })

  it('a bad DLC_SMTP_URL stops the run before anything is created, saying what to write', async () => {
    vi.stubEnv('DLC_SMTP_URL', 'smtp://etl:s3cret@mail.example.com:587?tls=yes')
    const { run, root } = await runWithoutBatch()
    const error = await run().then(() => undefined, (caught: unknown) => caught)
    expect(error).toBeInstanceOf(SmtpUrlError)
    expect((error as Error).message).toBe(
      'DLC_SMTP_URL "smtp://etl:***@mail.example.com:587?tls=yes" has tls=yes; write tls=insecure to accept a self-signed certificate, or leave it out to verify the server\'s certificate',
    )
    expect(existsSync(join(root, '.dlc'))).toBe(false)
  })

  it('an empty DLC_SMTP_URL is no server: the outbox only', async () => {
    vi.stubEnv('DLC_SMTP_URL', '')
    const { run } = await runWithoutBatch()
    const { summary } = await run()
    expect(summary.notifications).toHaveLength(1)
    expect(summary.notifications[0]).not.toHaveProperty('delivery')
  })
})
