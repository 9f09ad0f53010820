import { jsonPointer, type Diagnostic } from '../../diagnostics.js'
import type { TemplateRule } from './rule.js'
import { isRecord, propertyPath, resourcesOf, variants } from './template.js'

const code = 'DLC_S3_ENCRYPTION'

/**
 * Every bucket states its default encryption. S3 has encrypted new objects with SSE-S3 since
 * January 2023 anyway; saying so in the template keeps the choice (SSE-S3 or a KMS key) reviewed
 * and visible to scanners that read templates, not buckets.
 */
export const s3Encryption: TemplateRule = {
  code,
  check(template) {
    const out: Diagnostic[] = []
    for (const bucket of resourcesOf(template, 'AWS::S3::Bucket')) {
      const at = propertyPath(bucket, 'BucketEncryption')
      const found = variants(bucket.properties['BucketEncryption'], at)
      if (bucket.properties['BucketEncryption'] === undefined || found.length === 0) {
        out.push({
          severity: 'ERROR',
          code,
          message: `bucket ${bucket.id} has no BucketEncryption`,
          location: jsonPointer(at),
          hint: 'add BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: AES256 } }] } (or aws:kms with KMSMasterKeyID)',
        })
        continue
      }
      for (const encryption of found) {
        const rules = isRecord(encryption.value) ? encryption.value['ServerSideEncryptionConfiguration'] : undefined
        if (Array.isArray(rules) && rules.length > 0 && rules.every(hasAlgorithm)) continue
        out.push({
          severity: 'ERROR',
          code,
          message: `bucket ${bucket.id} has BucketEncryption without a default algorithm in every ServerSideEncryptionConfiguration rule`,
          location: jsonPointer([...encryption.path, 'ServerSideEncryptionConfiguration']),
          hint: 'give each rule ServerSideEncryptionByDefault with SSEAlgorithm AES256, aws:kms or aws:kms:dsse',
        })
      }
    }
    return out
  },
}

function hasAlgorithm(rule: unknown): boolean {
  const byDefault = isRecord(rule) ? rule['ServerSideEncryptionByDefault'] : undefined
  return isRecord(byDefault) && byDefault['SSEAlgorithm'] !== undefined && byDefault['SSEAlgorithm'] !== ''
}
