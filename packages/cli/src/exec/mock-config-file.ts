import { didYouMean } from '@dlc/dsl'
import type { MockAnswer } from '@dlc/runtime'
import type { Finding } from './findings.js'
import { describe, invalid, isRecord, quoted, unknownField, type Json, type ParsedMock, type ParsedMocks } from './parsed-mocks.js'

type Path = readonly (string | number)[]

/** Past this many invocations a mocked response is surely a mistake (`"0-99999"`), and it would cost memory. */
const MAX_INVOCATIONS = 1000

const INVOCATION_KEY = /^(\d+)(?:-(\d+))?$/

/**
 * Reads AWS Step Functions Local's MockConfigFile: `StateMachines.<machine>.TestCases.<case>`
 * maps Task state names to entries of `MockedResponses`, whose keys are invocation numbers
 * (`"0"`, `"1-2"`) answering with `Return` or `Throw: { Error, Cause }`. One test case is used.
 *
 * @example parseMockConfigFile(config, 'LambdaSQSIntegration#RetryPath')
 */
export function parseMockConfigFile(file: Json, testCase: string | undefined): ParsedMocks {
  const findings: Finding[] = []
  for (const key of Object.keys(file)) {
    if (key !== 'StateMachines' && key !== 'MockedResponses') findings.push(unknownField(key, ['StateMachines', 'MockedResponses'], [key]))
  }
  const cases = testCases(file['StateMachines'], findings)
  const responses = mockedResponses(file['MockedResponses'], findings)
  if (findings.length > 0) return { mocks: [], findings }
  const chosen = chooseTestCase(cases, testCase, findings)
  if (chosen === undefined) return { mocks: [], findings }
  const mocks: ParsedMock[] = []
  for (const [state, response] of Object.entries(chosen.states)) {
    const stateAt = ['StateMachines', chosen.machine, 'TestCases', chosen.name, state]
    const sequence = responses.get(response)
    if (sequence === undefined) {
      const close = didYouMean(response, responses.keys())
      findings.push(invalid(stateAt, `MockedResponses has no ${quoted(response)}${close === undefined ? '' : `; did you mean ${quoted(close)}?`}`, close === undefined ? `define it: "MockedResponses": { ${quoted(response)}: { "0": { "Return": {} } } }` : undefined, 'DLC_MOCK_UNKNOWN_RESPONSE'))
      continue
    }
    mocks.push({ mock: { state, sequence }, stateAt })
  }
  return { mocks, findings, stateMachine: chosen.machine }
}

interface TestCase {
  readonly machine: string
  readonly name: string
  /** Task state name to the name of its mocked response. */
  readonly states: Readonly<Record<string, string>>
}

function testCases(value: unknown, findings: Finding[]): TestCase[] {
  const example = '"StateMachines": { "Orders": { "TestCases": { "HappyPath": { "Load": "LoadSucceeds" } } } }'
  if (!isRecord(value)) {
    findings.push(invalid(['StateMachines'], `"StateMachines" must be an object of state machines, not ${describe(value)}`, example))
    return []
  }
  const cases: TestCase[] = []
  for (const [machine, body] of Object.entries(value)) {
    const at = ['StateMachines', machine]
    if (!isRecord(body) || !isRecord(body['TestCases'])) {
      findings.push(invalid(isRecord(body) ? [...at, 'TestCases'] : at, `state machine ${quoted(machine)} needs "TestCases", an object of test cases`, example))
      continue
    }
    for (const key of Object.keys(body)) if (key !== 'TestCases') findings.push(unknownField(key, ['TestCases'], [...at, key]))
    for (const [name, states] of Object.entries(body['TestCases'])) {
      const caseAt = [...at, 'TestCases', name]
      if (!isRecord(states)) {
        findings.push(invalid(caseAt, `test case ${quoted(name)} must map Task state names to mocked responses, not be ${describe(states)}`, '"HappyPath": { "Load": "LoadSucceeds" }'))
        continue
      }
      const named: Record<string, string> = {}
      for (const [state, response] of Object.entries(states)) {
        if (typeof response === 'string' && response !== '') named[state] = response
        else findings.push(invalid([...caseAt, state], `the state ${quoted(state)} must name a mocked response, not be ${describe(response)}`))
      }
      cases.push({ machine, name, states: named })
    }
  }
  return cases
}

function mockedResponses(value: unknown, findings: Finding[]): Map<string, MockAnswer[]> {
  const responses = new Map<string, MockAnswer[]>()
  if (!isRecord(value)) {
    findings.push(invalid(['MockedResponses'], `"MockedResponses" must be an object of mocked responses, not ${describe(value)}`, '"MockedResponses": { "LoadSucceeds": { "0": { "Return": { "JobRunState": "SUCCEEDED" } } } }'))
    return responses
  }
  for (const [name, invocations] of Object.entries(value)) {
    const answers = invocationsOf(invocations, ['MockedResponses', name], findings)
    if (answers !== undefined) responses.set(name, answers)
  }
  return responses
}

