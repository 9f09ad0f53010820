import { IntrinsicFailure } from '../failure.js'
import { argument, isString, type IntrinsicFunction } from './arguments.js'

export const format: IntrinsicFunction = (args, _effects, name) => {
  const template = argument(name, args, 0, 'a string', isString)
  // A literal template keeps its escaped braces out of the placeholders; a template read from a
  // path has no escapes, so every `{}` in it is a placeholder.
  const pieces = args[0]?.literal?.pieces ?? template.split('{}')
  const values = args.slice(1)
  if (values.length !== pieces.length - 1) throw new IntrinsicFailure(name, `the template has ${pieces.length - 1} placeholders but ${values.length} arguments follow it`)
  return pieces.reduce((text, piece, index) => text + render(values[index - 1]?.value) + piece)
}

/**
 * How AWS prints a value into a template: strings bare, objects and arrays the way Java prints
 * maps and lists (the recorded vectors show `{Arg1=1, Arg2=[]}`).
 */
function render(value: unknown): string {
  if (typeof value === 'string') return value
  if (Array.isArray(value)) return `[${value.map(render).join(', ')}]`
  if (value !== null && typeof value === 'object') return `{${Object.entries(value).map(([key, item]) => `${key}=${render(item)}`).join(', ')}}`
  return String(value)
}

export const stringSplit: IntrinsicFunction = (args, _effects, name) => {
  const text = argument(name, args, 0, 'a string', isString)
  const delimiters = argument(name, args, 1, 'a string', isString)
  // Each character of the second argument is a delimiter, and empty pieces are dropped (AWS
  // splits "a,,b" on "," into ["a", "b"]).
  const pieces: string[] = []
  let piece = ''
  for (const char of text) {
    if (delimiters.includes(char)) {
      if (piece !== '') pieces.push(piece)
      piece = ''
    } else piece += char
  }
  if (piece !== '') pieces.push(piece)
  return pieces
}

export const uuid: IntrinsicFunction = (_args, effects) => effects.uuid()
