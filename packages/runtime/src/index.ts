export { evaluateIntrinsic, IntrinsicFailure, IntrinsicPathNotFound, type IntrinsicOptions, type IntrinsicScope } from './intrinsics/index.js'
export { evaluateJsonata, evaluateJsonataField, QueryEvaluationError, type JsonataBindings, type JsonataOptions } from './jsonata/index.js'
