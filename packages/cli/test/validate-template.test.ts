import { readdirSync, readFileSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkTemplate } from '../src/validate/check-template.js'
import { cloudFormationEngine, validateWithCloudFormation } from '../src/validate/cloudformation.js'
import { parseSource } from '../src/validate/source.js'
import { dlc, project, repoRoot } from './helpers.js'

/** A nightly-batch template that passes dlc's security rules, AWS's validator and the ASL checks. */
const SECURE = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Raw:
    Type: AWS::S3::Bucket
    Properties:
      BucketEncryption:
        ServerSideEncryptionConfiguration:
          - ServerSideEncryptionByDefault:
              SSEAlgorithm: AES256
      PublicAccessBlockConfiguration:
        BlockPublicAcls: true
        BlockPublicPolicy: true
        IgnorePublicAcls: true
        RestrictPublicBuckets: true
  RawPolicy:
    Type: AWS::S3::BucketPolicy
    Properties:
      Bucket: !Ref Raw
      PolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Deny
            Principal: '*'
            Action: 's3:*'
            Resource: [!GetAtt Raw.Arn, !Sub '\${Raw.Arn}/*']
            Condition:
              Bool:
                aws:SecureTransport: 'false'
  Alerts:
    Type: AWS::SNS::Topic
    Properties:
      KmsMasterKeyId: alias/aws/sns
  MachineLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      RetentionInDays: 30
  MachineRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: states.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: nightly
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: [logs:CreateLogDelivery, logs:GetLogDelivery, logs:UpdateLogDelivery, logs:DeleteLogDelivery, logs:ListLogDeliveries, logs:PutResourcePolicy, logs:DescribeResourcePolicies, logs:DescribeLogGroups]
                Resource: '*'
              - Effect: Allow
                Action: sns:Publish
                Resource: !Ref Alerts
  Nightly:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: !GetAtt MachineRole.Arn
      LoggingConfiguration:
        Level: ERROR
        Destinations:
          - CloudWatchLogsLogGroup:
              LogGroupArn: !GetAtt MachineLogs.Arn
      DefinitionSubstitutions:
        Topic: !Ref Alerts
      DefinitionString: |
        {
          "StartAt": "Notify",
          "States": {
            "Notify": { "Type": "Task", "Resource": "arn:aws:states:::sns:publish", "Parameters": { "TopicArn": "\${Topic}", "Message": "done" }, "End": true }
          }
        }
`

/** Wrong for AWS (a misspelt property, a missing attribute, a bad Effect, an unused parameter) and for dlc (s3:* on "*", no encryption). */
const BROKEN = `AWSTemplateFormatVersion: '2010-09-09'
Parameters:
  Stage:
    Type: String
Resources:
  Raw:
    Type: AWS::S3::Bucket
    Properties:
      BucketNam: sales-raw
  EtlRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: '2012-10-17'
        Statement:
          - Effect: Allow
            Principal: { Service: glue.amazonaws.com }
            Action: sts:AssumeRole
      Policies:
        - PolicyName: etl
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: 's3:*'
                Resource: '*'
              - Effect: Alow
                Action: s3:GetObject
                Resource: !Sub '\${Raw.Arn}/*'
Outputs:
  RawDomain:
    Value: !GetAtt Raw.Domain
