import { Cursor } from './cursor.js'
import { readFilter } from './filter-parse.js'
import { frozen, type ParsedPath, type PathRoot, type PathStep, type Selector } from './nodes.js'

const INPUT: PathRoot = frozen({ kind: 'input' })
const CONTEXT: PathRoot = frozen({ kind: 'context' })
const VARIABLE_NAME = /[A-Za-z_][A-Za-z0-9_]*/y
const INTEGER = /-?\d+/y
/** Characters that end a path inside a filter: relational operators and the filter's `)`. */
const FILTER_PATH_END = new Set(['<', '>', '=', '~', '!', ')'])
const JAVA_INT_MAX = 2_147_483_647

/** The parsed paths by text: states read the same few paths on every execution. */
const cache = new Map<string, ParsedPath>()
const CACHE_LIMIT = 10_000

/**
 * Parses a JSONPath as Step Functions reads it (Jayway JsonPath, rooted at `$` the input, `$$` the
 * context object or `$name` a variable). Parsed paths are cached and frozen. Throws
 * `PathSyntaxError`, naming the problem and the character, for text that is not a path.
 *
 * @example parsePath("$.orders[0]['id']").steps // [{ kind: 'name', name: 'orders', at: 1 }, { kind: 'index', index: 0, at: 8 }, { kind: 'name', name: 'id', at: 11 }]
 */
export function parsePath(text: string): ParsedPath {
  const cached = cache.get(text)
  if (cached !== undefined) return cached
  const cursor = new Cursor(text)
  const root = readRoot(cursor)
  const parsed: ParsedPath = frozen({ text, root, ...readSteps(cursor, 'path') })
  if (cache.size >= CACHE_LIMIT) cache.clear()
  cache.set(text, parsed)
  return parsed
}

function readRoot(cursor: Cursor): PathRoot {
  if (cursor.char() !== '$') cursor.fail("a path starts with '$'")
  cursor.at++
  if (cursor.char() === '$') {
    cursor.at++
    return CONTEXT
  }
  VARIABLE_NAME.lastIndex = cursor.at
  const name = VARIABLE_NAME.exec(cursor.text)?.[0]
  if (name === undefined) return INPUT
  cursor.at += name.length
  return frozen({ kind: 'variable', name })
}

/**
 * Reads the steps after a root. In a filter (`mode` 'filter') the path ends where the filter's
 * syntax goes on: at a space, an operator or `)`.
 */
export function readSteps(cursor: Cursor, mode: 'path' | 'filter'): Selector {
  const steps: PathStep[] = []
  new StepReader(cursor, mode, steps).read()
  let definitePrefix = 0
  for (const step of steps) {
    if (!isDefinite(step, definitePrefix === steps.length - 1)) break
    definitePrefix++
  }
  return frozen({ steps, definite: definitePrefix === steps.length, definitePrefix })
}

/** Jayway's definite steps: one name, one index, a function, or names merged as the last step. */
function isDefinite(step: PathStep, last: boolean): boolean {
  return step.kind === 'name' || step.kind === 'index' || step.kind === 'function' || (step.kind === 'names' && last)
}

class StepReader {
  constructor(
    private readonly cursor: Cursor,
    private readonly mode: 'path' | 'filter',
    private readonly steps: PathStep[],
  ) {}

  read(): void {
    const cursor: Cursor = this.cursor
    while (!cursor.done) {
      const at = cursor.at
      if (cursor.char() === '[') {
        this.bracket()
      } else if (cursor.char() === '.' && cursor.peek(1) === '.') {
        cursor.at += 2
        this.steps.push(frozen({ kind: 'descendants', at }))
        if (cursor.char() === '.') cursor.fail("'...' is not valid: '..' selects descendants")
        if (cursor.done || this.endsHere()) cursor.fail("'..' must be followed by a name, '*' or '[...]'", at)
        this.member()
      } else if (cursor.char() === '.') {
        cursor.at++
        if (cursor.done) cursor.fail("a path cannot end with '.'", at)
        this.member()
      } else if (this.mode === 'filter') {
        return
      } else {
        cursor.fail(`expected '.' or '[' before '${cursor.char() ?? ''}'`)
      }
    }
  }

  /** What follows a dot: `[...]` (Jayway reads `$.[0]` as `$[0]`), `*` or a name. */
  private member(): void {
    const cursor: Cursor = this.cursor
    if (cursor.char() === '[') return this.bracket()
    if (cursor.char() === '*') {
      this.steps.push(frozen({ kind: 'wildcard', at: cursor.at }))
      cursor.at++
      return
    }
    this.name()
  }

  private endsHere(): boolean {
    return this.mode === 'filter' && (this.cursor.isSpace() || FILTER_PATH_END.has(this.cursor.char() ?? ''))
  }

