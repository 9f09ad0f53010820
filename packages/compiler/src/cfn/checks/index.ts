import type { Diagnostic } from '../../diagnostics.js'
import { iamWildcardAction } from './iam-wildcard-action.js'
import { iamWildcardResource } from './iam-wildcard-resource.js'
import type { TemplateRule } from './rule.js'
import { s3Encryption } from './s3-encryption.js'
import { s3PublicAccess } from './s3-public-access.js'
import { s3TlsOnly } from './s3-tls-only.js'
import { sfnLogging } from './sfn-logging.js'
import { snsEncryption } from './sns-encryption.js'

/** dlc's security rules for CloudFormation templates, in the order their findings are reported. */
export const TEMPLATE_SECURITY_RULES: readonly TemplateRule[] = [
  iamWildcardAction,
  iamWildcardResource,
  s3Encryption,
  s3PublicAccess,
  s3TlsOnly,
  sfnLogging,
  snsEncryption,
]

/**
 * Checks a parsed CloudFormation template (intrinsics in their long form, `Fn::GetAtt` as a
 * list) against dlc's security rules: no wildcard IAM actions or resources beyond what AWS
 * requires, encrypted and private TLS-only buckets, logged state machines, encrypted topics.
 * Pure and never throws: a rule that fails reports DLC_INTERNAL_ERROR instead.
 *
 * @example checkTemplateSecurity(JSON.parse(templateText)).filter((d) => d.severity === 'ERROR')
 */
export function checkTemplateSecurity(template: unknown): Diagnostic[] {
  return TEMPLATE_SECURITY_RULES.flatMap((rule) => {
    try {
      return rule.check(template)
    } catch (error) {
      return [
        {
          severity: 'ERROR' as const,
          code: 'DLC_INTERNAL_ERROR',
          message: `dlc's ${rule.code} rule failed on this template: ${error instanceof Error ? error.message : String(error)}`,
          location: '/',
          hint: 'this is a bug in dlc: please report it with the template',
        },
      ]
    }
  })
}

export type { TemplateRule } from './rule.js'
export { WILDCARD_RESOURCE_ALLOW_LIST, type WildcardResourceAction } from './wildcard-resource-allow-list.js'
