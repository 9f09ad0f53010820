import type { ResourceRef } from '../expr/resource-ref.js'
import { createIntegration, type Integration } from './integration.js'

/**
 * Publishes a message to an SNS topic (e-mail subscribers get Subject and Message).
 * @example f.task('Notify', { resource: snsPublish(resourceRef('sns:topic', 'data-alerts', 'arn')), arguments: { Subject: 'Done', Message: 'Loaded' } })
 */
export function snsPublish(topic: ResourceRef): Integration<{ readonly MessageId: string }> {
  return createIntegration({
    name: 'sns-publish',
    service: 'sns',
    action: 'publish',
    resource: 'arn:aws:states:::sns:publish',
    defaults: { TopicArn: topic },
    target: { topic: topic.ref.id },
  })
}
