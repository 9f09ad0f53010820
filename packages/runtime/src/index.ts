export { evaluateIntrinsic, IntrinsicFailure, IntrinsicPathNotFound, type IntrinsicOptions, type IntrinsicScope } from './intrinsics/index.js'
