/** A place in a source file: line and column both 1-based, the column in UTF-16 code units as editors count. */
export interface Position {
  readonly line: number
  readonly column: number
}

/** Turns offsets into positions; the line starts are found once, on first use. */
export class LineIndex {
  private starts: number[] | undefined
  constructor(private readonly text: string) {}

  position(offset: number): Position {
    const starts = (this.starts ??= lineStarts(this.text))
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const middle = (low + high + 1) >> 1
      if ((starts[middle] ?? 0) <= offset) low = middle
      else high = middle - 1
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 }
  }
}

function lineStarts(text: string): number[] {
  const starts = [0]
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1)
  return starts
}

/**
 * Splits a JSON pointer into its segments. AWS writes the whole definition as `/`, so `/`
 * (which RFC 6901 reads as the key "") is the root here.
 *
 * @example pointerSegments('/States/Load~1Save/Next') // ['States', 'Load/Save', 'Next']
 */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return []
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
}
