import { randomUUID } from 'node:crypto'
import { appendFileSync } from 'node:fs'
import { join } from 'node:path'
import { StatesError } from '../interpreter/index.js'
import type { LocalService } from './service.js'

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
}

/**
 * `sns:publish` without AWS: each message is appended to `.dlc/outbox/<topic>.jsonl` (one JSON
 * line, written in one append) and shown as progress; the result is Publish's `{ MessageId }`.
 * A topic the pipeline does not declare fails as SNS does (`SNS.NotFoundException`).
 */
export const snsPublish: LocalService = {
  name: 'sns:publish',
  resources: ['arn:aws:states:::sns:publish'],
  create: (env) => (input, call) => {
    const { TopicArn, Subject, Message, MessageAttributes } = (input ?? {}) as Record<string, unknown>
    if (typeof TopicArn !== 'string') throw new StatesError('SNS.InvalidParameterException', 'Publish needs a TopicArn')
    if (typeof Message !== 'string' || Message === '') throw new StatesError('SNS.InvalidParameterException', 'Invalid parameter: Empty message')
    if (typeof Subject === 'string' && Subject.length > 100) throw new StatesError('SNS.InvalidParameterException', 'Invalid parameter: Subject must be at most 100 characters')
    const topic = env.pipeline.topic(TopicArn)
    if (topic === undefined) throw new StatesError('SNS.NotFoundException', `Topic does not exist: ${TopicArn}`)
    const name = TopicArn.slice(TopicArn.lastIndexOf(':') + 1)
    const entry: OutboxMessage = {
      messageId: randomUUID(),
      topic: name,
      topicArn: TopicArn,
      ...(typeof Subject === 'string' ? { subject: Subject } : {}),
      message: Message,
      ...(MessageAttributes !== undefined ? { attributes: MessageAttributes as Record<string, unknown> } : {}),
      time: (call.context.State as { EnteredTime?: string } | undefined)?.EnteredTime ?? new Date().toISOString(),
      to: topic.emails,
    }
    appendFileSync(join(env.outboxDir, `${name}.jsonl`), `${JSON.stringify(entry)}\n`)
    env.progress({ service: 'sns', state: call.stateName, message: `e-mail to ${topic.emails.join(', ')}: ${entry.subject ?? entry.message.split('\n')[0] ?? ''}` })
    return { MessageId: entry.messageId }
  },
}
