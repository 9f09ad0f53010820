import { StatesError } from './errors.js'
import type { TaskHandler } from './tasks.js'

/** A local stand-in for a Lambda function: takes the event, returns the result (or throws). */
export type LambdaFunction = (event: unknown) => unknown

/** The function name in a name, a full or partial ARN, with or without a version or alias. */
function functionName(reference: string): string {
  const match = /(?:^|:function:)([A-Za-z0-9_-]+)(?::[^:]+)?$/.exec(reference)
  return match?.[1] ?? reference
}

/**
 * Task handlers for local Lambda functions, in both ways a state machine calls Lambda: a function
 * ARN as Resource (the result is the function's return value) and `arn:aws:states:::lambda:invoke`
 * (the result is Lambda's Invoke response, with the return value as Payload). A function that
 * throws fails the Task with its error's name and Lambda's JSON cause, as AWS reports it.
 *
 * @example run(definition, input, { handlers: lambdaHandlers({ 'arn:aws:lambda:us-east-1:123456789012:function:score': (event) => ({ score: 1 }) }) })
 */
export function lambdaHandlers(functions: Readonly<Record<string, LambdaFunction>>): Record<string, TaskHandler> {
  const byName = new Map(Object.entries(functions).map(([reference, fn]) => [functionName(reference), fn]))
  const call = async (reference: string, event: unknown): Promise<unknown> => {
    const fn = byName.get(functionName(reference))
    if (fn === undefined) throw new StatesError('Lambda.ResourceNotFoundException', `Function not found: ${reference}`)
    try {
      return await fn(event)
    } catch (error) {
      const type = error instanceof Error ? error.name : 'Error'
      const message = error instanceof Error ? error.message : String(error)
      throw new StatesError(type, JSON.stringify({ errorMessage: message, errorType: type, stackTrace: [] }))
    }
  }
  const handlers: Record<string, TaskHandler> = {}
  for (const reference of Object.keys(functions)) handlers[reference] = (event) => call(reference, event)
  handlers['arn:aws:states:::lambda:invoke'] = async (parameters) => {
    const { FunctionName, Payload } = (parameters ?? {}) as { FunctionName?: unknown; Payload?: unknown }
    if (typeof FunctionName !== 'string') throw new StatesError('States.Runtime', 'lambda:invoke needs a FunctionName')
    const result = await call(FunctionName, Payload === undefined ? {} : Payload)
    return { ExecutedVersion: '$LATEST', Payload: result ?? null, SdkHttpMetadata: { HttpStatusCode: 200 }, SdkResponseMetadata: {}, StatusCode: 200 }
  }
  return handlers
}
