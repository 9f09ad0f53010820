/** Where a resource lives; `partition` is already defaulted from the region. */
export interface ArnScope {
  readonly partition: string
  readonly region: string
  readonly account: string
}

type ArnFormat = (name: string, scope: ArnScope) => string

/**
 * The ARN of every resource type a definition may name, keyed by the `service:type` of
 * ResourceRefNode.type. Formats follow each service's "Resource types" table in the
 * AWS Service Authorization Reference.
 */
const ARN_FORMATS: Readonly<Record<string, ArnFormat>> = {
  'lambda:function': (name, s) => `arn:${s.partition}:lambda:${s.region}:${s.account}:function:${name}`,
  'sns:topic': (name, s) => `arn:${s.partition}:sns:${s.region}:${s.account}:${name}`,
  'sqs:queue': (name, s) => `arn:${s.partition}:sqs:${s.region}:${s.account}:${name}`,
  'states:stateMachine': (name, s) => `arn:${s.partition}:states:${s.region}:${s.account}:stateMachine:${name}`,
  'states:activity': (name, s) => `arn:${s.partition}:states:${s.region}:${s.account}:activity:${name}`,
  'glue:job': (name, s) => `arn:${s.partition}:glue:${s.region}:${s.account}:job/${name}`,
  'glue:crawler': (name, s) => `arn:${s.partition}:glue:${s.region}:${s.account}:crawler/${name}`,
  'glue:database': (name, s) => `arn:${s.partition}:glue:${s.region}:${s.account}:database/${name}`,
  'athena:workgroup': (name, s) => `arn:${s.partition}:athena:${s.region}:${s.account}:workgroup/${name}`,
  's3:bucket': (name, s) => `arn:${s.partition}:s3:::${name}`,
  'dynamodb:table': (name, s) => `arn:${s.partition}:dynamodb:${s.region}:${s.account}:table/${name}`,
  'events:eventBus': (name, s) => `arn:${s.partition}:events:${s.region}:${s.account}:event-bus/${name}`,
  'iam:role': (name, s) => `arn:${s.partition}:iam::${s.account}:role/${name}`,
}

/** The resource types `resourceArn` knows, for messages that list them. */
export const KNOWN_RESOURCE_TYPES: readonly string[] = Object.keys(ARN_FORMATS)

/**
 * The ARN of a resource, or `undefined` for a type not in the table.
 *
 * @example resourceArn('glue:job', 'clean-sales', { partition: 'aws', region: 'eu-west-1', account: '123456789012' })
 * // 'arn:aws:glue:eu-west-1:123456789012:job/clean-sales'
 */
export function resourceArn(type: string, name: string, scope: ArnScope): string | undefined {
  return Object.hasOwn(ARN_FORMATS, type) ? ARN_FORMATS[type]?.(name, scope) : undefined
}

/**
 * The partition a region belongs to: China and GovCloud regions have their own.
 *
 * @example partitionOf('cn-north-1') // 'aws-cn'
 */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn'
  if (region.startsWith('us-gov-')) return 'aws-us-gov'
  return 'aws'
}
