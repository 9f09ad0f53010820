import { randomUUID } from 'node:crypto'
import { appendFileSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { StatesError } from '../interpreter/index.js'
import { composeMessage, sendMail, type SmtpSettings } from '../smtp/index.js'
import type { LocalEnvironment } from './environment.js'
import type { LocalService } from './service.js'

/**
 * What became of a message's e-mail when an SMTP server is configured. `pending` is written
 * before the attempt and replaced by its outcome, so a line still `pending` means the process
 * stopped while sending.
 */
export type OutboxDelivery =
  | { readonly smtp: string; readonly status: 'pending' }
  | {
      /** The server, `host:port` (never the credentials). */
      readonly smtp: string
      /** `sent`: the server took the message for every subscriber; `failed`: for some or none (see `accepted`). */
      readonly status: 'sent' | 'failed'
      /** The server's last reply (`250 OK: queued as ...`), or what went wrong (`RCPT TO:<a@b> refused: 550 ...`, `connect to host:25: connect ECONNREFUSED ...`). */
      readonly detail: string
      /** The subscribers the server took the message for. */
      readonly accepted: readonly string[]
    }

/** One message as the outbox keeps it: a line of `.dlc/outbox/<topic>.jsonl`. */
export interface OutboxMessage {
  readonly messageId: string
  readonly topic: string
  readonly topicArn: string
  readonly subject?: string
  readonly message: string
  readonly attributes?: Readonly<Record<string, unknown>>
  readonly time: string
  /** Who would get it: the topic's e-mail subscriptions. */
  readonly to: readonly string[]
  /** The e-mail's delivery, when an SMTP server is configured and the topic has subscribers. */
  readonly delivery?: OutboxDelivery
}

/** The subject SNS gives an e-mail whose Publish had none. */
const DEFAULT_SUBJECT = 'AWS Notification Message'

/**
 * `sns:publish` without AWS: each message is appended to `.dlc/outbox/<topic>.jsonl` (one JSON
 * line, written in one append) and shown as progress; the result is Publish's `{ MessageId }`.
 * A topic the pipeline does not declare fails as SNS does (`SNS.NotFoundException`).
 *
 * With an SMTP server (`env.smtp`), the message then goes as an e-mail to the topic's
 * subscribers. As on AWS, delivery is the subscription's business, not Publish's: a server that
 * is down or refuses an address is a warning and the entry's `delivery`, never a failed task.
 */
export const snsPublish: LocalService = {
  name: 'sns:publish',
  resources: ['arn:aws:states:::sns:publish'],
  create: (env) => async (input, call) => {
    const { TopicArn, Subject, Message, MessageAttributes } = (input ?? {}) as Record<string, unknown>
    if (typeof TopicArn !== 'string') throw new StatesError('SNS.InvalidParameterException', 'Publish needs a TopicArn')
    if (typeof Message !== 'string' || Message === '') throw new StatesError('SNS.InvalidParameterException', 'Invalid parameter: Empty message')
    if (typeof Subject === 'string' && Subject.length > 100) throw new StatesError('SNS.InvalidParameterException', 'Invalid parameter: Subject must be at most 100 characters')
    const topic = env.pipeline.topic(TopicArn)
    if (topic === undefined) throw new StatesError('SNS.NotFoundException', `Topic does not exist: ${TopicArn}`)
    const name = TopicArn.slice(TopicArn.lastIndexOf(':') + 1)
    const smtp = topic.emails.length > 0 ? env.smtp : undefined
    const entry: OutboxMessage = {
      messageId: randomUUID(),
      topic: name,
      topicArn: TopicArn,
      ...(typeof Subject === 'string' ? { subject: Subject } : {}),
      message: Message,
      ...(MessageAttributes !== undefined ? { attributes: MessageAttributes as Record<string, unknown> } : {}),
      time: (call.context.State as { EnteredTime?: string } | undefined)?.EnteredTime ?? new Date().toISOString(),
      to: topic.emails,
      ...(smtp === undefined ? {} : { delivery: { smtp: smtp.server, status: 'pending' } }),
    }
    const outbox = join(env.outboxDir, `${name}.jsonl`)
    appendFileSync(outbox, `${JSON.stringify(entry)}\n`)
    env.progress({ service: 'sns', state: call.stateName, message: `e-mail to ${topic.emails.join(', ')}: ${entry.subject ?? entry.message.split('\n')[0] ?? ''}` })
    if (smtp !== undefined) {
      const delivery = await deliver(smtp, entry)
      replaceLine(outbox, { ...entry, delivery })
      report(env, call.stateName, delivery)
    }
    return { MessageId: entry.messageId }
  },
}

/** Sends the message to the SMTP server; whatever happens becomes the delivery's outcome. */
async function deliver(smtp: SmtpSettings, entry: OutboxMessage): Promise<OutboxDelivery> {
  const message = composeMessage({ from: smtp.from, to: entry.to, subject: entry.subject ?? DEFAULT_SUBJECT, body: entry.message, date: new Date(entry.time), id: entry.messageId })
  try {
    const receipt = await sendMail(smtp, { from: smtp.from, to: entry.to, message })
    const refused = receipt.refused.map((refusal) => `RCPT TO:<${refusal.address}> refused: ${refusal.reply}`)
    const status = refused.length === 0 ? 'sent' : 'failed'
    return { smtp: smtp.server, status, detail: [...refused, ...(receipt.reply === undefined ? [] : [receipt.reply])].join('; '), accepted: receipt.accepted }
  } catch (error) {
    return { smtp: smtp.server, status: 'failed', detail: error instanceof Error ? error.message : String(error), accepted: [] }
  }
}

function report(env: LocalEnvironment, state: string, delivery: OutboxDelivery): void {
  if (delivery.status === 'sent') {
    env.progress({ service: 'sns', state, message: `e-mail sent via ${delivery.smtp} to ${delivery.accepted.join(', ')}: ${delivery.detail}` })
  } else if (delivery.status === 'failed') {
    env.progress({ service: 'sns', state, severity: 'warning', message: `warning: e-mail not delivered via ${delivery.smtp}: ${delivery.detail} (the message is in the outbox)` })
  }
}

/**
 * Puts the entry's final form where its line is, atomically (temp file, rename). The read and
 * write are synchronous, so a message published meanwhile in this process cannot slip between.
 */
function replaceLine(outbox: string, entry: OutboxMessage): void {
  const lines = readFileSync(outbox, 'utf8').split('\n')
  // JSON.stringify writes messageId first; matching the text leaves other lines unparsed, whatever they hold.
  const at = lines.findIndex((line) => line.startsWith(`{"messageId":${JSON.stringify(entry.messageId)},`))
  if (at === -1) lines.splice(lines.length - 1, 0, JSON.stringify(entry))
  else lines[at] = JSON.stringify(entry)
  const temp = `${outbox}.${randomUUID()}.tmp`
  writeFileSync(temp, lines.join('\n'))
  renameSync(temp, outbox)
}
