import { arnOf } from '../model.js'
import { text, type Grants } from './context.js'

/** GetObject on the keys under the prefix, nothing else in the bucket. */
export const grants: Grants = ({ target, logicalId }) => [
  { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [arnOf.bucket(logicalId(text(target, 'bucket')), `${text(target, 'prefix')}*`)] },
]
