import type { TaskMock } from '@dlc/runtime'
import { didYouMean } from '@dlc/dsl'
import type { Finding } from './findings.js'

/** A mock read from a file, with where it was written, to point at it in warnings. */
export interface ParsedMock {
  readonly mock: TaskMock
  /** The path of its `state` (or MockConfigFile test-case entry) in the file. */
  readonly stateAt: readonly (string | number)[]
  /** The path of its `resource`, when it names one. */
  readonly resourceAt?: readonly (string | number)[]
}

/** What a mock file holds: its mocks in order (the first that matches a task answers it) and its problems. */
export interface ParsedMocks {
  readonly mocks: readonly ParsedMock[]
  readonly findings: readonly Finding[]
  /** The state machine of the MockConfigFile test case used: it names the machine in the ARNs. */
  readonly stateMachine?: string
}

export type Json = Readonly<Record<string, unknown>>

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** `"reslt"`, `reslt` as JSON shows it. */
export function quoted(name: string): string {
  return JSON.stringify(name)
}

export function invalid(path: readonly (string | number)[], message: string, hint?: string, code = 'DLC_MOCK_INVALID'): Finding {
  return { path, severity: 'ERROR', code, message, ...(hint === undefined ? {} : { hint }) }
}

/** How a wrong value is named in messages: `a string`, `null`, `a list`. */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list'
  if (value === undefined) return 'missing'
  return typeof value === 'object' ? 'an object' : `a ${typeof value} (${JSON.stringify(value)})`
}

/** A field the format does not have, with the one meant when it is close. */
export function unknownField(key: string, known: readonly string[], at: readonly (string | number)[]): Finding {
  const close = didYouMean(key, known)
  return invalid(at, `unknown field ${quoted(key)}${close === undefined ? '' : `; did you mean ${quoted(close)}?`}`, close === undefined ? `the fields here are ${known.map(quoted).join(', ')}` : undefined)
}
