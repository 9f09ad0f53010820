import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkTemplateSecurity, jsonPointer, TEMPLATE_SECURITY_RULES, WILDCARD_RESOURCE_ALLOW_LIST, type Diagnostic } from '../../src/index.js'

/**
 * One folder per rule under fixtures/: `valid-*.json` templates that pass every security rule,
 * `invalid-*.json` ones whose findings from that rule `expected.json` lists exactly.
 */
const root = new URL('./fixtures/', import.meta.url)

interface Expected {
  readonly code: string
  readonly invalid: Record<string, Pick<Diagnostic, 'code' | 'location' | 'severity'>[]>
}

const read = (folder: string, file: string): unknown => JSON.parse(readFileSync(new URL(`${folder}/${file}`, root), 'utf8'))
const shape = ({ severity, code, location }: Diagnostic) => ({ severity, code, location })
const folders = readdirSync(root)

describe.each(folders)('%s', (folder) => {
  const files = readdirSync(new URL(`${folder}/`, root))
  const expected = read(folder, 'expected.json') as Expected
  const rule = TEMPLATE_SECURITY_RULES.find((candidate) => candidate.code === expected.code)
  const valid = files.filter((file) => file.startsWith('valid-'))
  const invalid = files.filter((file) => file.startsWith('invalid-'))

  it('is a rule, with a passing and a failing fixture and expectations for exactly the failing ones', () => {
    expect(rule).toBeDefined()
    expect(valid.length).toBeGreaterThan(0)
    expect(invalid.length).toBeGreaterThan(0)
    expect(Object.keys(expected.invalid).sort()).toEqual([...invalid].sort())
  })

  it.each(valid)('%s passes every security rule', (file) => {
    expect(checkTemplateSecurity(read(folder, file))).toEqual([])
  })

  it.each(invalid)('%s is reported where it is wrong', (file) => {
    const template = read(folder, file)
    const findings = rule?.check(template) ?? []
    expect(findings.map(shape)).toEqual(expected.invalid[file])
    for (const finding of findings) {
      expect(finding.message.length).toBeGreaterThan(0)
      expect(finding.hint?.length).toBeGreaterThan(0)
      expect(checkTemplateSecurity(template)).toContainEqual(finding)
    }
  })
})

describe('checkTemplateSecurity', () => {
  it('has a fixture folder for every rule', () => {
    const codes = folders.map((folder) => (read(folder, 'expected.json') as Expected).code)
    expect([...codes].sort()).toEqual(TEMPLATE_SECURITY_RULES.map((rule) => rule.code).sort())
  })

  it('never throws, whatever it is given', () => {
    const odd: unknown[] = [undefined, null, 42, 'Resources', [], {}, { Resources: [] }, { Resources: { A: null, B: { Type: 7 } } }]
    const shapes = ['AWS::IAM::Role', 'AWS::IAM::Policy', 'AWS::S3::Bucket', 'AWS::S3::BucketPolicy', 'AWS::StepFunctions::StateMachine', 'AWS::SNS::Topic']
    const junk: unknown[] = [null, 1, 'x', [], {}, [null], { Statement: 'x' }, { Statement: [{ Effect: 'Allow', Action: [null, 3, {}], Resource: [{ 'Fn::If': 'x' }] }] }]
    for (const type of shapes) {
      for (const value of junk) {
        odd.push({ Resources: { X: { Type: type, Properties: value } } })
        odd.push({ Resources: { X: { Type: type, Properties: { Policies: [value, { PolicyDocument: value }], PolicyDocument: value, Bucket: { Ref: 'B' }, BucketEncryption: value, PublicAccessBlockConfiguration: value, LoggingConfiguration: value } }, B: { Type: 'AWS::S3::Bucket' } } })
      }
    }
    for (const template of odd) expect(() => checkTemplateSecurity(template)).not.toThrow()
  })

  it('reads both branches of Fn::If and skips AWS::NoValue', () => {
    const template = {
      Resources: {
        Alerts: { Type: 'AWS::SNS::Topic', Properties: { KmsMasterKeyId: 'alias/aws/sns' } },
        Raw: {
          Type: 'AWS::S3::Bucket',
          Properties: {
            BucketEncryption: { 'Fn::If': ['Prod', { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] }, { Ref: 'AWS::NoValue' }] },
            PublicAccessBlockConfiguration: { BlockPublicAcls: 'true', BlockPublicPolicy: 'true', IgnorePublicAcls: 'true', RestrictPublicBuckets: 'true' },
          },
        },
      },
    }
    expect(checkTemplateSecurity(template).map((d) => d.code)).toEqual(['DLC_S3_TLS_ONLY'])
  })

  it('escapes logical ids and keys in its pointers', () => {
    expect(jsonPointer(['Resources', 'a/b', 'Properties'])).toBe('/Resources/a~1b/Properties')
    const [finding] = checkTemplateSecurity({ Resources: { 'a/b': { Type: 'AWS::SNS::Topic' } } })
    expect(finding?.location).toBe('/Resources/a~1b/Properties/KmsMasterKeyId')
  })
})

describe('WILDCARD_RESOURCE_ALLOW_LIST', () => {
  it('gives every entry a reason and an AWS documentation source, each action once', () => {
    for (const entry of WILDCARD_RESOURCE_ALLOW_LIST) {
      expect(entry.action).toMatch(/^[a-z0-9-]+:[A-Za-z]+$/)
      expect(entry.reason.length).toBeGreaterThan(20)
      expect(entry.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//)
    }
    const actions = WILDCARD_RESOURCE_ALLOW_LIST.map((entry) => entry.action.toLowerCase())
    expect(new Set(actions).size).toBe(actions.length)
  })

  it('holds no Athena or Glue action: both take ARNs', () => {
    expect(WILDCARD_RESOURCE_ALLOW_LIST.filter((entry) => /^(athena|glue):/.test(entry.action))).toEqual([])
  })

  it('is documented, action by action, in docs/security.md', () => {
    const doc = readFileSync(new URL('../../../../docs/security.md', import.meta.url), 'utf8')
    for (const entry of WILDCARD_RESOURCE_ALLOW_LIST) expect(doc).toContain(`\`${entry.action}\``)
    for (const rule of TEMPLATE_SECURITY_RULES) expect(doc).toContain(`\`${rule.code}\``)
  })
})
