import { resourceRef, type ResourceRef } from '../expr/resource-ref.js'
import type { TopicNode } from './ir.js'
import { checkName } from './names.js'

export interface Topic {
  readonly node: TopicNode
  readonly arn: ResourceRef
}

/**
 * The SNS topic the pipeline reports to, with its e-mail subscriptions (each address must
 * confirm the subscription AWS sends before it gets messages).
 * @example topic('data-alerts', { email: ['data-team@example.com'] })
 */
export function topic(name: string, options: { readonly email?: readonly string[] } = {}): Topic {
  checkName('topic', name, '/topic/name')
  const emails = (options.email ?? []).map((address, index) => checkName('email', address, `/topic/email/${index}`))
  return Object.freeze({ node: Object.freeze({ kind: 'Topic', name, emails: Object.freeze(emails) }), arn: resourceRef('sns:topic', name, 'arn') })
}
