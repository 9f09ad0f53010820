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
