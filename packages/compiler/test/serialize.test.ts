import { createNode, type StateNode } from '@dlc/dsl'
import { describe, expect, it } from 'vitest'
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
