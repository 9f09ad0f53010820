import { createNode, type StateNode } from '@dlc/dsl'
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parse } from 'yaml'
import { emitDefinition, toJson, toYaml } from '../src/index.js'
import { machineOf } from './machines.js'

const longQuery = 'select order_id, sum(quantity * unit_price) as revenue from sales where order_date >= date_add(day, -30, current_date) group by 1'
const machine = machineOf([
  createNode<StateNode>({
    kind: 'Pass',
    name: 'Yes',
    end: true,
    comment: 'first line\nsecond line',
    result: { query: longQuery, flag: 'on', hex: '0x1F', when: '2024-01-01', nothing: 'null', number: 1.5 },
  }),
])

describe('toJson and toYaml', () => {
  it('prints JSON with two-space indent and a trailing newline', () => {
    const json = toJson(emitDefinition(machineOf([createNode<StateNode>({ kind: 'Succeed', name: 'Done' })])))
    expect(json).toBe('{\n  "QueryLanguage": "JSONPath",\n  "StartAt": "Done",\n  "States": {\n    "Done": {\n      "Type": "Succeed"\n    }\n  }\n}\n')
  })

  it('prints YAML that reads back as the same definition under YAML 1.2 and 1.1', () => {
    const definition = emitDefinition(machine)
    const yaml = toYaml(definition)
    expect(parse(yaml)).toEqual(definition)
    expect(parse(yaml, { version: '1.1' })).toEqual(definition)
    expect(Object.keys(parse(yaml) as object)).toEqual(Object.keys(definition))
  })

  it('never folds a long string', () => {
    expect(toYaml(emitDefinition(machine))).toContain(`query: ${longQuery}\n`)
  })
})

describe('toYaml on any JSON', () => {
  const readBack = (value: unknown) => {
    const yaml = toYaml({ value })
    return [parse(yaml), parse(yaml, { version: '1.1' })]
  }

  it.each([
    ['keys and strings that look like YAML syntax', { 'k: v': 'v # c', '--batch_date': '-y', '<<': '=', 'Fn::Sub': 'arn:${AWS::Partition}:s3:::${Bucket}' }],
    ['strings YAML would read as other types', ['NO', 'On', '~', '1e3', '.5', '.inf', '0o17', '12:30', '2026-11-24', '+1', '']],
    ['whitespace, quotes and control characters', [' lead', 'trail ', 'tab\there', 'line\nnext', "it's", '"quoted"', '\u0000', '\ufeff']],
    ['nesting and empty collections', { a: [[], {}, [['x']], { b: [{ c: null }] }], d: true, e: -1.5 }],
  ])('%s read back as written', (_label, value) => {
    expect(readBack(value)).toEqual([{ value }, { value }])
  })

  it('multi-line text reads back as written, in a mapping and in a list', () => {
    const piece = fc.oneof(fc.constantFrom('\n', '\n\n', ' ', '  ', '\t', '#', ': ', '- ', '"', "'", '|', 'SELECT', '\r'), fc.string({ maxLength: 6 }))
    const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(text, (value) => {
        expect(readBack({ sql: value, list: [value, { nested: value }] })).toEqual([{ value: { sql: value, list: [value, { nested: value }] } }, { value: { sql: value, list: [value, { nested: value }] } }])
      }),
      { numRuns: Number(process.env['DLC_PROPERTY_RUNS'] ?? 2000) },
    )
  }, 120_000)

  it('writes SQL and other multi-line text as a literal block', () => {
    expect(toYaml({ QueryString: 'SELECT 1\nFROM t' })).toBe('QueryString: |-\n  SELECT 1\n  FROM t\n')
  })

  it('any JSON value reads back as written under YAML 1.2 and 1.1', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = JSON.parse(JSON.stringify(value)) as unknown
        expect(readBack(json)).toEqual([{ value: json }, { value: json }])
      }),
      { numRuns: Number(process.env['DLC_PROPERTY_RUNS'] ?? 2000) },
    )
  }, 120_000)
})
