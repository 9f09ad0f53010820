import { readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Subject } from './tools.js'

const HERE = fileURLToPath(new URL('.', import.meta.url))

/** The public corpus of real-world definitions (../shared/fixtures/asl-corpus, from the repository root). */
export const CORPUS_DIR = join(HERE, '../../../shared/fixtures/asl-corpus')

/** The single-definition workloads: the same 20-state order workflow in each query language. */
export const ORDER_WORKLOADS = [
  { name: 'order, 20 states, JSONPath', file: 'order-jsonpath.asl.json', jsonata: false },
  { name: 'order, 20 states, JSONata', file: 'order-jsonata.asl.json', jsonata: true },
] as const

/** Reads a definition file as both its text and its parsed object. */
export function subjectOf(path: string, type?: Subject['type']): Subject {
  const text = readFileSync(path, 'utf8')
  const subject = { label: basename(path), text, definition: JSON.parse(text) as unknown }
  return type === undefined ? subject : { ...subject, type }
}

export function orderSubject(file: string): Subject {
  return subjectOf(join(HERE, 'fixtures', file))
}

/**
 * Every definition at the top of the corpus folder, sorted by name: the files that parse.
 * `index.json` is the corpus's own index and the one malformed file sits in `malformed/`.
 */
export function corpusSubjects(): Subject[] {
  return readdirSync(CORPUS_DIR)
    .filter((file) => file.endsWith('.json') && file !== 'index.json')
    .sort()
    .map((file) => subjectOf(join(CORPUS_DIR, file)))
}
