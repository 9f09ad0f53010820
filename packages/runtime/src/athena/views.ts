import type { DuckDBConnection } from '@duckdb/node-api'
import { dataFiles, type DataFile } from '../catalog/data-files.js'
import { fileList, sqlString } from '../catalog/crawl.js'
import { duckdbTypeOf } from '../catalog/glue-types.js'
import type { CatalogTableFile, GlueColumn } from '../catalog/types.js'

/**
 * Creates a table's view on a connection (TEMP: the connection's own) as Athena reads the table:
 * the Parquet files of the catalog's partitions (a partition folder the crawler has not added yet
 * is not read, as on AWS), every catalog column cast to its catalog type (NULL where a file lacks
 * it), the partition keys from the folder names, and `"$path"`, the file's s3:// URI, when the
 * query reads it. Returns the bytes of the files it reads.
 *
 * @example await createTableView(connection, '.dlc/s3', salesTable, true)
 */
export async function createTableView(connection: DuckDBConnection, s3Root: string, table: CatalogTableFile, withPath: boolean): Promise<number> {
  const files = await tableFiles(s3Root, table)
  const name = quoteName(table.Table.Name)
  const columns = table.Table.StorageDescriptor.Columns
  const keys = table.Table.PartitionKeys
  if (files.length === 0) {
    const nulls = [...columns, ...keys].map((column) => `CAST(NULL AS ${duckdbTypeOf(column.Type) ?? 'VARCHAR'}) AS ${quoteName(column.Name)}`)
    if (withPath) nulls.push(`CAST(NULL AS VARCHAR) AS "$path"`)
    await connection.run(`CREATE OR REPLACE TEMP VIEW ${name} AS SELECT ${nulls.join(', ')} WHERE false`)
    return 0
  }
  const source = `read_parquet(${fileList(files)}, hive_partitioning = true, hive_types_autocast = false, union_by_name = true)`
  const present = new Set((await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`)).getRowObjectsJS().map((row) => String(row.column_name).toLowerCase()))
  const select = [...columns, ...keys].map((column) => projection(column, present.has(column.Name.toLowerCase())))
  if (withPath) select.push(`replace(filename, ${sqlString(`${s3Root}/`)}, 's3://') AS "$path"`)
  await connection.run(`CREATE OR REPLACE TEMP VIEW ${name} AS SELECT ${select.join(', ')} FROM ${source}`)
  return files.reduce((sum, file) => sum + file.size, 0)
}

/** The files Athena reads for a table: those under each partition's location, or under the table's when it has no partition keys. */
export async function tableFiles(s3Root: string, table: CatalogTableFile): Promise<DataFile[]> {
  const locations = table.Table.PartitionKeys.length === 0 ? [table.Table.StorageDescriptor.Location] : table.Partitions.map((partition) => partition.StorageDescriptor.Location)
  const files: DataFile[] = []
  for (const location of new Set(locations)) {
    const match = /^s3:\/\/([^/]+)\/(.*)$/.exec(location)
    if (match?.[1] === undefined) continue
    files.push(...(await dataFiles(s3Root, match[1], match[2] ?? '')))
  }
  return files
}

function projection(column: GlueColumn, present: boolean): string {
  const type = duckdbTypeOf(column.Type)
  const name = quoteName(column.Name)
  if (!present) return `CAST(NULL AS ${type ?? 'VARCHAR'}) AS ${name}`
  return type === undefined ? name : `CAST(${name} AS ${type}) AS ${name}`
}

export function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`
}