/** `{ "0": ..., "1-2": ... }` as one answer per invocation, checked to cover 0, 1, 2, ... without gaps or overlaps. */
function invocationsOf(value: unknown, at: Path, findings: Finding[]): MockAnswer[] | undefined {
  if (!isRecord(value) || Object.keys(value).length === 0) {
    findings.push(invalid(at, `mocked response ${quoted(String(at[1]))} must map invocation numbers to answers, not be ${isRecord(value) ? 'empty' : describe(value)}`, '{ "0": { "Throw": { "Error": "Lambda.TooManyRequestsException" } }, "1": { "Return": {} } }'))
    return undefined
  }
  const before = findings.length
  const ranges: { start: number; end: number; key: string; answer: MockAnswer | undefined }[] = []
  for (const [key, body] of Object.entries(value)) {
    const match = INVOCATION_KEY.exec(key)
    const start = Number(match?.[1])
    const end = match?.[2] === undefined ? start : Number(match[2])
    if (match === null || end < start || end >= MAX_INVOCATIONS) {
      findings.push(invalid([...at, key], `${quoted(key)} is not an invocation number or range`, `keys count invocations from 0: "0", "1-2" (inclusive), up to ${MAX_INVOCATIONS - 1}`))
      continue
    }
    ranges.push({ start, end, key, answer: answerOf(body, [...at, key], findings) })
  }
  ranges.sort((a, b) => a.start - b.start)
  let next = 0
  for (const range of ranges) {
    if (range.start !== next) {
      const problem = range.start < next ? `invocation ${range.start} is answered twice` : `invocation${next === range.start - 1 ? ` ${next} has` : `s ${next}-${range.start - 1} have`} no answer`
      findings.push(invalid([...at, range.key], `in mocked response ${quoted(String(at[1]))}, ${problem}`, 'the keys must cover 0, 1, 2, ... in order, each once: "0", "1-2", "3"'))
    }
    next = Math.max(next, range.end + 1)
  }
  if (findings.length > before) return undefined
  return ranges.flatMap((range) => Array.from({ length: range.end - range.start + 1 }, () => range.answer as MockAnswer))
}

function answerOf(value: unknown, at: Path, findings: Finding[]): MockAnswer | undefined {
  const example = '{ "Return": { ... } } or { "Throw": { "Error": "...", "Cause": "..." } }'
  if (!isRecord(value)) {
    findings.push(invalid(at, `an invocation's answer must be an object, not ${describe(value)}`, example))
    return undefined
  }
  for (const key of Object.keys(value)) if (key !== 'Return' && key !== 'Throw') findings.push(unknownField(key, ['Return', 'Throw'], [...at, key]))
  if ('Return' in value === 'Throw' in value) {
    findings.push(invalid(at, `an invocation's answer has ${'Return' in value ? 'both "Return" and "Throw"' : 'neither "Return" nor "Throw"'}`, example))
    return undefined
  }
  if ('Return' in value) return { result: value['Return'] }
  const thrown = value['Throw']
  const throwAt = [...at, 'Throw']
  if (!isRecord(thrown)) {
    findings.push(invalid(throwAt, `"Throw" must be an object, not ${describe(thrown)}`, '"Throw": { "Error": "Lambda.TooManyRequestsException", "Cause": "Rate exceeded" }'))
    return undefined
  }
  for (const key of Object.keys(thrown)) if (key !== 'Error' && key !== 'Cause') findings.push(unknownField(key, ['Error', 'Cause'], [...throwAt, key]))
  const error = thrown['Error']
  const cause = thrown['Cause']
  if (typeof error !== 'string' || error === '') findings.push(invalid([...throwAt, 'Error'], `"Error" must be the error's name, a non-empty string, not ${describe(error)}`))
  if (cause !== undefined && typeof cause !== 'string') findings.push(invalid([...throwAt, 'Cause'], `"Cause" must be a string, not ${describe(cause)}`))
  if (typeof error !== 'string' || error === '' || (cause !== undefined && typeof cause !== 'string')) return undefined
  return { error, ...(cause === undefined ? {} : { cause }) }
}

function chooseTestCase(cases: readonly TestCase[], wanted: string | undefined, findings: Finding[]): TestCase | undefined {
  const label = (c: TestCase) => `${c.machine}#${c.name}`
  const listed = cases.map(label).join(', ')
  const fail = (message: string, hint?: string): undefined => {
    findings.push(invalid(['StateMachines'], message, hint, 'DLC_MOCK_TEST_CASE'))
    return undefined
  }
  if (cases.length === 0) return fail('the MockConfigFile has no test case', '"StateMachines": { "Orders": { "TestCases": { "HappyPath": { "Load": "LoadSucceeds" } } } }')
  if (wanted === undefined) {
    if (cases.length === 1) return cases[0]
    return fail(`the MockConfigFile has ${cases.length} test cases; choose one with --test-case: ${listed}`)
  }
  const hash = wanted.indexOf('#')
  const machine = hash === -1 ? undefined : wanted.slice(0, hash)
  const name = hash === -1 ? wanted : wanted.slice(hash + 1)
  const matching = cases.filter((c) => c.name === name && (machine === undefined || c.machine === machine))
  if (matching.length === 1) return matching[0]
  if (matching.length > 1) return fail(`the test case ${quoted(name)} is in ${matching.length} state machines; choose one: ${matching.map((c) => `--test-case ${label(c)}`).join(', ')}`)
  const close = didYouMean(wanted, machine === undefined ? cases.map((c) => c.name) : cases.map(label))
  return fail(`the MockConfigFile has no test case ${quoted(wanted)}${close === undefined ? '' : `; did you mean ${quoted(close)}?`}`, `its test cases are ${listed}`)
}
