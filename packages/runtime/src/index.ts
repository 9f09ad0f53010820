export { evaluateIntrinsic, IntrinsicFailure, IntrinsicPathNotFound, type IntrinsicOptions, type IntrinsicScope } from './intrinsics/index.js'
export { evaluateJsonata, evaluateJsonataField, QueryEvaluationError, type JsonataBindings, type JsonataOptions } from './jsonata/index.js'
export {
  run,
  InvalidDefinitionError,
  StatesError,
  lambdaHandlers,
  RealClock,
  VirtualClock,
  type Clock,
  type Execution,
  type ExecutionStatus,
  type HistoryEvent,
  type LambdaFunction,
  type MockAnswer,
  type RunOptions,
  type TaskCall,
  type TaskHandler,
  type TaskMock,
} from './interpreter/index.js'
export {
  localPipeline,
  localServices,
  openEnvironment,
  LOCAL_TARGET,
  type CrawlTarget,
  type EnvironmentOptions,
  type LocalEnvironment,
  type LocalPipeline,
  type LocalService,
  type OutboxDelivery,
  type OutboxMessage,
  type ServiceProgress,
} from './services/index.js'
export { placeBatch, runPipeline, summarize, type CheckVerdict, type DatasetFigures, type PipelineRun, type PipelineRunOptions, type QueryPreview, type RunSummary, type StateTiming } from './local-run/index.js'
export { parseSmtpUrl, SmtpUrlError, SMTP_URL_FORMS, type SmtpSettings } from './smtp/index.js'
