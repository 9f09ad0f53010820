import { ref } from '../model.js'
import { text, type Grants } from './context.js'

/**
 * Publish to the one topic. The topic is encrypted with the AWS-managed key `alias/aws/sns`,
 * whose key policy already lets SNS use it for callers in the account: no KMS grant here.
 */
export const grants: Grants = ({ target, logicalId }) => [{ Effect: 'Allow', Action: ['sns:Publish'], Resource: [ref(logicalId(text(target, 'topic')))] }]
