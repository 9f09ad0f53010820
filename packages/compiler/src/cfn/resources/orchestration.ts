import { pascalCase, type PipelineNode } from '@dlc/dsl'
import type { AslDefinition } from '../../asl/types.js'
import { logicalIdOf, getAtt, ref, staged, sub, type CfnResource, type CfnValue, type Statement } from '../model.js'
import { serviceRole } from '../iam.js'

export const STATE_MACHINE = 'StateMachine'
const LOG_GROUP = 'StateMachineLogGroup'

export function topicId(name: string): string {
  return `${pascalCase(name)}Topic`
}

/** The topic, encrypted with the AWS-managed SNS key, and one e-mail subscription per address. */
export function notifications(pipeline: PipelineNode): Record<string, CfnResource> {
  const topic = pipeline.topic
  if (topic === undefined) return {}
  const id = topicId(topic.name)
  const out: Record<string, CfnResource> = {
    [id]: { Type: 'AWS::SNS::Topic', Properties: { TopicName: staged(topic.name), DisplayName: pipeline.name, KmsMasterKeyId: 'alias/aws/sns' } },
  }
  // The first address is the AlertEmail parameter's default, so a deploy can redirect it.
  topic.emails.forEach((email, index) => {
    out[`${id}Email${index + 1}`] = {
      Type: 'AWS::SNS::Subscription',
      Properties: { TopicArn: ref(id), Protocol: 'email', Endpoint: index === 0 ? ref('AlertEmail') : email },
    }
  })
  return out
}

/**
 * Log delivery for Step Functions: CloudWatch Logs' delivery API has no resource-level
 * permissions, so AWS's documentation grants these on `*` (see docs/security.md).
 */
const LOG_DELIVERY: Statement = {
  Effect: 'Allow',
  Action: [
    'logs:CreateLogDelivery',
    'logs:DeleteLogDelivery',
    'logs:DescribeLogGroups',
    'logs:DescribeResourcePolicies',
    'logs:GetLogDelivery',
    'logs:ListLogDeliveries',
    'logs:PutResourcePolicy',
    'logs:UpdateLogDelivery',
  ],
  Resource: ['*'],
}

/** The state machine (STANDARD: `.sync` needs it), its role and its log group. */
export function stateMachine(pipeline: PipelineNode, definition: AslDefinition, statements: readonly Statement[]): Record<string, CfnResource> {
  const substitutions: Record<string, CfnValue> = {}
  for (const resource of pipeline.machine.resources) substitutions[resource.id] = ref(logicalIdOf(resource))
  return {
    [LOG_GROUP]: {
      Type: 'AWS::Logs::LogGroup',
      DeletionPolicy: 'Delete',
      UpdateReplacePolicy: 'Delete',
      Properties: { LogGroupName: sub(`/aws/vendedlogs/states/${pipeline.name}-\${Stage}`), RetentionInDays: 90 },
    },
    [`${STATE_MACHINE}Role`]: serviceRole('states.amazonaws.com', `Step Functions: only the calls ${pipeline.name} makes`, [...statements, LOG_DELIVERY]),
    [STATE_MACHINE]: {
      Type: 'AWS::StepFunctions::StateMachine',
      Properties: {
        StateMachineName: staged(pipeline.name),
        StateMachineType: 'STANDARD',
        RoleArn: getAtt(`${STATE_MACHINE}Role`, 'Arn'),
        Definition: definition as unknown as CfnValue,
        DefinitionSubstitutions: substitutions,
        LoggingConfiguration: { Level: 'ALL', IncludeExecutionData: false, Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: getAtt(LOG_GROUP, 'Arn') } }] },
      },
    },
  }
}

/** EventBridge Scheduler starts an execution with the fire time as input; its role may start only this machine. */
export function schedule(pipeline: PipelineNode): Record<string, CfnResource> {
  const node = pipeline.schedule
  if (node === undefined) return {}
  return {
    ScheduleRole: serviceRole('scheduler.amazonaws.com', `EventBridge Scheduler: starts ${pipeline.name}`, [
      { Effect: 'Allow', Action: ['states:StartExecution'], Resource: [ref(STATE_MACHINE)] },
    ]),
    Schedule: {
      Type: 'AWS::Scheduler::Schedule',
      Properties: {
        Name: staged(pipeline.name),
        Description: `Starts ${pipeline.name}`,
        ScheduleExpression: node.expression,
        ScheduleExpressionTimezone: node.timezone,
        FlexibleTimeWindow: node.flexibleWindowMinutes === undefined ? { Mode: 'OFF' } : { Mode: 'FLEXIBLE', MaximumWindowInMinutes: node.flexibleWindowMinutes },
        State: { 'Fn::If': ['ScheduleOn', 'ENABLED', 'DISABLED'] },
        Target: {
          Arn: ref(STATE_MACHINE),
          RoleArn: getAtt('ScheduleRole', 'Arn'),
          Input: JSON.stringify({ scheduledTime: '<aws.scheduler.scheduled-time>' }),
          RetryPolicy: { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 },
        },
      },
    },
  }
}
