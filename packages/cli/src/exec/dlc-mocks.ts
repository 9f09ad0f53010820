import { didYouMean } from '@dlc/dsl'
import type { MockAnswer, TaskMock } from '@dlc/runtime'
import type { Finding } from './findings.js'
import { describe, invalid, isRecord, quoted, unknownField, type Json, type ParsedMock, type ParsedMocks } from './parsed-mocks.js'

const ENTRY_FIELDS = ['state', 'resource', 'input', 'result', 'error', 'cause', 'sequence'] as const
const ANSWER_FIELDS = ['result', 'error', 'cause'] as const
const ANSWERS = ['result', 'error', 'sequence']
const EXAMPLE = '{ "state": "Load", "result": { "JobRunState": "SUCCEEDED" } }'

type Path = readonly (string | number)[]

/**
 * Reads dlc's mock file, `{ "mocks": [...] }`: each entry names a Task by `state` and/or
 * `resource` (and, optionally, the `input` it must get) and answers with a `result`, an `error`
 * (and `cause`), or a `sequence` of those, one per attempt.
 *
 * @example parseDlcMocks({ mocks: [{ state: 'Load', sequence: [{ error: 'Glue.ThrottlingException' }, { result: {} }] }] })
 */
export function parseDlcMocks(file: Json): ParsedMocks {
  const findings: Finding[] = []
  for (const key of Object.keys(file)) {
    if (key !== 'mocks') findings.push(unknownField(key, ['mocks'], [key]))
  }
  const list = file['mocks']
  if (!Array.isArray(list)) {
    findings.push(invalid(['mocks'], '"mocks" must be a list of mocks', `"mocks": [${EXAMPLE}]`))
    return { mocks: [], findings }
  }
  const mocks: ParsedMock[] = []
  list.forEach((entry: unknown, index) => {
    const parsed = parseEntry(entry, ['mocks', index], findings)
    if (parsed !== undefined) mocks.push(parsed)
  })
  return { mocks, findings }
}

function parseEntry(entry: unknown, at: Path, findings: Finding[]): ParsedMock | undefined {
  if (!isRecord(entry)) {
    findings.push(invalid(at, `mock ${String(at[1])} is ${describe(entry)}, not an object`, `write it as ${EXAMPLE}`))
    return undefined
  }
  const before = findings.length
  const unknown = Object.keys(entry).filter((key) => !(ENTRY_FIELDS as readonly string[]).includes(key))
  for (const key of unknown) findings.push(unknownField(key, ENTRY_FIELDS, [...at, key]))
  const state = name(entry, 'state', at, findings)
  const resource = name(entry, 'resource', at, findings)
  if (!('state' in entry) && !('resource' in entry)) {
    findings.push(invalid(at, `mock ${String(at[1])} names no task: it needs "state", "resource" or both`, 'add "state": "<the Task state\'s name>" or "resource": "<its Resource ARN>"'))
  }
  const answers = ANSWERS.filter((key) => key in entry)
  let answer: Pick<TaskMock, 'answer' | 'sequence'> | undefined
  if (answers.length === 0) {
    // A misspelt "reslt" is already reported; saying the answer is missing too would be noise.
    const misspeltAnswer = unknown.some((key) => didYouMean(key, ANSWERS) !== undefined)
    if (!misspeltAnswer) findings.push(invalid(at, `mock ${String(at[1])} gives no answer: it needs "result", "error" or "sequence"`, 'answer with "result": <what the service returns>, "error": "<its error name>", or "sequence": [...], one answer per attempt'))
  } else if (answers.length > 1) {
    findings.push(invalid([...at, answers[1] ?? ''], `mock ${String(at[1])} has both ${answers.map(quoted).join(' and ')}; a mock answers with one`, 'for answers that change from attempt to attempt (retries), use "sequence": [{ "error": "..." }, { "result": ... }]'))
  } else if ('sequence' in entry) {
    if ('cause' in entry) findings.push(invalid([...at, 'cause'], '"cause" goes with "error"; in a sequence, give each answer its own', '"sequence": [{ "error": "...", "cause": "..." }, { "result": ... }]'))
    const sequence = parseSequence(entry['sequence'], [...at, 'sequence'], findings)
    if (sequence !== undefined) answer = { sequence }
  } else {
    const single = parseAnswer(entry, at, findings)
    if (single !== undefined) answer = { answer: single }
  }
  if (findings.length > before || answer === undefined) return undefined
  const mock: TaskMock = {
    ...(state === undefined ? {} : { state }),
    ...(resource === undefined ? {} : { resource }),
    ...('input' in entry ? { input: entry['input'] } : {}),
    ...answer,
  }
  return { mock, stateAt: [...at, state === undefined ? 'resource' : 'state'], ...(resource === undefined ? {} : { resourceAt: [...at, 'resource'] }) }
}

