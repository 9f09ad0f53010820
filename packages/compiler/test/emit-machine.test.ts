import { createNode, type StateNode } from '@dlc/dsl'
import { describe, expect, it } from 'vitest'
import { emitDefinition, toJson } from '../src/index.js'
import { expectJson, graphOf, machineOf, pass, succeed } from './machines.js'

describe('emitDefinition, the machine', () => {
  it('orders the top level Comment, QueryLanguage, StartAt, States, TimeoutSeconds, Version', () => {
    const machine = machineOf([succeed('Done')], { version: '1.0', timeoutSeconds: 3600, comment: 'nightly' })
    expectJson(emitDefinition(machine), {
      Comment: 'nightly',
      QueryLanguage: 'JSONPath',
      StartAt: 'Done',
      States: { Done: { Type: 'Succeed' } },
      TimeoutSeconds: 3600,
      Version: '1.0',
    })
  })

  it('keeps states in definition order, not sorted', () => {
    const machine = machineOf([pass('Zulu', 'Alpha'), pass('Alpha', 'Mike'), succeed('Mike')])
    expect(Object.keys(emitDefinition(machine).States)).toEqual(['Zulu', 'Alpha', 'Mike'])
  })

  it('prints the same bytes every time; payloads are shared with the frozen IR unless placeholders are resolved', () => {
    const machine = machineOf([createNode<StateNode>({ kind: 'Pass', name: 'P', end: true, result: { b: [1, { c: 2 }], a: 1 } })])
    const first = emitDefinition(machine)
    expect(toJson(emitDefinition(machine))).toBe(toJson(first))
    expect(Object.isFrozen(first.States['P']?.['Result'])).toBe(true)
    const resolved = emitDefinition(machine, { resolve: { account: '111122223333', region: 'us-east-1' } })
    expect(toJson(resolved)).toBe(toJson(first))
    expect(Object.isFrozen(resolved.States['P']?.['Result'])).toBe(false)
  })

  it('writes QueryLanguage on a state that sets one, and nowhere else', () => {
    const machine = machineOf([createNode<StateNode>({ kind: 'Pass', name: 'P', queryLanguage: 'JSONata', comment: 'c', end: true })])
    expectJson(emitDefinition(machine).States, { P: { Type: 'Pass', Comment: 'c', QueryLanguage: 'JSONata', End: true } })
  })

  it("lowers a graph's QueryLanguage onto its states, nested graphs included, but not a state's own onto its children", () => {
    const inner = createNode<StateNode>({ kind: 'Map', name: 'Inner', end: true, processor: graphOf([pass('Deep')]) })
    const jsonataBranch = graphOf([inner, pass('Own')], { queryLanguage: 'JSONata' })
    const outer = createNode<StateNode>({ kind: 'Parallel', name: 'Fan', queryLanguage: 'JSONata', end: true, branches: [jsonataBranch, graphOf([pass('Plain')])] })
    const branches = emitDefinition(machineOf([outer])).States['Fan']?.['Branches']
    expectJson(branches, [
      {
        StartAt: 'Inner',
        States: {
          Inner: {
            Type: 'Map',
            QueryLanguage: 'JSONata',
            ItemProcessor: { StartAt: 'Deep', States: { Deep: { Type: 'Pass', QueryLanguage: 'JSONata', End: true } } },
            End: true,
          },
          Own: { Type: 'Pass', QueryLanguage: 'JSONata', End: true },
        },
      },
      { StartAt: 'Plain', States: { Plain: { Type: 'Pass', End: true } } },
    ])
  })
})
