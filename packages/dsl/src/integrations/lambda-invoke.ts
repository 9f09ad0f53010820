import { scope } from '../flow/scope.js'
import { resourceRef, type ResourceRef } from '../expr/resource-ref.js'
import { createIntegration, patternSuffix, type Integration } from './integration.js'

/** What `lambda:invoke` returns: the function's own result is in `Payload`. */
export interface LambdaInvokeResult<P> {
  readonly Payload: P
  readonly StatusCode: number
  readonly ExecutedVersion: string
  readonly FunctionError?: string
}

export interface LambdaInvokeOptions {
  /** `wait-for-task-token` pauses until something calls SendTaskSuccess with `$states.context.Task.Token`. */
  readonly pattern?: 'request-response' | 'wait-for-task-token'
  readonly invocationType?: 'RequestResponse' | 'Event' | 'DryRun'
  readonly qualifier?: string
}

/** A Lambda function by name (a `${...FunctionArn}` placeholder) or by its full ARN. */
export function lambdaFunction(nameOrArn: string): ResourceRef | string {
  return nameOrArn.startsWith('arn:') || nameOrArn.startsWith('${') ? nameOrArn : resourceRef('lambda:function', nameOrArn, 'arn')
}

/**
 * Invokes a Lambda function with the state input as its payload unless Arguments say otherwise.
 * @example f.task('Score', { resource: lambdaInvoke('score-order').returns<LambdaInvokeResult<{ score: number }>>() })
 */
export function lambdaInvoke<P = unknown>(fn: string | ResourceRef, options: LambdaInvokeOptions = {}): Integration<LambdaInvokeResult<P>> {
  const pattern = options.pattern ?? 'request-response'
  return createIntegration({
    name: 'lambda-invoke',
    service: 'lambda',
    action: 'invoke',
    pattern,
    resource: `arn:aws:states:::lambda:invoke${patternSuffix(pattern)}`,
    defaults: {
      FunctionName: typeof fn === 'string' ? lambdaFunction(fn) : fn,
      Payload: scope.input,
      ...(options.invocationType ? { InvocationType: options.invocationType } : {}),
      ...(options.qualifier ? { Qualifier: options.qualifier } : {}),
    },
  })
}
