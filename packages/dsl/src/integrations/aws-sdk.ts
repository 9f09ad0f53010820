import { DslError } from '../expr/expr.js'
import { createIntegration, patternSuffix, type Integration } from './integration.js'

const SERVICE = /^[a-z0-9-]+$/
const ACTION = /^[a-z][A-Za-z0-9]*$/

/**
 * Any AWS SDK call Step Functions supports: `arn:aws:states:::aws-sdk:<service>:<action>`.
 * The result type is yours to declare with `.returns<T>()`.
 * @example f.task('List', { resource: awsSdk('s3', 'listObjectsV2').returns<{ KeyCount: number }>(), arguments: { Bucket: 'raw' } })
 */
export function awsSdk<R = unknown>(
  service: string,
  action: string,
  options: { readonly pattern?: 'request-response' | 'wait-for-task-token' } = {},
): Integration<R> {
  if (!SERVICE.test(service)) {
    throw new DslError(`"${service}" is not an SDK service name`, '/Resource', 'use the lowercase service id, e.g. s3, dynamodb, glue')
  }
  if (!ACTION.test(action)) {
    throw new DslError(`"${action}" is not an SDK action name`, '/Resource', 'use the action in camelCase, e.g. listObjectsV2, getItem')
  }
  const pattern = options.pattern ?? 'request-response'
  return createIntegration<R>({
    name: 'aws-sdk',
    service,
    action,
    pattern,
    resource: `arn:aws:states:::aws-sdk:${service}:${action}${patternSuffix(pattern)}`,
  })
}
