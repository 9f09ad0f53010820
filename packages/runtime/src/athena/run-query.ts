import type { DuckDBConnection } from '@duckdb/node-api'
import { LocalCatalog } from '../catalog/catalog.js'
import { AthenaQueryError, fromDuckDBError } from './errors.js'
import type { ResultCell } from './results.js'
import { rewriteQuery } from './rewrite.js'
import { shimStatements } from './shims.js'
import { athenaText, columnInfo, type AthenaColumnInfo } from './values.js'
import { createTableView } from './views.js'

export interface AthenaQueryInput {
  readonly query: string
  readonly database: string
  readonly parameters?: readonly string[]
}

/** Where the local Athena reads: the catalog folder, the local S3 root, and DuckDB. */
export interface AthenaEngine {
  readonly catalogDir: string
  readonly s3Root: string
  connect(): Promise<DuckDBConnection>
}

export type AthenaQueryOutcome =
  | {
      readonly state: 'SUCCEEDED'
      readonly columns: readonly AthenaColumnInfo[]
      /** The data rows (no header). */
      readonly rows: readonly (readonly ResultCell[])[]
      readonly dataScannedInBytes: number
    }
  | { readonly state: 'FAILED'; readonly error: AthenaQueryError; readonly dataScannedInBytes: number }

/**
 * Runs one Athena query in DuckDB over the catalog's tables: rewrites it (parameters, qualifiers,
 * Trino shims), creates a view per table it names on a fresh connection (with Trino's integer
 * division and UTC), and renders the answer as Athena's text. A query DuckDB rejects comes back
 * FAILED with Athena's error name and position, never thrown.
 *
 * @example const outcome = await runAthenaQuery({ catalogDir, s3Root, connect }, { query: 'SELECT count(*) AS n FROM sales', database: 'sales_db' })
 */
export async function runAthenaQuery(engine: AthenaEngine, input: AthenaQueryInput): Promise<AthenaQueryOutcome> {
  const catalog = new LocalCatalog(engine.catalogDir)
  let scanned = 0
  let connection: DuckDBConnection | undefined
  try {
    const tables = new Set(await catalog.tables(input.database))
    const rewritten = rewriteQuery({ query: input.query, database: input.database, parameters: input.parameters ?? [], tables })
    connection = await engine.connect()
    await connection.run("SET integer_division = true; SET TimeZone = 'UTC'")
    for (const statement of shimStatements()) await connection.run(statement)
    for (const name of rewritten.tables) {
      const table = await catalog.table(input.database, name)
      if (table !== undefined) scanned += await createTableView(connection, engine.s3Root, table, rewritten.usesPath)
    }
    const names = await outputNames(connection, rewritten.sql)
    let reader
    try {
      reader = await connection.runAndReadAll(rewritten.sql)
    } catch (error) {
      throw fromDuckDBError(error instanceof Error ? error.message : String(error), rewritten.sql, input.database)
    }
    const types = reader.columnTypes()
    const duckNames = reader.columnNames()
    const columns = types.map((type, index) => columnInfo(names?.[index] ?? (duckNames[index] ?? `_col${index}`).toLowerCase(), type))
    const rows = reader.getRows().map((row) => row.map((value, index) => athenaText(value, types[index] as (typeof types)[number])))
    return { state: 'SUCCEEDED', columns, rows, dataScannedInBytes: scanned }
  } catch (error) {
    if (error instanceof AthenaQueryError) return { state: 'FAILED', error, dataScannedInBytes: scanned }
    throw error
  } finally {
    connection?.closeSync()
  }
}

interface SerializedNode {
  readonly type?: string
  readonly select_list?: readonly { readonly class?: string; readonly alias?: string; readonly column_names?: readonly string[] }[]
  readonly left?: SerializedNode
}

/**
 * The result's column names as Athena gives them: the alias, a column's own name, or `_col<n>` for
 * an unnamed expression; lowercased. Undefined when DuckDB's names must do (a `*` in the list).
 * A syntax error surfaces here as Athena's SYNTAX_ERROR; only queries run (Athena's DDL does not).
 */
async function outputNames(connection: DuckDBConnection, sql: string): Promise<string[] | undefined> {
  const reader = await connection.runAndReadAll(`SELECT json_serialize_sql(${`'${sql.replaceAll("'", "''")}'`}) AS ast`)
  const ast = JSON.parse(String(reader.getRowObjectsJS()[0]?.ast ?? '{}')) as {
    error?: boolean
    error_type?: string
    error_message?: string
    position?: string
    statements?: readonly { readonly node?: SerializedNode }[]
  }
  if (ast.error === true) {
    if (ast.error_type === 'parser') {
      const offset = Number(ast.position ?? 0)
      const before = sql.slice(0, offset).split('\n')
      throw new AthenaQueryError('SYNTAX_ERROR', ast.error_message ?? 'syntax error', { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 })
    }
    throw new AthenaQueryError('NOT_SUPPORTED', `dlc's local Athena runs queries only (SELECT, WITH, VALUES): ${ast.error_message ?? ''}`.trim())
  }
  if (ast.statements?.length !== 1) throw new AthenaQueryError('SYNTAX_ERROR', 'Only one statement is supported')
  let node = ast.statements[0]?.node
  while (node?.type === 'SET_OPERATION_NODE') node = node.left
  const list = node?.select_list
  if (list === undefined || list.some((item) => item.class === 'STAR')) return undefined
  return list.map((item, index) => {
    if (item.alias !== undefined && item.alias !== '') return item.alias.toLowerCase()
    if (item.class === 'COLUMN_REF') return (item.column_names?.at(-1) ?? `_col${index}`).toLowerCase()
    return `_col${index}`
  })
}
