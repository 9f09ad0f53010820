import { jsonPointer, type Diagnostic } from '../../diagnostics.js'
import type { TemplateRule } from './rule.js'
import { isRecord, propertyPath, resourcesOf, variants } from './template.js'

const code = 'DLC_S3_PUBLIC_ACCESS'

/** S3 Block Public Access, all four settings: data-lake zones are never public. */
export const PUBLIC_ACCESS_FLAGS = ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'] as const

const FULL_BLOCK = `PublicAccessBlockConfiguration: { ${PUBLIC_ACCESS_FLAGS.map((flag) => `${flag}: true`).join(', ')} }`

/** Every bucket blocks public access with all four flags true; an account-level block may be lifted, the bucket's own travels with it. */
export const s3PublicAccess: TemplateRule = {
  code,
  check(template) {
    const out: Diagnostic[] = []
    for (const bucket of resourcesOf(template, 'AWS::S3::Bucket')) {
      const at = propertyPath(bucket, 'PublicAccessBlockConfiguration')
      const value = bucket.properties['PublicAccessBlockConfiguration']
      const found = variants(value, at)
      if (value === undefined || found.length === 0) {
        out.push({ severity: 'ERROR', code, message: `bucket ${bucket.id} has no PublicAccessBlockConfiguration`, location: jsonPointer(at), hint: `add ${FULL_BLOCK}` })
        continue
      }
      for (const configuration of found) {
        for (const flag of PUBLIC_ACCESS_FLAGS) {
          const setting = isRecord(configuration.value) ? configuration.value[flag] : undefined
          if (setting === true || setting === 'true') continue
          out.push({
            severity: 'ERROR',
            code,
            message: `bucket ${bucket.id} does not set ${flag} to true${setting === undefined ? '' : ` (it is ${JSON.stringify(setting)})`}`,
            location: jsonPointer([...configuration.path, flag]),
            hint: `set all four flags: ${FULL_BLOCK}`,
          })
        }
      }
    }
    return out
  },
}
