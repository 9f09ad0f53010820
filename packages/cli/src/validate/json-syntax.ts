/**
 * Where JSON text first goes wrong, for the parse errors whose message V8 gives without a
 * position (`Unexpected token '}', ..."End": tru}}}" is not valid JSON`). Only called on text
 * that `JSON.parse` rejected, so it needs to find the place, not to be fast.
 *
 * @example jsonErrorOffset('{"a": tru}') // 6
 */
export function jsonErrorOffset(text: string): number {
  let pos = 0
  const fail = (): never => {
    throw pos
  }
  const whitespace = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos] ?? '')) pos++
  }
  const literal = (word: string): void => {
    for (const char of word) {
      if (text[pos] !== char) fail()
      pos++
    }
  }
  const string = (): void => {
    if (text[pos] !== '"') fail()
    pos++
    for (;;) {
      const char = text[pos]
      if (char === undefined || char < ' ') fail()
      if (char === '"') break
      if (char === '\\') {
        pos++
        if (text[pos] === 'u') {
          pos++
          for (let i = 0; i < 4; i++, pos++) if (!/[0-9a-fA-F]/.test(text[pos] ?? '')) fail()
          continue
        }
        if (!'"\\/bfnrt'.includes(text[pos] ?? 'x')) fail()
      }
      pos++
    }
    pos++
  }
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(pos, pos + 400))
    if (match === null) fail()
    pos += match?.[0].length ?? 0
  }
  const value = (): void => {
    whitespace()
    const char = text[pos]
    if (char === '{') {
      pos++
      whitespace()
      if (text[pos] === '}') return void pos++
      for (;;) {
        whitespace()
        string()
        whitespace()
        literal(':')
        value()
        whitespace()
        if (text[pos] === '}') return void pos++
        literal(',')
      }
    }
    if (char === '[') {
      pos++
      whitespace()
      if (text[pos] === ']') return void pos++
      for (;;) {
        value()
        whitespace()
        if (text[pos] === ']') return void pos++
        literal(',')
      }
    }
    if (char === '"') return string()
    if (char === 't') return literal('true')
    if (char === 'f') return literal('false')
    if (char === 'n') return literal('null')
    return number()
  }
  try {
    value()
    whitespace()
    return pos
  } catch (offset) {
    return offset as number
  }
}
