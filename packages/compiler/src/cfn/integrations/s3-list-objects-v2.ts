import { arnOf } from '../model.js'
import { text, type Grants } from './context.js'

/** ListObjectsV2 is `s3:ListBucket` on the bucket, limited to the prefix by a condition. */
export const grants: Grants = ({ target, logicalId }) => [
  {
    Effect: 'Allow',
    Action: ['s3:ListBucket'],
    Resource: [arnOf.bucket(logicalId(text(target, 'bucket')))],
    Condition: { StringLike: { 's3:prefix': [`${text(target, 'prefix')}*`] } },
  },
]
