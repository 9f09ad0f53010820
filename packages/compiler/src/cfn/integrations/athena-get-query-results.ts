import { arnOf } from '../model.js'
import { text, type Grants } from './context.js'

/** GetQueryResults reads the result file Athena wrote to the workgroup's location. */
export const grants: Grants = ({ target, logicalId }) => {
  const results = target['results'] as { readonly bucket: string; readonly prefix: string } | undefined
  if (results === undefined) throw new Error('athena target has no results location')
  return [
    { Effect: 'Allow', Action: ['athena:GetQueryResults', 'athena:GetQueryExecution'], Resource: [arnOf.workgroup(logicalId(text(target, 'workgroup')))] },
    { Effect: 'Allow', Action: ['s3:GetObject'], Resource: [arnOf.bucket(logicalId(results.bucket), `${results.prefix}*`)] },
  ]
}
