/**
 * A Markdown table, padded so it also reads as plain text; the first column is left-aligned and
 * the others right-aligned unless `align` says otherwise.
 *
 * @example console.log(markdownTable(['tool', 'µs'], [['dlc', '41.0']]))
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[], align: 'numbers' | 'marks' = 'numbers'): string {
  const all = [header, ...rows]
  const widths = header.map((_, column) => Math.max(...all.map((row) => [...(row[column] ?? '')].length)))
  const pad = (cell: string, column: number) => {
    const gap = ' '.repeat((widths[column] as number) - [...cell].length)
    if (column === 0) return cell + gap
    return align === 'numbers' ? gap + cell : cell + gap
  }
  const line = (row: readonly string[]) => `| ${row.map((cell, column) => pad(cell, column)).join(' | ')} |`
  const rule = `| ${widths.map((w, column) => (column === 0 || align === 'marks' ? '-'.repeat(w) : '-'.repeat(w - 1) + ':')).join(' | ')} |`
  return [line(header), rule, ...rows.map(line)].join('\n')
}

/** Microseconds with three significant-ish digits: 8.42, 84.2, 842, 8,420. */
export function us(n: number): string {
  if (n >= 1000) return Math.round(n).toLocaleString('en-US')
  return n.toFixed(n < 10 ? 2 : n < 100 ? 1 : 0)
}

export function ms(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: n < 10 ? 2 : n < 100 ? 1 : 0, minimumFractionDigits: n < 10 ? 2 : n < 100 ? 1 : 0 })
}
