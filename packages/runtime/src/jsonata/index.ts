export { evaluateJsonata, evaluateJsonataField, type JsonataBindings, type JsonataOptions } from './evaluate.js'
export { QueryEvaluationError } from './failure.js'
