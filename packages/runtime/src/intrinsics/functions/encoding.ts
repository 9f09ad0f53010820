import { createHash } from 'node:crypto'
import { IntrinsicFailure } from '../failure.js'
import { argument, isString, type IntrinsicFunction } from './arguments.js'

/** The guide caps the text States.Base64Encode, States.Base64Decode and States.Hash accept. */
const MAX_CHARACTERS = 10_000

/** AWS's algorithm names and node:crypto's. */
const ALGORITHMS: Readonly<Record<string, string>> = { MD5: 'md5', 'SHA-1': 'sha1', 'SHA-256': 'sha256', 'SHA-384': 'sha384', 'SHA-512': 'sha512' }

function limitedText(name: string, text: string): string {
  if (text.length > MAX_CHARACTERS) throw new IntrinsicFailure(name, `the input has ${text.length} characters; at most ${MAX_CHARACTERS} are allowed`)
  return text
}

export const base64Encode: IntrinsicFunction = (args, _effects, name) => {
  const text = limitedText(name, argument(name, args, 0, 'a string', isString))
  return Buffer.from(text, 'utf8').toString('base64')
}

export const base64Decode: IntrinsicFunction = (args, _effects, name) => {
  const encoded = limitedText(name, argument(name, args, 0, 'a string', isString))
  // Buffer.from skips characters outside the alphabet silently; AWS refuses them.
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(encoded)) throw new IntrinsicFailure(name, 'the input is not valid base64')
  return Buffer.from(encoded, 'base64').toString('utf8')
}

export const hash: IntrinsicFunction = (args, _effects, name) => {
  const data = limitedText(name, argument(name, args, 0, 'a string', isString))
  const algorithm = argument(name, args, 1, 'a string', isString)
  const nodeName = ALGORITHMS[algorithm]
  if (nodeName === undefined) throw new IntrinsicFailure(name, `the algorithm '${algorithm}' is not one of ${Object.keys(ALGORITHMS).join(', ')}`)
  return createHash(nodeName).update(data, 'utf8').digest('hex')
}
