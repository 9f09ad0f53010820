import { jsonPointer, type Diagnostic } from '../../diagnostics.js'
import type { TemplateRule } from './rule.js'
import { isRecord, itemsOf, propertyPath, resourcesOf, staticString, statementsOf, type Json, type StatementAt, type TemplateResource } from './template.js'

const code = 'DLC_S3_TLS_ONLY'

const DENY_PLAIN_HTTP =
  "add an AWS::S3::BucketPolicy with Bucket: !Ref <bucket> and the statement { Effect: Deny, Principal: '*', Action: 's3:*', Resource: [<bucket ARN>, '<bucket ARN>/*'], Condition: { Bool: { 'aws:SecureTransport': 'false' } } }"

/**
 * Every bucket has a bucket policy that denies any request made without TLS
 * (`aws:SecureTransport` false), on the bucket and on its objects.
 */
export const s3TlsOnly: TemplateRule = {
  code,
  check(template) {
    const policies = resourcesOf(template, 'AWS::S3::BucketPolicy')
    const out: Diagnostic[] = []
    for (const bucket of resourcesOf(template, 'AWS::S3::Bucket')) {
      const own = policies.filter((policy) => namesBucket(policy.properties['Bucket'], bucket))
      if (own.length === 0) {
        out.push({ severity: 'ERROR', code, message: `bucket ${bucket.id} has no bucket policy that denies requests without TLS`, location: jsonPointer(bucket.path), hint: DENY_PLAIN_HTTP })
        continue
      }
      const statements = own.flatMap((policy) => statementsOf(policy, { value: policy.properties['PolicyDocument'], path: propertyPath(policy, 'PolicyDocument') }))
      const denials = statements.filter(({ statement }) => deniesPlainHttp(statement))
      const [policy] = own
      if (denials.length === 0 && policy !== undefined) {
        out.push({
          severity: 'ERROR',
          code,
          message: `${policy.id}, the policy of bucket ${bucket.id}, does not deny requests without TLS (aws:SecureTransport false)`,
          location: jsonPointer(propertyPath(policy, 'PolicyDocument', 'Statement')),
          hint: DENY_PLAIN_HTTP,
        })
        continue
      }
      if (denials.some(coversBucketAndObjects)) continue
      const [denial] = denials
      if (denial === undefined) continue
      out.push({
        severity: 'ERROR',
        code,
        message: `the TLS-only statement for bucket ${bucket.id} must name both the bucket ARN and its objects (<bucket ARN>/*)`,
        location: jsonPointer([...denial.path, 'Resource']),
        hint: "Resource: [!GetAtt <bucket>.Arn, !Sub '${<bucket>.Arn}/*']",
      })
    }
    return out
  },
}

/** `Bucket: !Ref Raw`, `!Sub ${Raw}`, or the bucket's literal BucketName. */
function namesBucket(value: unknown, bucket: TemplateResource): boolean {
  if (isRecord(value) && value['Ref'] === bucket.id) return true
  const text = staticString(value)
  if (text === undefined) return false
  if (isRecord(value) && text === `\${${bucket.id}}`) return true
  return typeof value === 'string' && value === bucket.properties['BucketName']
}

function deniesPlainHttp(statement: Json): boolean {
  if (statement['Effect'] !== 'Deny' || !everyone(statement['Principal'])) return false
  const actions = itemsOf(statement['Action'], []).map((action) => staticString(action.value)?.toLowerCase())
  if (!actions.some((action) => action === 's3:*' || action === '*')) return false
  const condition = statement['Condition']
  const bool = isRecord(condition) ? condition['Bool'] : undefined
  const secure = isRecord(bool) ? bool['aws:SecureTransport'] : undefined
  return itemsOf(secure, []).some(({ value }) => value === false || value === 'false')
}

function everyone(principal: unknown): boolean {
  if (principal === '*') return true
  const aws = isRecord(principal) ? principal['AWS'] : undefined
  return itemsOf(aws, []).some(({ value }) => value === '*')
}

/** Whether the statement names the bucket itself and its objects (an ARN ending in `/*`). */
function coversBucketAndObjects({ statement }: StatementAt): boolean {
  const resources = itemsOf(statement['Resource'], []).map(({ value }) => arnText(value))
  return resources.some((arn) => arn.endsWith('/*')) && resources.some((arn) => arn !== '' && !arn.endsWith('/*'))
}

/** An ARN as far as it can be read: strings, Fn::Sub, Fn::GetAtt and Fn::Join of them. */
function arnText(value: unknown): string {
  const text = staticString(value)
  if (text !== undefined) return text
  if (!isRecord(value)) return ''
  const attribute = value['Fn::GetAtt']
  if (Array.isArray(attribute) || typeof attribute === 'string') return `\${${[attribute].flat().join('.')}}`
  const join = value['Fn::Join']
  if (Array.isArray(join) && typeof join[0] === 'string' && Array.isArray(join[1])) return join[1].map(arnText).join(join[0])
  return ''
}