function name(entry: Json, key: 'state' | 'resource', at: Path, findings: Finding[]): string | undefined {
  if (!(key in entry)) return undefined
  const value = entry[key]
  if (typeof value === 'string' && value !== '') return value
  findings.push(invalid([...at, key], `"${key}" must be a non-empty string, not ${describe(value)}`))
  return undefined
}

function parseSequence(value: unknown, at: Path, findings: Finding[]): MockAnswer[] | undefined {
  if (!Array.isArray(value) || value.length === 0) {
    findings.push(invalid(at, `"sequence" must be a non-empty list of answers, not ${describe(value)}`, '"sequence": [{ "error": "Glue.ThrottlingException" }, { "result": { "JobRunState": "SUCCEEDED" } }]'))
    return undefined
  }
  const answers: MockAnswer[] = []
  value.forEach((item: unknown, index) => {
    const itemAt = [...at, index]
    if (!isRecord(item)) {
      findings.push(invalid(itemAt, `answer ${index} of the sequence is ${describe(item)}, not an object`, '{ "result": ... } or { "error": "...", "cause": "..." }'))
      return
    }
    for (const key of Object.keys(item)) {
      if (!(ANSWER_FIELDS as readonly string[]).includes(key)) findings.push(unknownField(key, ANSWER_FIELDS, [...itemAt, key]))
    }
    const both = 'result' in item && 'error' in item
    if (both) findings.push(invalid([...itemAt, 'error'], `answer ${index} of the sequence has both "result" and "error"; an answer is one of them`))
    if (!('result' in item) && !('error' in item)) findings.push(invalid(itemAt, `answer ${index} of the sequence has neither "result" nor "error"`, '{ "result": ... } or { "error": "...", "cause": "..." }'))
    const answer = both ? undefined : parseAnswer(item, itemAt, findings)
    if (answer !== undefined) answers.push(answer)
  })
  return answers.length === value.length ? answers : undefined
}

/** `{ result }` or `{ error, cause? }`, from an entry or a sequence item known to have one of them. */
function parseAnswer(item: Json, at: Path, findings: Finding[]): MockAnswer | undefined {
  if ('result' in item) {
    if ('cause' in item) {
      findings.push(invalid([...at, 'cause'], '"cause" goes with "error", not with "result"'))
      return undefined
    }
    return { result: item['result'] }
  }
  const error = item['error']
  const cause = item['cause']
  const goodError = typeof error === 'string' && error !== ''
  const goodCause = cause === undefined || typeof cause === 'string'
  if (!goodError) findings.push(invalid([...at, 'error'], `"error" must be the error's name, a non-empty string, not ${describe(error)}`, '"error": "Glue.ConcurrentRunsExceededException"'))
  if (!goodCause) findings.push(invalid([...at, 'cause'], `"cause" must be a string, not ${describe(cause)}`, 'a JSON cause is written as a string, as AWS reports it: "cause": "{\\"errorMessage\\": \\"...\\"}"'))
  if (!goodError || !goodCause) return undefined
  return { error, ...(cause === undefined ? {} : { cause }) }
}
