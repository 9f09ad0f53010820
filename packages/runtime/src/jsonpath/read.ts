import { parsePath } from './parse.js'
import { NOT_FOUND, select, type PathRead } from './select.js'

/** What a path can start from: `$` the state input, `$$` the context object, `$name` a variable. */
export interface PathRoots {
  readonly input: unknown
  readonly context?: unknown
  readonly variables?: Readonly<Record<string, unknown>>
}

/**
 * Reads a JSONPath as Step Functions does (Jayway JsonPath). A definite path (names and single
 * indexes) gives its value, or `{ found: false }`; an indefinite one (wildcard, slice, union,
 * filter, `..`) gives the array of every match, possibly empty. An undefined variable or a missing
 * context object is not found. Never changes the input; the value shares its parts with it, so
 * treat it as read-only. Throws `PathSyntaxError` when the text is not a path.
 *
 * @example readPath('$.store.book[?(@.price < 10)].title', { input: store }) // { found: true, value: ['Sayings of the Century', 'Moby Dick'] }
 * @example readPath('$.missing', { input: {} }) // { found: false }
 */
export function readPath(text: string, roots: PathRoots): PathRead {
  const path = parsePath(text)
  const { root } = path
  if (root.kind === 'input') return select(path, roots.input)
  if (root.kind === 'context') return roots.context === undefined ? NOT_FOUND : select(path, roots.context)
  const { variables } = roots
  if (variables === undefined || !Object.hasOwn(variables, root.name)) return NOT_FOUND
  return select(path, variables[root.name])
}
