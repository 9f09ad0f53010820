import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { validate } from '@dlc/compiler'
import { checkTemplate } from '../src/validate/check-template.js'
import { cloudFormationEngine } from '../src/validate/cloudformation.js'
import { readSource } from '../src/validate/source.js'
import { dlc, project } from './helpers.js'

const VALID = `{
  "StartAt": "Start",
  "States": {
    "Start": { "Type": "Pass", "Next": "Done" },
    "Done": { "Type": "Succeed" }
  }
}
`
const BROKEN_NEXT = `{
  "StartAt": "Start",
  "States": {
    "Start": { "Type": "Pass", "Next": "Dnoe" },
    "Done": { "Type": "Succeed" },
    "Other": { "Type": "Succeed" }
  }
}
`
const BROKEN_YAML = `StartAt: Start
States:
  Start:
    Type: Pass
    Next: Dnoe
  Done:
    Type: Succeed
`

const EXPRESS_DEFINITION = '{"StartAt":"Wait","States":{"Wait":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken","Parameters":{"FunctionName":"${Fn}","Payload":{"token.$":"$$.Task.Token"}},"End":true}}}'

const TEMPLATE_YAML = `AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Resources:
  Score:
    Type: AWS::Lambda::Function
  Orders:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      RoleArn: !GetAtt Role.Arn
      DefinitionString: !Sub |
        {
          "StartAt": "Score",
          "States": {
            "Score": { "Type": "Task", "Resource": "\${ScoreArn}", "Next": "Nowhere" }
          }
        }
  Express:
    Type: AWS::StepFunctions::StateMachine
    Properties:
      StateMachineType: EXPRESS
      DefinitionString:
        Fn::Sub:
          - '${EXPRESS_DEFINITION}'
          - Fn: !Ref Score
  Refunds:
    Type: AWS::Serverless::StateMachine
    Properties:
      Definition:
        StartAt: Refund
        States:
          Refund:
            Type: Task
            Resource: !GetAtt Score.Arn
            End: true
`

const TEMPLATE_JSON = JSON.stringify(
  {
    Resources: {
      Joined: {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: {
          DefinitionString: { 'Fn::Join': ['', ['{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"', { 'Fn::GetAtt': ['Score', 'Arn'] }, '","End":true}}}']] },
        },
      },
      Inline: {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: { Definition: { StartAt: 'A', States: { A: { Type: 'Pass', Next: 'B' } } } },
      },
      Conditional: {
        Type: 'AWS::StepFunctions::StateMachine',
        Properties: { DefinitionString: { 'Fn::If': ['Prod', '{}', '{}'] } },
      },
    },
  },
  null,
  2,
)

