import { arnOf } from '../model.js'
import { text, type Grants } from './context.js'

/**
 * `glue:startJobRun.sync`: start the run, then Step Functions polls it and stops it if the
 * execution is stopped (Step Functions developer guide, "IAM policies for AWS Glue").
 */
export const grants: Grants = ({ target, logicalId }) => [
  {
    Effect: 'Allow',
    Action: ['glue:StartJobRun', 'glue:GetJobRun', 'glue:GetJobRuns', 'glue:BatchStopJobRun'],
    Resource: [arnOf.glueJob(logicalId(text(target, 'job')))],
  },
]