`

describe('templates', () => {
  // Building AWS's validator takes seconds: once for this file, before any test times itself.
  beforeAll(() => cloudFormationEngine(), 120_000)

  describe("AWS's CloudFormation validator", () => {
    it('finds nothing in a correct template', async () => {
      const source = parse(SECURE, 'yaml')
      expect(await validateWithCloudFormation(SECURE, 'template.yaml', source.value)).toEqual([])
    })

    it("reports a broken template with AWS's rule ids, JSON pointers and the line:column AWS gives", async () => {
      const source = parse(BROKEN, 'yaml')
      const findings = await validateWithCloudFormation(BROKEN, 'template.yaml', source.value)
      const shapes = findings.map(({ diagnostic, position }) => ({ severity: diagnostic.severity, code: diagnostic.code, location: diagnostic.location, ...position }))
      expect(shapes).toEqual(
        expect.arrayContaining([
          { severity: 'ERROR', code: 'F3002', location: '/Resources/Raw/Properties/BucketNam', line: 9, column: 7 },
          { severity: 'ERROR', code: 'E3510', location: '/Resources/EtlRole/Properties/Policies/0/PolicyDocument/Statement/1/Effect', line: 27, column: 17 },
          // AWS places this one at the output, not at the attribute.
          { severity: 'ERROR', code: 'F6101', location: '/Outputs/RawDomain/Value/Fn::GetAtt/1', line: 31, column: 3 },
          { severity: 'WARNING', code: 'W2001', location: '/Parameters/Stage', line: 3, column: 3 },
        ]),
      )
      expect(findings.find(({ diagnostic }) => diagnostic.code === 'F3002')?.diagnostic.message).toContain("Did you mean 'BucketName'?")
      // Informational findings (tags, replacement notes) are not reported.
      expect(findings.filter(({ diagnostic }) => /^I/.test(diagnostic.code))).toEqual([])
    })

    it('matches dotted property paths against keys that hold dots themselves', async () => {
      const text = JSON.stringify({ Resources: { Raw: { Type: 'AWS::S3::Bucket', Properties: { Tags: [{ Key: 'a.b', Valu: 'x' }] } } } }, null, 2)
      const findings = await validateWithCloudFormation(text, 'template.json', JSON.parse(text))
      expect(findings.map(({ diagnostic }) => [diagnostic.code, diagnostic.location])).toEqual(
        expect.arrayContaining([
          ['F3002', '/Resources/Raw/Properties/Tags/0/Valu'],
          ['F3003', '/Resources/Raw/Properties/Tags/0'],
        ]),
      )
    })

    it("accepts every passing fixture of dlc's security rules", async () => {
      const root = new URL('packages/compiler/test/cfn-checks/fixtures/', `file://${repoRoot}`)
      for (const folder of readdirSync(root)) {
        for (const file of readdirSync(new URL(`${folder}/`, root)).filter((name) => name.startsWith('valid-'))) {
          const text = readFileSync(new URL(`${folder}/${file}`, root), 'utf8')
          expect(await validateWithCloudFormation(text, file, JSON.parse(text)), `${folder}/${file}`).toEqual([])
        }
      }
    })
  })

  describe('checkTemplate', () => {
    it("runs dlc's security rules and AWS's validator on a template's text", async () => {
      expect(await checkTemplate(SECURE, 'template.yaml')).toEqual([])
      const codes = (await checkTemplate(BROKEN, 'template.yaml')).map((d) => d.code)
      expect(codes).toEqual(expect.arrayContaining(['DLC_IAM_WILDCARD_ACTION', 'DLC_IAM_WILDCARD_RESOURCE', 'DLC_S3_ENCRYPTION', 'F3002', 'E3510']))
      expect(codes.indexOf('DLC_IAM_WILDCARD_ACTION')).toBeLessThan(codes.indexOf('F3002'))
    })

    it('reports text that is not a template instead of throwing', async () => {
      expect(await checkTemplate('{"Resources": ', 'template.json')).toMatchObject([{ severity: 'ERROR', code: 'INVALID_JSON_DESCRIPTION', location: '/' }])
      expect(await checkTemplate('Resources: [unclosed', 'template.yaml')).toMatchObject([{ severity: 'ERROR', code: 'INVALID_JSON_DESCRIPTION' }])
    })
  })

  describe('dlc validate', () => {
    it('exits 0 on a template whose resources and state machine are all right', async () => {
      const dir = await project({ 'template.yaml': SECURE })
      expect(await dlc(['validate', 'template.yaml'], dir)).toEqual({ code: 0, stdout: '1 file, 0 invalid: 0 errors, 0 warnings\n', stderr: '' })
    })

    it("checks a template with dlc's security rules and AWS's validator, each finding at its line:column and pointer", async () => {
      const dir = await project({ 'template.yaml': BROKEN })
      const run = await dlc(['validate', 'template.yaml'], dir)
      expect(run.code).toBe(1)
      const lines = run.stdout.split('\n')
      expect(lines).toContain('template.yaml:9:7 /Resources/Raw/Properties/BucketNam: error F3002: Additional properties are not allowed (\'BucketNam\' was unexpected. Did you mean \'BucketName\'?)')
      expect(lines).toContain('template.yaml:25:17 /Resources/EtlRole/Properties/Policies/0/PolicyDocument/Statement/0/Action: error DLC_IAM_WILDCARD_ACTION: EtlRole allows every action of s3 ("s3:*")')
      expect(lines).toContain('template.yaml:26:17 /Resources/EtlRole/Properties/Policies/0/PolicyDocument/Statement/0/Resource: error DLC_IAM_WILDCARD_RESOURCE: EtlRole grants s3:* on every resource (Resource "*")')
      // A missing property is placed at the nearest part of the template that is there.
      expect(lines).toContain('template.yaml:8:5 /Resources/Raw/Properties/BucketEncryption: error DLC_S3_ENCRYPTION: bucket Raw has no BucketEncryption')
      expect(lines).toContain('template.yaml:3:3 /Parameters/Stage: warning W2001: Parameter \'Stage\' is not referenced anywhere in the template')
      expect(lines.at(-2)).toMatch(/^1 file \(0 state machines\), 1 invalid: \d+ errors, 1 warning$/)
    })

    it('reports the template as its own entry in --format json, next to its state machines', async () => {
      const dir = await project({ 'template.yaml': SECURE.replace('Level: ERROR', "Level: 'OFF'"), 'other.json': JSON.stringify({ Resources: { Alerts: { Type: 'AWS::SNS::Topic' } } }) })
      const run = await dlc(['validate', 'template.yaml', 'other.json', '--format', 'json'], dir)
      expect(run.code).toBe(1)
      const report = JSON.parse(run.stdout) as { files: { kind: string; file: string; resource?: string; ok: boolean; diagnostics: { code: string; location?: string; line?: number }[] }[] }
      expect(report.files.map(({ kind, file, resource, ok }) => ({ kind, file, resource, ok }))).toEqual([
        { kind: 'template', file: 'template.yaml', resource: undefined, ok: false },
        { kind: 'definition', file: 'template.yaml', resource: 'Nightly', ok: true },
        { kind: 'template', file: 'other.json', resource: undefined, ok: false },
      ])
      expect(report.files[0]?.diagnostics).toEqual([
        expect.objectContaining({ code: 'DLC_SFN_LOGGING', location: '/Resources/Nightly/Properties/LoggingConfiguration/Level', line: 62, column: 9 }),
      ])
      expect(report.files[2]?.diagnostics.map((d) => d.code)).toEqual(['DLC_SNS_ENCRYPTION'])
    })
  })
})

function parse(text: string, format: 'json' | 'yaml') {
  const source = parseSource(text, format)
  if (!('value' in source)) throw new Error(source.message)
  return source
}
