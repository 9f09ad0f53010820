/** Error names Step Functions defines itself; `States.ALL` matches any of them and any service error. */
export const STATES_ERRORS = [
  'States.ALL',
  'States.DataLimitExceeded',
  'States.ExceedToleratedFailureThreshold',
  'States.HeartbeatTimeout',
  'States.Http.Socket',
  'States.IntrinsicFailure',
  'States.ItemReaderFailed',
  'States.NoChoiceMatched',
  'States.ParameterPathFailure',
  'States.Permissions',
  'States.QueryEvaluationError',
  'States.ResultPathMatchFailure',
  'States.ResultWriterFailed',
  'States.Runtime',
  'States.TaskFailed',
  'States.Timeout',
  'States.BranchFailed',
] as const

export type StatesErrorName = (typeof STATES_ERRORS)[number]

/**
 * An error name a Retry or Catch can match: a Step Functions error, a service error
 * (`Glue.ConcurrentRunsExceededException`, `Lambda.ServiceException`, ...) or a custom one.
 * The `string & {}` keeps editor completion for the known names while allowing any other.
 */
export type ErrorName = StatesErrorName | ServiceErrorName | (string & {})

export type ServiceErrorName =
  | 'Lambda.ServiceException'
  | 'Lambda.AWSLambdaException'
  | 'Lambda.SdkClientException'
  | 'Lambda.TooManyRequestsException'
  | 'Lambda.ClientExecutionTimeoutException'
  | 'Lambda.Unknown'
  | 'Glue.ConcurrentRunsExceededException'
  | 'Glue.CrawlerRunningException'
  | 'Glue.EntityNotFoundException'
  | 'Glue.OperationTimeoutException'
  | 'Glue.ThrottlingException'
  | 'Glue.AWSGlueException'
  | 'Athena.TooManyRequestsException'
  | 'Athena.InvalidRequestException'
  | 'Athena.AmazonAthenaException'
  | 'Sns.SnsException'
  | 'S3.NoSuchKeyException'
  | 'S3.NoSuchBucketException'
  | 'S3.S3Exception'