describe('dlc validate', () => {
  // Templates also go through AWS's CloudFormation validator, which takes seconds to build: once for this file.
  beforeAll(() => cloudFormationEngine(), 120_000)

  it('exits 0 on a valid definition and sums up', async () => {
    const dir = await project({ 'orders.asl.json': VALID })
    expect(await dlc(['validate', 'orders.asl.json'], dir)).toEqual({ code: 0, stdout: '1 file, 0 invalid: 0 errors, 0 warnings\n', stderr: '' })
  })

  it('exits 1 on an invalid definition, each finding with its line:column and pointer', async () => {
    const dir = await project({ 'orders.asl.json': BROKEN_NEXT, 'good.asl.json': VALID })
    const run = await dlc(['validate', 'orders.asl.json', 'good.asl.json'], dir)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`orders.asl.json:4:32 /States/Start/Next: error MISSING_TRANSITION_TARGET: Missing 'Next' target: Dnoe\n  hint: Did you mean "Done"?\n`)
    expect(run.stdout).toMatch(/^orders\.asl\.json:6:5 \/States\/Other: error \w+: State "Other" is not reachable/m)
    expect(run.stdout).toMatch(/^2 files, 1 invalid: 3 errors, 0 warnings\n$/m)
  })

  it('reads YAML and points at its lines', async () => {
    const dir = await project({ 'orders.asl.yaml': BROKEN_YAML })
    const run = await dlc(['validate', 'orders.asl.yaml'], dir)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain(`orders.asl.yaml:5:5 /States/Start/Next: error MISSING_TRANSITION_TARGET: Missing 'Next' target: Dnoe`)
  })

  it('validates every state machine of a YAML template: !Sub strings, Sub with variables, SAM Definition, EXPRESS', async () => {
    const dir = await project({ 'template.yaml': TEMPLATE_YAML })
    const run = await dlc(['validate', 'template.yaml'], dir)
    expect(run.code).toBe(1)
    const lines = run.stdout.split('\n')
    // The finding inside the !Sub block points at its own line of the template.
    expect(lines).toContain(`template.yaml:14:67 Resources/Orders/Properties/DefinitionString /States/Score/Next: error MISSING_TRANSITION_TARGET: Missing 'Next' target: Nowhere`)
    // The EXPRESS machine gets exactly what validate() says of it as EXPRESS, placed at its DefinitionString.
    const express = validate(JSON.parse(EXPRESS_DEFINITION), { type: 'EXPRESS' }).diagnostics
    for (const d of express) expect(lines).toContain(`template.yaml:21:7 Resources/Express/Properties/DefinitionString ${d.location}: ${d.severity.toLowerCase()} ${d.code}: ${d.message}`)
    expect(run.stdout).not.toContain('Refunds')
    // The template as a whole gets dlc's security rules and AWS's validator too (validate-template.test.ts).
    const template = await checkTemplate(TEMPLATE_YAML, 'template.yaml')
    const errors = 2 + express.filter((d) => d.severity === 'ERROR').length + template.filter((d) => d.severity === 'ERROR').length
    const warnings = template.length - template.filter((d) => d.severity === 'ERROR').length
    expect(lines).toContain(`1 file (3 state machines), 1 invalid: ${errors} errors, ${warnings} warning${warnings === 1 ? '' : 's'}`)
  })

  it('validates a JSON template: Fn::Join with placeholders, inline Definition, and says what it cannot read', async () => {
    const dir = await project({ 'template.json': TEMPLATE_JSON })
    const run = await dlc(['validate', 'template.json', '--format', 'json'], dir)
    expect(run.code).toBe(1)
    const report = JSON.parse(run.stdout) as { ok: boolean; files: { kind: string; file: string; resource?: string; ok: boolean; diagnostics: { code: string; location?: string; line?: number; definition?: string }[] }[] }
    expect(report.ok).toBe(false)
    expect(report.files[0]?.kind).toBe('template')
    const machines = report.files.filter((entry) => entry.kind === 'definition')
    expect(machines.map(({ resource, ok }) => [resource, ok])).toEqual([['Joined', true], ['Inline', false], ['Conditional', true]])
    expect(machines[0]?.diagnostics).toEqual([])
    expect(machines[1]?.diagnostics[0]).toMatchObject({ code: 'MISSING_TRANSITION_TARGET', location: '/States/A/Next', definition: 'Resources/Inline/Properties/Definition', line: 31 })
    expect(machines[2]?.diagnostics).toMatchObject([{ code: 'DLC_DEFINITION_NOT_STATIC', definition: 'Resources/Conditional/Properties/DefinitionString' }])
  })

  it('takes the type of plain definitions from --type', async () => {
    const express = '{"StartAt":"W","States":{"W":{"Type":"Task","Resource":"arn:aws:states:::glue:startJobRun.sync","Parameters":{"JobName":"j"},"End":true}}}'
    const dir = await project({ 'job.asl.json': express })
    expect((await dlc(['validate', 'job.asl.json'], dir)).code).toBe(0)
    const asExpress = validate(JSON.parse(express), { type: 'EXPRESS' })
    const run = await dlc(['validate', 'job.asl.json', '--type', 'EXPRESS', '--format', 'json'], dir)
    expect(run.code).toBe(asExpress.ok ? 0 : 1)
    expect(JSON.parse(run.stdout).files[0].diagnostics.map((d: { code: string }) => d.code)).toEqual(asExpress.diagnostics.map((d) => d.code))
  })

  it('expands globs relative to the working directory, and directories to their *.asl files', async () => {
    const dir = await project({ 'flows/a.asl.json': VALID, 'flows/nested/b.asl.yaml': BROKEN_YAML, 'flows/package.json': '{"name": "x"}', 'flows/notes.txt': 'hi' })
    const viaGlob = await dlc(['validate', 'flows/**/*.{json,yaml}'], dir)
    expect(viaGlob.code).toBe(1)
    expect(viaGlob.stdout).toContain('flows/nested/b.asl.yaml:5:5 /States/Start/Next')
    expect(viaGlob.stdout).toMatch(/^2 files, 1 skipped, 1 invalid: 2 errors, 0 warnings$/m)
    const viaDirectory = await dlc(['validate', 'flows'], dir)
    expect(viaDirectory.stdout).toMatch(/^2 files, 1 invalid: 2 errors, 0 warnings$/m)
  })

  it('names the file that is neither a definition nor a template when given by name', async () => {
    const dir = await project({ 'package.json': '{"name": "x"}' })
    const run = await dlc(['validate', 'package.json'], dir)
    expect(run.code).toBe(1)
    expect(run.stdout).toContain('package.json: error DLC_NO_STATE_MACHINE: ')
  })

  it('exits 2 on a glob or path that matches nothing, and with no inputs', async () => {
    const dir = await project({ 'a.asl.json': VALID })
    expect(await dlc(['validate', 'missing/*.asl.json'], dir)).toEqual({ code: 2, stdout: '', stderr: 'dlc: no files match missing/*.asl.json\nRun "dlc help validate" for usage.\n' })
    expect(await dlc(['validate', 'nope.asl.json'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('nope.asl.json: no such file or directory') })
    expect(await dlc(['validate'], dir)).toMatchObject({ code: 2, stderr: expect.stringContaining('validate needs at least one file') })
    expect(await dlc(['validate', 'a.asl.json', '--format', 'xml'], dir)).toMatchObject({ code: 2 })
    expect(await dlc(['validate', 'a.asl.json', '--strict'], dir)).toMatchObject({ code: 2 })
  })

  it('reports garbage as findings, never a stack trace: bad JSON, bad YAML, binary, unreadable, non-object States', async () => {
    const dir = await project({
      'bad.asl.json': '{\n  "StartAt": "A",\n  "States": {"A": {"Type": "Pass", "End": tru}}\n}\n',
      'bad.asl.yaml': 'StartAt: A\nStates:\n  A: [unclosed\n',
      'states.asl.json': '{"StartAt": "A", "States": 42}',
      'empty.asl.json': '',
    })
    await writeFile(join(dir, 'binary.asl.json'), Buffer.from([0x7b, 0x00, 0xff, 0xfe, 0x00, 0x01]))
    const run = await dlc(['validate', '.'], dir)
    expect(run.code).toBe(1)
    expect(run.stderr).toBe('')
    expect(run.stdout).not.toMatch(/\n\s+at /)
    expect(run.stdout).toContain("bad.asl.json:3:46: error INVALID_JSON_DESCRIPTION: not valid JSON: Unexpected token '}'")
    expect(run.stdout).toMatch(/^bad\.asl\.yaml:\d+:\d+: error INVALID_JSON_DESCRIPTION: not valid YAML: /m)
    expect(run.stdout).toContain('binary.asl.json: error DLC_BINARY_FILE: ')
    expect(run.stdout).toContain('empty.asl.json:1:1: error INVALID_JSON_DESCRIPTION: not valid JSON: Unexpected end of JSON input')
    expect(run.stdout).toMatch(/^states\.asl\.json:1:\d+ \/\w*: error /m)
  })

  it('reports a file it cannot read', async () => {
    const dir = await project({ 'flows/x.asl.json': VALID })
    expect(await readSource(join(dir, 'flows'))).toMatchObject({ code: 'DLC_READ_FAILED', message: expect.stringContaining('EISDIR') })
  })

  it('handles a 10 MB definition within a couple of seconds, and says AWS would refuse it', async () => {
    const states: Record<string, unknown> = {}
    const count = 2_000
    for (let i = 0; i < count; i++) states[`Step${i}`] = { Type: 'Pass', Result: { blob: 'x'.repeat(5_000) }, ...(i + 1 < count ? { Next: `Step${i + 1}` } : { End: true }) }
    const text = JSON.stringify({ StartAt: 'Step0', States: states }, null, 2)
    expect(text.length).toBeGreaterThan(10_000_000)
    const dir = await project({ 'big.asl.json': text })
    const started = performance.now()
    const run = await dlc(['validate', 'big.asl.json'], dir)
    expect(performance.now() - started).toBeLessThan(3_000)
    expect(run.code).toBe(1)
    expect(run.stdout).toMatch(/^big\.asl\.json:1:1 \/: error DLC_DEFINITION_TOO_LARGE: the definition is 10,\d{3},\d{3} bytes/m)
  })

  it('prints SARIF 2.1.0 with the fields its schema requires', async () => {
    const dir = await project({ 'orders.asl.json': BROKEN_NEXT, 'template.yaml': TEMPLATE_YAML })
    await mkdir(join(dir, 'empty'))
    const run = await dlc(['validate', 'orders.asl.json', 'template.yaml', '--format', 'sarif'], dir)
    expect(run.code).toBe(1)
    const sarif = JSON.parse(run.stdout) as Sarif
    expectSarifShape(sarif)
    const [result] = sarif.runs[0]?.results ?? []
    expect(result).toMatchObject({
      ruleId: 'MISSING_TRANSITION_TARGET',
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'orders.asl.json' }, region: { startLine: 4, startColumn: 32 } }, logicalLocations: [{ fullyQualifiedName: 'States/Start/Next' }] }],
      properties: { pointer: '/States/Start/Next' },
    })
    const inTemplate = sarif.runs[0]?.results.find((r) => r.properties?.['resource'] === 'Orders')
    expect(inTemplate?.locations[0]?.logicalLocations?.[0]?.fullyQualifiedName).toBe('Resources/Orders/Properties/DefinitionString/States/Score/Next')
  })
})

