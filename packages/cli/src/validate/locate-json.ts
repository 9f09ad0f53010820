import type { Position } from './position.js'
import { LineIndex } from './position.js'

/** The pointers asked for, as a tree of their segments, so one pass over the text finds them all. */
interface Wanted {
  readonly children: Map<string, Wanted>
  offset?: number
}

/**
 * Finds where each path (JSON pointer segments) starts in JSON text that `JSON.parse` accepted:
 * an object member at its key, an array item or the root at its value. A path that goes
 * further than the document resolves to its deepest part that exists. One pass over the text
 * whatever the number of paths, and only the branches that lead to a path are read closely.
 *
 * @example locateInJson('{\n  "StartAt": 1\n}', [['StartAt']]) // [{ line: 2, column: 3 }]
 */
export function locateInJson(text: string, paths: readonly (readonly string[])[]): (Position | undefined)[] {
  const root: Wanted = { children: new Map() }
  for (const path of paths) {
    let node = root
    for (const segment of path) {
      let child = node.children.get(segment)
      if (child === undefined) node.children.set(segment, (child = { children: new Map() }))
      node = child
    }
  }
  new Scanner(text).value(root)
  const lines = new LineIndex(text)
  return paths.map((path) => {
    let node: Wanted | undefined = root
    let offset = root.offset
    for (const segment of path) {
      node = node.children.get(segment)
      if (node?.offset === undefined) break
      offset = node.offset
    }
    return offset === undefined ? undefined : lines.position(offset)
  })
}

class Scanner {
  private pos = 0
  constructor(private readonly text: string) {}

  value(wanted: Wanted | undefined, keyOffset?: number): void {
    this.whitespace()
    if (wanted !== undefined) wanted.offset = keyOffset ?? this.pos
    if (wanted === undefined || wanted.children.size === 0) return this.skip()
    const first = this.text[this.pos]
    if (first === '{') this.object(wanted)
    else if (first === '[') this.array(wanted)
    else this.skip()
  }

  private object(wanted: Wanted): void {
    this.pos++
    for (;;) {
      this.whitespace()
      if (this.text[this.pos] === '}' || this.pos >= this.text.length) break
      const keyOffset = this.pos
      const key = this.key()
      this.whitespace()
      this.pos++ // the colon
      this.value(wanted.children.get(key), keyOffset)
      this.whitespace()
      if (this.text[this.pos] === ',') this.pos++
    }
    this.pos++
  }

  private array(wanted: Wanted): void {
    this.pos++
    for (let index = 0; ; index++) {
      this.whitespace()
      if (this.text[this.pos] === ']' || this.pos >= this.text.length) break
      this.value(wanted.children.get(String(index)))
      this.whitespace()
      if (this.text[this.pos] === ',') this.pos++
    }
    this.pos++
  }

  private key(): string {
    const start = this.pos
    this.string()
    const raw = this.text.slice(start, this.pos)
    return raw.includes('\\') ? (JSON.parse(raw) as string) : raw.slice(1, -1)
  }

  /** Moves past a string, the cursor on its opening quote. */
  private string(): void {
    const text = this.text
    let pos = this.pos + 1
    for (;;) {
      const quote = text.indexOf('"', pos)
      if (quote === -1) {
        pos = text.length
        break
      }
      let backslashes = 0
      while (text[quote - 1 - backslashes] === '\\') backslashes++
      pos = quote + 1
      if (backslashes % 2 === 0) break
    }
    this.pos = pos
  }

  /** Moves past a value no path goes into. */
  private skip(): void {
    const text = this.text
    let depth = 0
    while (this.pos < text.length) {
      const char = text[this.pos]
      if (char === '"') {
        this.string()
        if (depth === 0) return
        continue
      }
      if (char === '{' || char === '[') depth++
      else if (char === '}' || char === ']') {
        if (depth === 0) return
        depth--
        if (depth === 0) {
          this.pos++
          return
        }
      } else if (depth === 0 && (char === ',' || char === ' ' || char === '\n' || char === '\r' || char === '\t')) return
      this.pos++
    }
  }

  private whitespace(): void {
    const text = this.text
    for (;;) {
      const char = text[this.pos]
      if (char !== ' ' && char !== '\n' && char !== '\r' && char !== '\t') return
      this.pos++
    }
  }
}
