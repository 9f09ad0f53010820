export * from './ir/index.js'
export { workflow, type, type Workflow, type WorkflowBuilder, type WorkflowOptions } from './workflow.js'
export { Flow, Ended } from './flow/flow.js'
export type * from './flow/specs.js'
export type { ContextObject, ErrorOutput, Scope, ResultScope, ErrorScope, ItemScope, Field } from './flow/scope.js'
export { DslError, isExpr, type Expr } from './expr/expr.js'
export { accessor, rawPath, type Accessor, type PathRoot } from './expr/path.js'
export { jsonata } from './expr/jsonata.js'
export { States, type IntrinsicName } from './expr/intrinsics.js'
export {
  and,
  condition,
  eq,
  ge,
  gt,
  isBoolean,
  isNull,
  isNumeric,
  isPresent,
  isString,
  isTimestamp,
  le,
  lt,
  matches,
  not,
  or,
  timestamp,
  type ComparisonType,
  type Condition,
} from './expr/conditions.js'
export { renderPayload, type Payload, type Resolve } from './expr/payload.js'
export { isResourceRef, pascalCase, resourceRef, type ResourceRef } from './expr/resource-ref.js'
export { createIntegration, isIntegration, type Integration } from './integrations/integration.js'
export { lambdaFunction, lambdaInvoke, type LambdaInvokeOptions, type LambdaInvokeResult } from './integrations/lambda-invoke.js'
export { awsSdk } from './integrations/aws-sdk.js'
export { col, Column, StringColumn, NumberColumn, TemporalColumn, type InferRow, type NonNull, type TemporalOptions } from './lake/columns.js'
export { csv, type CsvOptions } from './lake/csv.js'
export { dataset, isDataset, type ColumnName, type Dataset, type DatasetSpec, type PartitionSpec, type RowOf, type RowValues } from './lake/dataset.js'
export { Value, NumberValue, StringValue, DateValue } from './lake/values.js'
export type * from './lake/ir.js'
export { schedule, type ScheduleOptions } from './schedule/schedule.js'
export { parseScheduleExpression } from './schedule/expression.js'
export { nextFireTimes } from './schedule/next.js'
export { toZonedIso } from './schedule/zone.js'
export { SCHEDULE_CODES, type ScheduleErrorCode } from './schedule/errors.js'
export { isScheduleNode, type ScheduleNode, type ScheduleExpressionNode, type CronExpressionNode, type RateExpressionNode, type AtExpressionNode, type DayOfMonthRule, type DayOfWeekRule, type RateUnit } from './schedule/ir.js'
export { zones, datasetFolders, type DatasetFolders, type Zone, type Zones } from './lake/zones.js'
export { topic, type Topic } from './lake/topic.js'
export { sql, sqlFile, batchDate, type Sql, type Expectation } from './lake/sql.js'
export { text } from './lake/message.js'
export { queryStateNames, PIPELINE_FAILED, type QueryStateNames } from './lake/steps.js'
export { pipeline, isPipeline, Pipeline, type BatchFigures, type BuildOptions, type CrawlOptions, type EtlFigures, type EtlOptions, type NotifyOptions, type PipelineInput, type PipelineVars } from './lake/pipeline.js'
export { NAME_RULES, checkName } from './lake/names.js'
export { s3ListObjectsV2, type ListObjectsV2Result } from './integrations/s3-list-objects-v2.js'
export { s3GetObject, type GetObjectResult } from './integrations/s3-get-object.js'
export { glueStartJobRun, type GlueJobRun } from './integrations/glue-start-job-run.js'
export { glueStartCrawler, glueGetCrawler, type GlueCrawler } from './integrations/glue-crawler.js'
export { athenaStartQueryExecution, type AthenaQueryExecution, type AthenaQueryTarget } from './integrations/athena-start-query-execution.js'
export { athenaGetQueryResults, type AthenaQueryResults } from './integrations/athena-get-query-results.js'
export { snsPublish } from './integrations/sns-publish.js'
export { didYouMean } from './did-you-mean.js'
