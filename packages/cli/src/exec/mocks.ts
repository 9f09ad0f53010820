import { didYouMean } from '@dlc/dsl'
import type { TaskMock } from '@dlc/runtime'
import type { FileDiagnostic } from '../diagnostics.js'
import { readSource } from '../validate/source.js'
import type { DefinedState } from './definition-states.js'
import { parseDlcMocks } from './dlc-mocks.js'
import { placeFindings, unreadableFile, type Finding } from './findings.js'
import { parseMockConfigFile } from './mock-config-file.js'
import { invalid, isRecord, quoted, type Json, type ParsedMock, type ParsedMocks } from './parsed-mocks.js'

export type MockFormat = 'dlc' | 'MockConfigFile'

export interface MockFile {
  /** dlc's `{ "mocks": [...] }` or AWS Step Functions Local's MockConfigFile. */
  readonly format: MockFormat
  readonly mocks: readonly TaskMock[]
  /** The state machine of the MockConfigFile test case used. */
  readonly stateMachine?: string
  /** Errors (the run does not start) and warnings (mocks that can never answer). */
  readonly diagnostics: readonly FileDiagnostic[]
}

/**
 * Reads a mock file, dlc's `{ "mocks": [...] }` or AWS Step Functions Local's MockConfigFile,
 * JSON or YAML, and checks each mock against the definition's states: a mock for a state that
 * is not there is a warning, as it can never answer.
 *
 * @example await readMockFile('/work/mocks.json', 'mocks.json', undefined, statesOf(definition))
 */
export async function readMockFile(path: string, file: string, testCase: string | undefined, states: ReadonlyMap<string, DefinedState>): Promise<MockFile> {
  const source = await readSource(path)
  if (!('value' in source)) return { format: 'dlc', mocks: [], diagnostics: [unreadableFile(file, source, 'name a JSON or YAML mock file: { "mocks": [{ "state": "Load", "result": {} }] }')] }
  const value = source.value
  const format: MockFormat = isMockConfigFile(value) ? 'MockConfigFile' : 'dlc'
  const parsed = isMockConfigFile(value) ? parseMockConfigFile(value, testCase) : parseDlc(value, testCase)
  const findings = [...parsed.findings, ...(parsed.findings.length === 0 ? parsed.mocks.flatMap((mock) => unused(mock, states)) : [])]
  return {
    format,
    mocks: parsed.mocks.map(({ mock }) => mock),
    ...(parsed.stateMachine === undefined ? {} : { stateMachine: parsed.stateMachine }),
    diagnostics: placeFindings(file, source, findings),
  }
}

function isMockConfigFile(value: unknown): value is Json {
  return isRecord(value) && ('StateMachines' in value || 'MockedResponses' in value)
}

function parseDlc(value: unknown, testCase: string | undefined): ParsedMocks {
  if (isRecord(value) && 'mocks' in value) {
    if (testCase !== undefined) return { mocks: [], findings: [invalid([], '--test-case is for MockConfigFile mock files; this one is dlc\'s { "mocks": [...] }', 'leave out --test-case', 'DLC_MOCK_TEST_CASE')] }
    return parseDlcMocks(value)
  }
  const message = 'a mock file holds "mocks", a list of mocks, or AWS Step Functions Local\'s "StateMachines" and "MockedResponses"'
  return { mocks: [], findings: [invalid([], message, '{ "mocks": [{ "state": "Load", "result": { "JobRunState": "SUCCEEDED" } }] }')] }
}

/** Warnings for a mock that names a state or resource the definition does not have. */
function unused({ mock, stateAt, resourceAt }: ParsedMock, states: ReadonlyMap<string, DefinedState>): Finding[] {
  const tasks = [...states].filter(([, state]) => state.type === 'Task')
  const warn = (path: readonly (string | number)[], code: string, message: string, hint?: string): Finding => ({ path, severity: 'WARNING', code, message, ...(hint === undefined ? {} : { hint }) })
  const found: Finding[] = []
  if (mock.state !== undefined) {
    const state = states.get(mock.state)
    if (state === undefined) {
      const close = didYouMean(mock.state, tasks.map(([name]) => name))
      found.push(warn(stateAt, 'DLC_MOCK_UNKNOWN_STATE', `the definition has no state ${quoted(mock.state)}; this mock never answers`, close === undefined ? taskList(tasks.map(([name]) => name)) : `did you mean ${quoted(close)}?`))
    } else if (state.type !== 'Task') {
      found.push(warn(stateAt, 'DLC_MOCK_UNKNOWN_STATE', `${quoted(mock.state)} is a ${state.type} state; only Task states call a resource, so this mock never answers`))
    } else if (mock.resource !== undefined && state.resource !== mock.resource && resourceAt !== undefined) {
      found.push(warn(resourceAt, 'DLC_MOCK_UNKNOWN_RESOURCE', `the Resource of ${quoted(mock.state)} is ${quoted(state.resource ?? '')}, not ${quoted(mock.resource)}; this mock never answers`, 'leave out "resource" to mock the state whatever it calls'))
    }
  } else if (mock.resource !== undefined && resourceAt !== undefined) {
    const resources = [...new Set(tasks.flatMap(([, state]) => (state.resource === undefined ? [] : [state.resource])))]
    if (!resources.includes(mock.resource)) {
      const close = didYouMean(mock.resource, resources)
      found.push(warn(resourceAt, 'DLC_MOCK_UNKNOWN_RESOURCE', `no Task of the definition calls ${quoted(mock.resource)}; this mock never answers`, close === undefined ? `the Tasks call ${resources.map(quoted).join(', ') || 'nothing'}` : `did you mean ${quoted(close)}?`))
    }
  }
  return found
}

function taskList(names: readonly string[]): string {
  if (names.length === 0) return 'the definition has no Task state'
  const shown = names.slice(0, 10).map(quoted).join(', ')
  return `its Task states are ${shown}${names.length > 10 ? `, and ${names.length - 10} more` : ''}`
}
