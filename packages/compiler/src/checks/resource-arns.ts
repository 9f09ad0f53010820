import { jsonPointer, type Diagnostic } from '../diagnostics.js'
import { isRecord, type Path } from './context.js'
import type { CheckRule } from './rule.js'
import { memoByText } from './syntax/memo.js'
import { hasPlaceholder } from './values.js'

const code = 'SCHEMA_VALIDATION_FAILED'

const PARTITION = 'aws(?:-[a-z]+)*'
const REGION = '[a-z]{2}(?:-[a-z]+)+-\\d+'
const ACCOUNT = '\\d{12}'

/** `arn:aws:states:::sns:publish`, `...:aws-sdk:s3:getObject`, with `.sync`, `.sync:2` or `.waitForTaskToken`. */
export const INTEGRATION = new RegExp(
  `^arn:${PARTITION}:states:(?:${REGION})?:(?:${ACCOUNT})?:(?:aws-sdk:)?[a-z0-9-]+:[A-Za-z0-9]+(?<pattern>\\.sync(?::2)?|\\.waitForTaskToken)?$`,
)
/** `arn:aws:states:us-east-1:123456789012:activity:name` */
export const ACTIVITY = new RegExp(`^arn:${PARTITION}:states:${REGION}:${ACCOUNT}:activity:[^\\s:]+$`)
/** `arn:aws:lambda:us-east-1:123456789012:function:name[:qualifier]` */
const LAMBDA = new RegExp(`^arn:${PARTITION}:lambda:${REGION}:${ACCOUNT}:function:[A-Za-z0-9_-]{1,64}(?::(?:\\$LATEST|[A-Za-z0-9_-]+))?$`)

/** What each Distributed Map object may call (developer guide, "ItemReader" and "ResultWriter"). */
const ITEM_RESOURCES: Readonly<Record<string, readonly string[]>> = {
  ItemReader: ['s3:getObject', 's3:listObjectsV2'],
  ResultWriter: ['s3:putObject'],
}

/**
 * A Task's Resource is a Step Functions integration ARN, a Lambda function ARN or an activity ARN
 * (developer guide, "Task workflow state" and "Integrating services"); AWS rejects anything else
 * with "Value is not a valid resource ARN". A value containing a `${Name}` placeholder is a
 * deploy-time value and is not judged. ItemReader and ResultWriter call S3 only.
 */
export const resourceArns: CheckRule = {
  code,
  check(_definition, context) {
    const out: Diagnostic[] = []
    const report = (at: Path, message: string, hint: string): void => {
      out.push({ severity: 'ERROR', code, message, location: jsonPointer(at), hint })
    }
    for (const state of context.states) {
      const resource = state.value['Resource']
      if (state.type === 'Task' && 'Resource' in state.value && !isTaskResource(resource)) {
        report(
          [...state.path, 'Resource'],
          'Value is not a valid resource ARN',
          'Use an integration such as "arn:aws:states:::lambda:invoke", a Lambda function ARN or an activity ARN',
        )
      }
      if (state.type !== 'Map') continue
      for (const [key, actions] of Object.entries(ITEM_RESOURCES)) {
        const holder = state.value[key]
        if (!isRecord(holder) || !('Resource' in holder)) continue
        const value = holder['Resource']
        if (hasPlaceholder(value)) continue
        const match = typeof value === 'string' ? /^arn:aws(?:-[a-z]+)*:states:::(.+)$/.exec(value) : null
        if (match?.[1] !== undefined && actions.includes(match[1])) continue
        report(
          [...state.path, key, 'Resource'],
          `${key} Resource must be one of [${actions.map((action) => `arn:aws:states:::${action}`).join(', ')}]`,
          `${key} reads or writes Amazon S3 only`,
        )
      }
    }
    return out
  },
}

function isTaskResource(value: unknown): boolean {
  return typeof value === 'string' && isTaskArn(value)
}

/** The same few ARNs recur across states and machines; each is matched against the patterns once. */
const isTaskArn = memoByText((text: string): boolean => hasPlaceholder(text) || INTEGRATION.test(text) || ACTIVITY.test(text) || LAMBDA.test(text))
