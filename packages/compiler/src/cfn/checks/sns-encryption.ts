import { jsonPointer, type Diagnostic } from '../../diagnostics.js'
import type { TemplateRule } from './rule.js'
import { propertyPath, resourcesOf } from './template.js'

const code = 'DLC_SNS_ENCRYPTION'

/** Every SNS topic is encrypted at rest with a KMS key: alert messages carry table names, counts and errors. */
export const snsEncryption: TemplateRule = {
  code,
  check(template) {
    return resourcesOf(template, 'AWS::SNS::Topic').flatMap((topic): Diagnostic[] => {
      const key = topic.properties['KmsMasterKeyId']
      if (key !== undefined && key !== '') return []
      return [
        {
          severity: 'ERROR',
          code,
          message: `topic ${topic.id} has no KmsMasterKeyId: its messages are not encrypted at rest`,
          location: jsonPointer(propertyPath(topic, 'KmsMasterKeyId')),
          hint: 'set KmsMasterKeyId: alias/aws/sns (the AWS managed key), or a customer managed key when EventBridge or CloudWatch alarms publish to the topic; publishers need kms:GenerateDataKey* and kms:Decrypt on it',
        },
      ]
    })
  },
}
