/**
 * A definition or template as JSON: two-space indent and a trailing newline, the form the files are committed in.
 *
 * @example writeFileSync('nightly.asl.json', toJson(definition))
 */
export function toJson(value: object): string {
  return JSON.stringify(value, null, 2) + '\n'
}

/**
 * A definition or template as YAML, block style with two-space indent. A string is written
 * plain only when every YAML reader, 1.1 or 1.2, reads it back as that same string; otherwise
 * it is double-quoted with JSON's escapes, which YAML shares. So `Yes`, `on`, `0x1F`,
 * `2024-01-01` and `null` stay strings (SAM reads YAML 1.1), and long strings (JSONata, SQL)
 * are never folded.
 *
 * @example writeFileSync('nightly.asl.yaml', toYaml(definition))
 */
export function toYaml(value: object): string {
  return `${block(value, '')}\n`
}

function block(value: unknown, indent: string): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return `${indent}[]`
    return value.map((item) => `${indent}- ${nested(item, `${indent}  `).trimStart()}`).join('\n')
  }
  if (isObject(value)) {
    const entries = Object.entries(value).filter(([, item]) => item !== undefined)
    if (entries.length === 0) return `${indent}{}`
    return entries.map(([key, item]) => `${indent}${scalar(key, indent)}:${isCollection(item) ? `\n${block(item, `${indent}  `)}` : ` ${scalar(item, indent)}`}`).join('\n')
  }
  return `${indent}${scalar(value, indent)}`
}

/** A value under a key or a dash: collections on their own lines, scalars inline. */
function nested(value: unknown, indent: string): string {
  return isCollection(value) ? block(value, indent) : `${indent}${scalar(value, indent.slice(2))}`
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function isCollection(value: unknown): boolean {
  return (Array.isArray(value) && value.length > 0) || (isObject(value) && Object.keys(value).length > 0)
}

/** A scalar on the line of its key (at `indent`) or dash; text with line breaks as a literal block below it. */
function scalar(value: unknown, indent = ''): string {
  if (value === null) return 'null'
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (Array.isArray(value)) return '[]'
  if (isObject(value)) return '{}'
  const text = String(value)
  if (isPlainSafe(text)) return text
  if (isLiteralSafe(text)) return `|-\n${text.split('\n').map((line) => (line === '' ? '' : `${indent}  ${line}`)).join('\n')}`
  // Single quotes escape nothing but themselves: JSON inside a string reads better that way.
  if (text.includes('"') && !CONTROL.test(text)) return `'${text.replaceAll("'", "''")}'`
  return JSON.stringify(text)
}

/** First characters that make YAML read something other than a plain string. */
const INDICATOR = /^[-?:,[\]{}#&*!|>'"%@`\s]/
/** Words YAML 1.1 or 1.2 read as booleans or null, in any case, and the merge and value keys. */
const KEYWORD = /^(?:y|n|yes|no|on|off|true|false|null|~|<<|=)$/i
/**
 * Anything that starts like a number, date or time (`1.5`, `0x1F`, `2024-01-01`, `.inf`, `+1`;
 * YAML 1.1 reads `.` and `._` as floats) is quoted, and so is an exponent alone (`E0`), which
 * lenient YAML 1.1 readers take for a float too.
 */
const NUMERIC = /^[-+]?[0-9.]|^[-+]?[eE][-+]?[0-9]+$/
/** Characters only a double-quoted scalar can hold (as escapes). */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]/
/** `: ` and ` #` inside a plain scalar start a mapping or a comment; control characters need escapes. */
const BREAKS = new RegExp(`: |:$| #|\\s$|${CONTROL.source}`)

/**
 * Multi-line text (SQL, comments) reads best as a literal block (`|-`), which keeps every
 * character. Not for text a block would change: a first non-empty line that starts with a space
 * (YAML takes it for the block's indentation), lines of only spaces, a final line break, carriage
 * returns or other control characters.
 */
function isLiteralSafe(text: string): boolean {
  return text.includes('\n') && !/^\n*[ \t]|(^|\n)[ \t]+(\n|$)|\n$|[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\ufeff]/.test(text)
}

function isPlainSafe(text: string): boolean {
  return text !== '' && !INDICATOR.test(text) && !KEYWORD.test(text) && !NUMERIC.test(text) && !BREAKS.test(text)
}
