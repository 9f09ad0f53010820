/** An action AWS accepts only with `Resource: "*"`, and why, with the AWS page that says so. */
export interface WildcardResourceAction {
  readonly action: string
  readonly reason: string
  readonly source: string
}

const LOG_DELIVERY = 'https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html'
const LOG_ACTIONS = 'https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazoncloudwatchlogs.html'
const XRAY = 'https://docs.aws.amazon.com/step-functions/latest/dg/xray-iam.html'

const logDelivery = (action: string): WildcardResourceAction => ({
  action,
  reason: 'Step Functions sets up log delivery to CloudWatch Logs with the role\'s permissions; log-delivery actions are permission-only and name no resource type, and Step Functions\' logging policy grants them on "*"',
  source: `${LOG_DELIVERY} (IAM policies for logging to CloudWatch Logs); ${LOG_ACTIONS}`,
})

const logGroupPolicy = (action: string): WildcardResourceAction => ({
  action,
  reason: 'Step Functions\' logging policy grants it on "*" to write the log group\'s resource policy for delivery.logs.amazonaws.com (CloudWatch Logs also documents arn:aws:logs:<region>:<account>:log-group:* as enough)',
  source: `${LOG_DELIVERY} (IAM policies for logging to CloudWatch Logs); https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-CWL.html`,
})

const xray = (action: string): WildcardResourceAction => ({
  action,
  reason: 'X-Ray tracing of the state machine: these actions support no resource-level permissions',
  source: `${XRAY}; https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsx-ray.html`,
})

/**
 * The only actions dlc lets a template grant on `Resource: "*"`: AWS defines no resource type
 * for them, so there is nothing narrower to name. Glue (jobs, crawlers, catalog) and Athena
 * (workgroups, data catalogs) actions all take ARNs, so none of theirs is here.
 *
 * @example WILDCARD_RESOURCE_ALLOW_LIST.some((entry) => entry.action === 'lakeformation:GetDataAccess') // true
 */
export const WILDCARD_RESOURCE_ALLOW_LIST: readonly WildcardResourceAction[] = [
  ...['logs:CreateLogDelivery', 'logs:GetLogDelivery', 'logs:UpdateLogDelivery', 'logs:DeleteLogDelivery', 'logs:ListLogDeliveries'].map(logDelivery),
  ...['logs:PutResourcePolicy', 'logs:DescribeResourcePolicies', 'logs:DescribeLogGroups'].map(logGroupPolicy),
  {
    action: 'lakeformation:GetDataAccess',
    reason: 'Lake Formation vends temporary credentials for registered S3 locations to Athena and Glue crawlers; the action has no resource type',
    source:
      'https://docs.aws.amazon.com/step-functions/latest/dg/athena-iam.html (StartQueryExecution policies); https://docs.aws.amazon.com/glue/latest/dg/error-crawler-config-lf.html',
  },
  ...['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets'].map(xray),
]

const ALLOWED = new Set(WILDCARD_RESOURCE_ALLOW_LIST.map((entry) => entry.action.toLowerCase()))

/** Whether an action may be granted on `"*"`; IAM action names are case-insensitive. */
export function mayUseWildcardResource(action: string): boolean {
  return ALLOWED.has(action.toLowerCase())
}
