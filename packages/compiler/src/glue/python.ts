/**
 * A Python expression for a string, exact to the character: one JSON string literal per line
 * (JSON's escapes are Python's too), in parentheses, so a long SQL text stays readable.
 */
export function pythonString(text: string, indent = '    '): string {
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? ['']
  if (lines.length === 1) return JSON.stringify(lines[0])
  return `(\n${lines.map((line) => `${indent}${JSON.stringify(line)}`).join('\n')}\n)`
}

/** A Python list of strings. */
export function pythonList(values: readonly string[]): string {
  return `[${values.map((value) => JSON.stringify(value)).join(', ')}]`
}
