/**
 * Column types between DuckDB and the Glue Data Catalog. Glue stores Hive type names; a crawler
 * reading Parquet maps INT32 to `int`, INT64 to `bigint`, DECIMAL to `decimal(p,s)`, and so on
 * (https://docs.aws.amazon.com/athena/latest/ug/data-types.html lists the names).
 */

/**
 * The Glue type a DuckDB column type becomes.
 *
 * @example glueTypeOf('DECIMAL(12,2)') // 'decimal(12,2)'; glueTypeOf('VARCHAR[]') // 'array<string>'
 */
export function glueTypeOf(duckdbType: string): string {
  const type = duckdbType.trim()
  if (type.endsWith('[]')) return `array<${glueTypeOf(type.slice(0, -2))}>`
  const fixedArray = /^(.*)\[\d+\]$/.exec(type)
  if (fixedArray?.[1] !== undefined) return `array<${glueTypeOf(fixedArray[1])}>`
  const decimal = /^DECIMAL\((\d+),\s*(\d+)\)$/i.exec(type)
  if (decimal !== null) return `decimal(${decimal[1]},${decimal[2]})`
  const struct = /^STRUCT\((.*)\)$/is.exec(type)
  if (struct?.[1] !== undefined) {
    return `struct<${splitTopLevel(struct[1])
      .map((field) => {
        const { name, rest } = fieldName(field)
        return `${name}:${glueTypeOf(rest)}`
      })
      .join(',')}>`
  }
  const map = /^MAP\((.*)\)$/is.exec(type)
  if (map?.[1] !== undefined) {
    const [key = 'VARCHAR', value = 'VARCHAR'] = splitTopLevel(map[1])
    return `map<${glueTypeOf(key)},${glueTypeOf(value)}>`
  }
  return PRIMITIVE_TO_GLUE[type.toUpperCase()] ?? 'string'
}

/**
 * The DuckDB type a Glue primitive type reads as, or undefined for nested types (read as the Parquet holds them).
 *
 * @example duckdbTypeOf('decimal(38,2)') // 'DECIMAL(38,2)'
 */
export function duckdbTypeOf(glueType: string): string | undefined {
  const type = glueType.trim().toLowerCase()
  const decimal = /^decimal\((\d+),\s*(\d+)\)$/.exec(type)
  if (decimal !== null) return `DECIMAL(${decimal[1]},${decimal[2]})`
  if (/^(var)?char\(\d+\)$/.test(type)) return 'VARCHAR'
  return GLUE_TO_PRIMITIVE[type]
}

const PRIMITIVE_TO_GLUE: Readonly<Record<string, string>> = {
  VARCHAR: 'string',
  BOOLEAN: 'boolean',
  TINYINT: 'tinyint',
  SMALLINT: 'smallint',
  INTEGER: 'int',
  BIGINT: 'bigint',
  UTINYINT: 'smallint',
  USMALLINT: 'int',
  UINTEGER: 'bigint',
  UBIGINT: 'decimal(20,0)',
  HUGEINT: 'decimal(38,0)',
  FLOAT: 'float',
  DOUBLE: 'double',
  DATE: 'date',
  TIMESTAMP: 'timestamp',
  'TIMESTAMP_MS': 'timestamp',
  'TIMESTAMP_NS': 'timestamp',
  'TIMESTAMP_S': 'timestamp',
  'TIMESTAMP WITH TIME ZONE': 'timestamp',
  BLOB: 'binary',
  UUID: 'string',
  TIME: 'string',
  JSON: 'string',
}

const GLUE_TO_PRIMITIVE: Readonly<Record<string, string>> = {
  string: 'VARCHAR',
  varchar: 'VARCHAR',
  char: 'VARCHAR',
  boolean: 'BOOLEAN',
  tinyint: 'TINYINT',
  smallint: 'SMALLINT',
  int: 'INTEGER',
  integer: 'INTEGER',
  bigint: 'BIGINT',
  float: 'FLOAT',
  real: 'FLOAT',
  double: 'DOUBLE',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
  binary: 'BLOB',
}

/** Splits `a INTEGER, b DECIMAL(1,2)` at the commas outside parentheses. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = []
  let depth = 0
  let quoted = false
  let start = 0
  for (let index = 0; index < text.length; index++) {
    const char = text[index]
    if (char === '"') quoted = !quoted
    else if (!quoted && char === '(') depth++
    else if (!quoted && char === ')') depth--
    else if (!quoted && depth === 0 && char === ',') {
      parts.push(text.slice(start, index).trim())
      start = index + 1
    }
  }
  parts.push(text.slice(start).trim())
  return parts.filter((part) => part !== '')
}

function fieldName(field: string): { name: string; rest: string } {
  if (field.startsWith('"')) {
    const end = field.indexOf('"', 1)
    return { name: field.slice(1, end), rest: field.slice(end + 1).trim() }
  }
  const space = field.indexOf(' ')
  return { name: field.slice(0, space), rest: field.slice(space + 1).trim() }
}
