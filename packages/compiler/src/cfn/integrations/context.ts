import type { JsonObject } from '@dlc/dsl'
import type { Statement } from '../model.js'

/** What an integration's IAM file gets: its Task's target, and the logical id behind each placeholder. */
export interface GrantContext {
  readonly target: JsonObject
  /** `SalesLakeBucketName` -> `SalesLakeBucket`; throws for a placeholder the template does not declare. */
  readonly logicalId: (placeholder: string) => string
}

/** The statements the state machine's role needs for one Task of the integration. */
export type Grants = (ctx: GrantContext) => readonly Statement[]

export function text(target: JsonObject, key: string): string {
  const value = target[key]
  if (typeof value !== 'string') throw new Error(`integration target has no "${key}"`)
  return value
}
