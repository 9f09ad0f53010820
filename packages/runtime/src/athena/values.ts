import {
  DuckDBArrayType,
  DuckDBArrayValue,
  DuckDBDecimalType,
  DuckDBListType,
  DuckDBListValue,
  DuckDBMapType,
  DuckDBMapValue,
  DuckDBStructType,
  DuckDBStructValue,
  DuckDBTypeId,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api'

/** GetQueryResults' ColumnInfo (https://docs.aws.amazon.com/athena/latest/APIReference/API_ColumnInfo.html). */
export interface AthenaColumnInfo {
  readonly CatalogName: string
  readonly SchemaName: string
  readonly TableName: string
  readonly Name: string
  readonly Label: string
  /** Trino's type name: `varchar`, `bigint`, `integer`, `decimal`, `double`, `date`, `timestamp`, `boolean`, `array`, `row`, `map`. */
  readonly Type: string
  readonly Precision: number
  readonly Scale: number
  readonly Nullable: 'UNKNOWN'
  readonly CaseSensitive: boolean
}

/**
 * The ColumnInfo Athena reports for a result column of a DuckDB type. DuckDB's wider integers
 * (HUGEINT from sum of integers) are Trino's bigint.
 */
export function columnInfo(name: string, type: DuckDBType): AthenaColumnInfo {
  const { athenaType, precision, scale } = athenaTypeOf(type)
  return {
    CatalogName: 'hive',
    SchemaName: '',
    TableName: '',
    Name: name,
    Label: name,
    Type: athenaType,
    Precision: precision,
    Scale: scale,
    Nullable: 'UNKNOWN',
    CaseSensitive: athenaType === 'varchar' || athenaType === 'char',
  }
}

function athenaTypeOf(type: DuckDBType): { athenaType: string; precision: number; scale: number } {
  switch (type.typeId) {
    case DuckDBTypeId.VARCHAR:
    case DuckDBTypeId.UUID:
    case DuckDBTypeId.ENUM:
      return { athenaType: 'varchar', precision: 2147483647, scale: 0 }
    case DuckDBTypeId.BOOLEAN:
      return { athenaType: 'boolean', precision: 0, scale: 0 }
    case DuckDBTypeId.TINYINT:
      return { athenaType: 'tinyint', precision: 3, scale: 0 }
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.UTINYINT:
      return { athenaType: 'smallint', precision: 5, scale: 0 }
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.USMALLINT:
      return { athenaType: 'integer', precision: 10, scale: 0 }
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return { athenaType: 'bigint', precision: 19, scale: 0 }
    case DuckDBTypeId.FLOAT:
      return { athenaType: 'real', precision: 9, scale: 0 }
    case DuckDBTypeId.DOUBLE:
      return { athenaType: 'double', precision: 17, scale: 0 }
    case DuckDBTypeId.DECIMAL: {
      const decimal = type instanceof DuckDBDecimalType ? type : undefined
      return { athenaType: 'decimal', precision: decimal?.width ?? 38, scale: decimal?.scale ?? 0 }
    }
    case DuckDBTypeId.DATE:
      return { athenaType: 'date', precision: 0, scale: 0 }
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_S:
      return { athenaType: 'timestamp', precision: 3, scale: 0 }
    case DuckDBTypeId.TIMESTAMP_TZ:
      return { athenaType: 'timestamp with time zone', precision: 3, scale: 0 }
    case DuckDBTypeId.TIME:
      return { athenaType: 'time', precision: 3, scale: 0 }
    case DuckDBTypeId.INTERVAL:
      return { athenaType: 'interval day to second', precision: 0, scale: 0 }
    case DuckDBTypeId.BLOB:
      return { athenaType: 'varbinary', precision: 2147483647, scale: 0 }
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
      return { athenaType: 'array', precision: 0, scale: 0 }
    case DuckDBTypeId.STRUCT:
      return { athenaType: 'row', precision: 0, scale: 0 }
    case DuckDBTypeId.MAP:
      return { athenaType: 'map', precision: 0, scale: 0 }
    case DuckDBTypeId.SQLNULL:
      return { athenaType: 'unknown', precision: 0, scale: 0 }
    default:
      return { athenaType: 'varchar', precision: 2147483647, scale: 0 }
  }
}

/**
 * A value as Athena writes it in the result CSV and GetQueryResults' VarCharValue, or undefined
 * for NULL: numbers as Java prints them (`1.5`, `1.0E7`), decimals with their scale, timestamps
 * with milliseconds, arrays `[a, b]`, rows and maps `{k=v}`.
 */
export function athenaText(value: DuckDBValue, type: DuckDBType): string | undefined {
  if (value === null) return undefined
  switch (type.typeId) {
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.FLOAT:
      return javaDouble(Number(value))
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_MS:
    case DuckDBTypeId.TIMESTAMP_NS:
    case DuckDBTypeId.TIMESTAMP_S:
      return withMillis(String(value))
    case DuckDBTypeId.TIMESTAMP_TZ:
      return `${withMillis(String(value).replace(/([+-]\d\d(:\d\d)?)$/, ''))} UTC`
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY: {
      const items = value instanceof DuckDBListValue || value instanceof DuckDBArrayValue ? value.items : []
      const child = type instanceof DuckDBListType || type instanceof DuckDBArrayType ? type.valueType : type
      return `[${items.map((item) => athenaText(item, child) ?? 'null').join(', ')}]`
    }
    case DuckDBTypeId.STRUCT: {
      if (!(value instanceof DuckDBStructValue) || !(type instanceof DuckDBStructType)) return String(value)
      const entries = type
      return `{${entries.entryNames.map((name, index) => `${name}=${athenaText(value.entries[name] ?? null, entries.entryTypes[index] as DuckDBType) ?? 'null'}`).join(', ')}}`
    }
    case DuckDBTypeId.MAP: {
      if (!(value instanceof DuckDBMapValue) || !(type instanceof DuckDBMapType)) return String(value)
      const map = type
      return `{${value.entries.map((entry) => `${athenaText(entry.key, map.keyType) ?? 'null'}=${athenaText(entry.value, map.valueType) ?? 'null'}`).join(', ')}}`
    }
    default:
      return String(value)
  }
}

/** Java's Double.toString: plain between 10^-3 and 10^7, else `d.dddE±n`; always a fraction digit. */
export function javaDouble(value: number): string {
  if (Number.isNaN(value)) return 'NaN'
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity'
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0'
  const magnitude = Math.abs(value)
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = String(value)
    return text.includes('.') || text.includes('e') ? text : `${text}.0`
  }
  const [mantissa = '', exponent = '0'] = value.toExponential().split('e')
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`
}

function withMillis(text: string): string {
  const match = /^(.*\d\d:\d\d:\d\d)(\.(\d+))?$/.exec(text)
  if (match === null) return text
  return `${match[1]}.${(match[3] ?? '').padEnd(3, '0').slice(0, 3)}`
}
