export { etlSql, etlRuntimeSql, type EtlRuntimeValues } from './etl-sql.js'
export { decodeToUtf8 } from './encoding.js'
export { DUCKDB_PYTHON_VERSION } from './version.js'
