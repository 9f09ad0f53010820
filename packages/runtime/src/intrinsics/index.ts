export { evaluateIntrinsic, type IntrinsicOptions, type IntrinsicScope } from './evaluate.js'
export { IntrinsicFailure, IntrinsicPathNotFound } from './failure.js'