interface Sarif {
  readonly version: string
  readonly runs: readonly {
    readonly tool: { readonly driver: { readonly name: string; readonly rules?: readonly { readonly id: string }[] } }
    readonly results: readonly {
      readonly ruleId?: string
      readonly ruleIndex?: number
      readonly level?: string
      readonly message: { readonly text?: string }
      readonly locations: readonly {
        readonly physicalLocation?: { readonly artifactLocation?: { readonly uri?: string }; readonly region?: { readonly startLine?: number; readonly startColumn?: number } }
        readonly logicalLocations?: readonly { readonly fullyQualifiedName?: string }[]
      }[]
      readonly properties?: Readonly<Record<string, unknown>>
    }[]
  }[]
}

/** The parts of the SARIF 2.1.0 schema a consumer relies on: required properties, enums, minimums, uri-references. */
function expectSarifShape(sarif: Sarif): void {
  expect(sarif.version).toBe('2.1.0')
  expect(sarif.runs).toHaveLength(1)
  for (const run of sarif.runs) {
    expect(typeof run.tool.driver.name).toBe('string')
    const rules = run.tool.driver.rules ?? []
    for (const rule of rules) expect(typeof rule.id).toBe('string')
    expect(new Set(rules.map((rule) => rule.id)).size).toBe(rules.length)
    for (const result of run.results) {
      expect(typeof result.message.text).toBe('string')
      expect(['none', 'note', 'warning', 'error']).toContain(result.level)
      expect(rules.map((rule) => rule.id)).toContain(result.ruleId)
      expect(rules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId)
      for (const location of result.locations) {
        const physical = location.physicalLocation
        expect(physical?.artifactLocation?.uri).toMatch(/^[^\s\\:]+$/)
        if (physical?.region !== undefined) {
          expect(physical.region.startLine).toBeGreaterThanOrEqual(1)
          expect(physical.region.startColumn).toBeGreaterThanOrEqual(1)
        }
      }
    }
  }
}
