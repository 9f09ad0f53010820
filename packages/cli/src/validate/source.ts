import { readFile, stat } from 'node:fs/promises'
import { extname } from 'node:path'
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'
import { CLOUDFORMATION_TAGS } from './cfn-tags.js'
import { jsonErrorOffset } from './json-syntax.js'
import { locateInJson } from './locate-json.js'
import { LineIndex, type Position } from './position.js'

/** Past this a file is not read at all; AWS takes definitions up to 1 MiB and templates up to 1 MB. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024

/** A file read and parsed, that can say where each of its parts starts. */
export interface SourceDocument {
  readonly format: 'json' | 'yaml'
  /** The text as read, which AWS's CloudFormation validator parses for itself. */
  readonly text: string
  readonly value: unknown
  /** Where each path (pointer segments) starts, or its deepest part that exists. */
  locate(paths: readonly (readonly string[])[]): (Position | undefined)[]
  /**
   * For a YAML literal block (`DefinitionString: !Sub |`) at the path: where the text's own
   * line:column is in the file, so findings inside a definition string can point at their line.
   */
  inBlock?(path: readonly string[]): ((inner: Position) => Position) | undefined
}

/** Why a file could not be read as a document, with where when the parser knows. */
export interface SourceProblem {
  readonly code: string
  readonly message: string
  readonly position?: Position
  readonly hint?: string
}

/** Reads a file and parses it as JSON or YAML by its extension; never throws for a bad file. */
export async function readSource(path: string): Promise<SourceDocument | SourceProblem> {
  let bytes: Buffer
  try {
    const { size } = await stat(path)
    if (size > MAX_FILE_BYTES) {
      return {
        code: 'DLC_FILE_TOO_LARGE',
        message: `the file is ${megabytes(size)}; dlc reads files up to ${megabytes(MAX_FILE_BYTES)}`,
        hint: 'AWS accepts state machine definitions up to 1 MiB',
      }
    }
    bytes = await readFile(path)
  } catch (error) {
    return { code: 'DLC_READ_FAILED', message: `cannot read the file: ${(error as Error).message}` }
  }
  const text = decode(bytes)
  if (typeof text !== 'string') return text
  return parseSource(text, formatOf(path, text))
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

function decode(bytes: Buffer): string | SourceProblem {
  const hint = 'name a JSON or YAML state machine definition, or a CloudFormation/SAM template'
  if (bytes.subarray(0, 8192).includes(0)) return { code: 'DLC_BINARY_FILE', message: 'this is a binary file, not JSON or YAML text', hint }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return { code: 'DLC_BINARY_FILE', message: 'this file is not UTF-8 text', hint }
  }
}

/** JSON or YAML: by the file's extension, else by whether the text starts like JSON. */
export function formatOf(path: string, text: string): 'json' | 'yaml' {
  const extension = extname(path).toLowerCase()
  if (extension === '.json') return 'json'
  if (extension === '.yaml' || extension === '.yml') return 'yaml'
  return /^\s*[{[]/.test(text) ? 'json' : 'yaml'
}

/** Parses text as JSON or as YAML with CloudFormation's short-form tags. */
export function parseSource(text: string, format: 'json' | 'yaml'): SourceDocument | SourceProblem {
  return format === 'json' ? parseJson(text) : parseYaml(text)
}

function parseJson(text: string): SourceDocument | SourceProblem {
  try {
    const value: unknown = JSON.parse(text)
    return { format: 'json', text, value, locate: (paths) => locateInJson(text, paths) }
  } catch (error) {
    return invalidJson(text, (error as Error).message)
  }
}

/**
 * AWS's code for a definition that does not parse, with the position `JSON.parse` names turned
 * into a line and column.
 */
export function invalidJson(text: string, parserMessage: string): SourceProblem {
  const at = /at position (\d+)/.exec(parserMessage)
  const offset = at === null ? jsonErrorOffset(text) : Number(at[1])
  const message = parserMessage.replace(/(, .*is not valid JSON| in JSON at position \d+.*)$/s, '')
  return {
    code: 'INVALID_JSON_DESCRIPTION',
    message: `not valid JSON: ${message}`,
    position: new LineIndex(text).position(offset),
  }
}

function parseYaml(text: string): SourceDocument | SourceProblem {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { customTags: [...CLOUDFORMATION_TAGS], lineCounter, prettyErrors: false })
  const [error] = document.errors
  if (error !== undefined) {
    const { line, col } = lineCounter.linePos(error.pos[0])
    return { code: 'INVALID_JSON_DESCRIPTION', message: `not valid YAML: ${error.message.split('\n')[0]}`, position: { line, column: col } }
  }
  let value: unknown
  try {
    value = document.toJS({ maxAliasCount: 100 })
  } catch (problem) {
    return { code: 'INVALID_JSON_DESCRIPTION', message: `not valid YAML: ${(problem as Error).message}` }
  }
  return {
    format: 'yaml',
    text,
    value,
    locate: (paths) =>
      paths.map((path) => {
        const offset = yamlOffset(document.contents, path)
        if (offset === undefined) return undefined
        const { line, col } = lineCounter.linePos(offset)
        return { line, column: col }
      }),
    inBlock: (path) => {
      const node = yamlNode(document.contents, path)
      if (!isScalar(node) || node.type !== 'BLOCK_LITERAL' || !node.range) return undefined
      const header = lineCounter.linePos(node.range[0]).line
      const firstContent = /^(?:[ \t]*\n)*( *)\S/.exec(text.slice(lineCounter.lineStarts[header] ?? text.length))
      const indent = firstContent?.[1]?.length ?? 0
      return (inner) => ({ line: header + inner.line, column: indent + inner.column })
    },
  }
}

function yamlNode(root: Node | null, path: readonly string[]): unknown {
  let node: unknown = root
  for (const segment of path) {
    if (isMap(node)) node = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment)?.value
    else return undefined
  }
  return node
}

/** Where the deepest node of a path starts: a map entry at its key, a sequence item at itself. */
function yamlOffset(root: Node | null, path: readonly string[]): number | undefined {
  let node: unknown = root
  let offset = root?.range?.[0]
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment)
      if (pair === undefined) break
      offset = isScalar(pair.key) ? pair.key.range?.[0] : offset
      node = pair.value
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)]
      if (item === undefined || !/^\d+$/.test(segment)) break
      offset = (item as Node).range?.[0] ?? offset
      node = item
    } else break
  }
  return offset
}