  /** A dot-notation name runs to the next `.`, `[` or `(`, as in Jayway: `$.delivery-partner` is one name. */
  private name(): void {
    const cursor: Cursor = this.cursor
    const start = cursor.at
    while (!cursor.done && cursor.char() !== '.' && cursor.char() !== '[' && cursor.char() !== '(') {
      if (cursor.isSpace()) {
        if (this.mode === 'path') cursor.fail("a field name cannot contain spaces: write it as ['my field']")
        break
      }
      if (this.mode === 'filter') {
        if (FILTER_PATH_END.has(cursor.char() ?? '')) break
        if (cursor.startsWith('&&') || cursor.startsWith('||')) cursor.fail("write spaces around '&&' and '||': without them AWS reads them as part of the field name")
      }
      cursor.at++
    }
    if (cursor.at === start) cursor.fail('expected a field name')
    const name = cursor.text.slice(start, cursor.at)
    if (cursor.char() !== '(') {
      this.steps.push(frozen({ kind: 'name', name, at: start }))
      return
    }
    if (cursor.peek(1) !== ')') cursor.fail('path functions take no arguments here')
    cursor.at += 2
    this.steps.push(frozen({ kind: 'function', name, at: start }))
    if (!cursor.done && (this.mode === 'path' || cursor.char() === '.' || cursor.char() === '[')) cursor.fail(`a path function such as ${name}() must end the path`)
  }

  private bracket(): void {
    const cursor: Cursor = this.cursor
    const open = cursor.at
    cursor.at++
    cursor.skipSpaces()
    const char = cursor.char()
    if (char === '*') {
      cursor.at++
      this.steps.push(frozen({ kind: 'wildcard', at: open }))
    } else if (char === "'" || char === '"') {
      this.names(open)
    } else if (char === '?') {
      cursor.at++
      cursor.skipSpaces()
      if (cursor.char() !== '(') cursor.fail('a filter is written [?(...)]')
      this.steps.push(frozen({ kind: 'filter', filter: readFilter(cursor), at: open }))
    } else if (char === '(') {
      cursor.fail('script expressions such as [(@.length-1)] are not supported; [-1] selects the last item')
    } else if (char !== undefined && /[-:\d]/.test(char)) {
      this.numbers(open)
    } else {
      cursor.fail("expected an index, a quoted name, '*' or a filter after '['")
    }
    cursor.expect(']', `expected ']' to close the '[' at character ${open + 1}`)
  }

  private names(at: number): void {
    const cursor: Cursor = this.cursor
    const names: string[] = []
    for (;;) {
      cursor.skipSpaces()
      if (cursor.char() !== "'" && cursor.char() !== '"') cursor.fail('expected a quoted name')
      names.push(cursor.quoted())
      cursor.skipSpaces()
      if (cursor.char() !== ',') break
      cursor.at++
    }
    const [name] = names
    this.steps.push(names.length === 1 && name !== undefined ? frozen({ kind: 'name', name, at }) : frozen({ kind: 'names', names, at }))
  }

  /** `[2]`, `[-1]`, `[0,2]`, `[1:3]`, `[:2]`, `[-2:]`. */
  private numbers(at: number): void {
    const cursor: Cursor = this.cursor
    const from = this.integer()
    cursor.skipSpaces()
    if (cursor.char() === ':') {
      cursor.at++
      cursor.skipSpaces()
      const to = this.integer()
      cursor.skipSpaces()
      if (cursor.char() === ':') cursor.fail('slice steps such as [0:10:2] are not supported')
      if (from === undefined && to === undefined) cursor.fail('a slice needs a start, an end or both, as in [1:3]', at)
      this.steps.push(frozen({ kind: 'slice', from, to, at }))
      return
    }
    if (from === undefined) cursor.fail('expected an index')
    const indexes = [from]
    while (cursor.char() === ',') {
      cursor.at++
      cursor.skipSpaces()
      const index = this.integer()
      if (index === undefined) cursor.fail("expected an index after ','")
      indexes.push(index)
      cursor.skipSpaces()
    }
    this.steps.push(indexes.length === 1 ? frozen({ kind: 'index', index: from, at }) : frozen({ kind: 'indexes', indexes, at }))
  }

  private integer(): number | undefined {
    const cursor: Cursor = this.cursor
    INTEGER.lastIndex = cursor.at
    const digits = INTEGER.exec(cursor.text)?.[0]
    if (digits === undefined) return undefined
    const value = Number(digits)
    if (Math.abs(value) > JAVA_INT_MAX) cursor.fail(`the index ${digits} is out of range`)
    cursor.at += digits.length
    return value
  }
}
