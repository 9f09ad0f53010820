import type { Cursor } from './cursor.js'
import { frozen, type FilterValue } from './nodes.js'

const NUMBER = /-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y
const WORD = /(?:true|false|null)(?![\w$])/y

/**
 * Reads a filter literal: 'text' or "text", a number, true, false, null, a JSON array or object
 * (quotes may be single, as Jayway's permissive JSON reader allows), or /regex/ with an optional i.
 *
 * @example readLiteral(new Cursor("['a', 'b']")) // { type: 'json', value: ['a', 'b'] }
 */
export function readLiteral(cursor: Cursor): FilterValue {
  const char = cursor.char()
  if (char === "'" || char === '"') return frozen({ type: 'string', value: cursor.quoted() })
  if (char === '/') return readPattern(cursor)
  if (char === '[' || char === '{') return frozen({ type: 'json', value: deepFreeze(readJson(cursor)) })
  const scalar = readScalar(cursor)
  if (scalar === undefined) cursor.fail('expected a value: a path (@ or $), a quoted string, a number, true, false, null, [...], {...} or /regex/')
  return scalar
}

function readScalar(cursor: Cursor): FilterValue | undefined {
  WORD.lastIndex = cursor.at
  const word = WORD.exec(cursor.text)?.[0]
  if (word !== undefined) {
    cursor.at += word.length
    return word === 'null' ? frozen<FilterValue>({ type: 'null' }) : frozen<FilterValue>({ type: 'boolean', value: word === 'true' })
  }
  NUMBER.lastIndex = cursor.at
  const text = NUMBER.exec(cursor.text)?.[0]
  if (text === undefined) return undefined
  cursor.at += text.length
  return frozen<FilterValue>({ type: 'number', value: Number(text), text })
}

function readJson(cursor: Cursor): unknown {
  cursor.skipSpaces()
  const open = cursor.at
  if (cursor.char() === '[') {
    cursor.at++
    const items: unknown[] = []
    cursor.skipSpaces()
    if (cursor.char() === ']') {
      cursor.at++
      return items
    }
    for (;;) {
      items.push(readJson(cursor))
      cursor.skipSpaces()
      if (cursor.done) cursor.fail(`unclosed '[' at character ${open + 1}`)
      if (cursor.char() === ']') break
      cursor.expect(',', "expected ',' or ']' in the array")
    }
    cursor.at++
    return items
  }
  if (cursor.char() === '{') {
    cursor.at++
    const entries: [string, unknown][] = []
    cursor.skipSpaces()
    while (cursor.char() !== '}') {
      if (cursor.done) cursor.fail(`unclosed '{' at character ${open + 1}`)
      if (entries.length > 0) cursor.expect(',', "expected ',' or '}' in the object")
      cursor.skipSpaces()
      if (cursor.char() !== "'" && cursor.char() !== '"') cursor.fail('expected a quoted key')
      const key = cursor.quoted()
      cursor.expect(':', "expected ':' after the key")
      entries.push([key, readJson(cursor)])
      cursor.skipSpaces()
    }
    cursor.at++
    return Object.fromEntries(entries)
  }
  if (cursor.char() === "'" || cursor.char() === '"') return cursor.quoted()
  const scalar = readScalar(cursor)
  if (scalar === undefined) cursor.fail('expected a JSON value')
  return scalar.type === 'null' ? null : 'value' in scalar ? scalar.value : null
}

/** `/regex/` or `/regex/i`. Jayway matches the whole text (Java's `matches()`), so the pattern is anchored. */
function readPattern(cursor: Cursor): FilterValue {
  const open = cursor.at
  cursor.at++
  let body = ''
  while (!cursor.done && cursor.char() !== '/') {
    const length = cursor.char() === '\\' && cursor.peek(1) !== undefined ? 2 : 1
    body += cursor.text.slice(cursor.at, cursor.at + length)
    cursor.at += length
  }
  if (cursor.done) cursor.fail('unclosed regular expression', open)
  cursor.at++
  const flags = cursor.char() === 'i' ? 'i' : ''
  cursor.at += flags.length
  try {
    return frozen({ type: 'pattern', value: new RegExp(`^(?:${body})$`, flags) })
  } catch (error) {
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /, '')
    return cursor.fail(`/${body}/ is not a valid regular expression: ${reason}`, open)
  }
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const member of Object.values(value)) deepFreeze(member)
    Object.freeze(value)
  }
  return value
}
