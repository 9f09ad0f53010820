import type { DuckDBConnection } from '@duckdb/node-api'
import type { LocalCatalog } from './catalog.js'
import { dataFiles, isParquet, partitionFolders, type DataFile } from './data-files.js'
import { glueTypeOf } from './glue-types.js'
import type { CatalogTableFile, CrawlLogEntry, GlueColumn, GluePartition, GlueStorageDescriptor, GlueTable } from './types.js'

/** One S3 folder a crawler turns into one table. */
export interface CrawlTableInput {
  readonly crawler: string
  readonly database: string
  readonly table: string
  readonly bucket: string
  /** The key prefix of the table's folder, ending in `/`. */
  readonly prefix: string
  /** The folder the local S3 keeps its buckets in. */
  readonly s3Root: string
  readonly catalogId: string
  readonly now: Date
}

export interface CrawlTableResult {
  /** `created`/`updated` when the catalog changed, `unchanged`, or `skipped` when the folder holds no data. */
  readonly outcome: 'created' | 'updated' | 'unchanged' | 'skipped'
  readonly table?: CatalogTableFile
  readonly log: readonly CrawlLogEntry[]
}

const PARQUET_FORMAT = {
  InputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat',
  OutputFormat: 'org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat',
  SerdeInfo: { SerializationLibrary: 'org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe', Parameters: { 'serialization.format': '1' } },
} as const

/**
 * Crawls one table's folder into the catalog as a Glue crawler with SchemaChangePolicy
 * UPDATE_IN_DATABASE / DeleteBehavior LOG does: the columns from the Parquet files' schema, the
 * partition keys from the `name=value` folders (typed `string`, as a crawler types them), new
 * columns appended, a column whose type changed updated and the change logged, columns,
 * partitions and tables whose data went away kept and logged. A folder with no data makes no table.
 *
 * @example await crawlTable(connection, catalog, { crawler: 'c', database: 'sales_db', table: 'sales', bucket: 'lake', prefix: 'processed/sales/', s3Root, catalogId: '000000000000', now: new Date() })
 */
export async function crawlTable(connection: DuckDBConnection, catalog: LocalCatalog, input: CrawlTableInput): Promise<CrawlTableResult> {
  const log: CrawlLogEntry[] = []
  const note = (level: CrawlLogEntry['level'], message: string): void => {
    log.push({ time: input.now.toISOString(), crawler: input.crawler, table: input.table, level, message })
  }
  const location = `s3://${input.bucket}/${input.prefix}`
  const existing = await catalog.table(input.database, input.table)

  const files: DataFile[] = []
  for (const file of await dataFiles(input.s3Root, input.bucket, input.prefix)) {
    if (await isParquet(file.file)) files.push(file)
    else note('WARN', `s3://${input.bucket}/${file.key} is not Parquet; the crawler skips it.`)
  }
  const layout = partitionLayout(input.prefix, files, note)
  if (layout.files.length === 0) {
    note('INFO', existing === undefined ? `No data under ${location}; no table created.` : `No data under ${location}; DeleteBehavior LOG keeps the table ${input.database}.${input.table}.`)
    return { outcome: existing === undefined ? 'skipped' : 'unchanged', ...(existing === undefined ? {} : { table: existing }), log }
  }

  const partitionKeys = new Set(layout.keys)
  const found = (await parquetColumns(connection, layout.files)).filter((column) => {
    if (!partitionKeys.has(column.Name)) return true
    note('WARN', `The column ${column.Name} is also a partition key; the partition key wins.`)
    return false
  })
  const columns = existing === undefined ? found : mergeColumns(existing.Table.StorageDescriptor.Columns, found, note)
  const keys = existing === undefined || sameNames(existing.Table.PartitionKeys, layout.keys) ? layout.keys.map((name) => ({ Name: name, Type: 'string' })) : keepKeys(existing, layout.keys, note)

  const stats = await parquetStats(connection, layout.files)
  const now = input.now.toISOString()
  const parameters = {
    CrawlerSchemaDeserializerVersion: '1.0',
    CrawlerSchemaSerializerVersion: '1.0',
    UPDATED_BY_CRAWLER: input.crawler,
    averageRecordSize: String(stats.rows === 0 ? 0 : Math.round(stats.bytes / stats.rows)),
    classification: 'parquet',
    compressionType: 'none',
    objectCount: String(layout.files.length),
    recordCount: String(stats.rows),
    sizeKey: String(stats.bytes),
    typeOfData: 'file',
  }
  const descriptor = (at: string, columnsOf: readonly GlueColumn[]): GlueStorageDescriptor => ({
    Columns: columnsOf,
    Location: at,
    ...PARQUET_FORMAT,
    Compressed: false,
    NumberOfBuckets: -1,
    BucketColumns: [],
    SortColumns: [],
    Parameters: parameters,
    StoredAsSubDirectories: false,
  })
  const table: GlueTable = {
    Name: input.table,
    DatabaseName: input.database,
    CreateTime: existing?.Table.CreateTime ?? now,
    UpdateTime: now,
    Retention: 0,
    StorageDescriptor: descriptor(location, columns),
    PartitionKeys: keys,
    TableType: 'EXTERNAL_TABLE',
    Parameters: parameters,
    CreatedBy: existing?.Table.CreatedBy ?? input.crawler,
    IsRegisteredWithLakeFormation: false,
    CatalogId: input.catalogId,
    VersionId: String(existing === undefined ? 0 : Number(existing.Table.VersionId) + 1),
  }
  const partitions = mergePartitions(existing?.Partitions ?? [], layout.partitions, (values) => ({
    Values: values,
    DatabaseName: input.database,
    TableName: input.table,
    CreationTime: now,
    LastAccessTime: now,
    StorageDescriptor: descriptor(`${location}${keys.map((key, index) => `${key.Name}=${values[index] ?? ''}/`).join('')}`, columns),
    Parameters: parameters,
    CatalogId: input.catalogId,
  }), note)

  if (existing !== undefined && sameSchema(existing, table) && partitions.added === 0) {
    note('INFO', `No change to ${input.database}.${input.table}.`)
    return { outcome: 'unchanged', table: existing, log }
  }
  const file: CatalogTableFile = { Table: table, Partitions: partitions.list }
  await catalog.putTable(file)
  note('INFO', `${existing === undefined ? 'Created' : 'Updated'} ${input.database}.${input.table}: ${columns.length} columns, ${keys.length} partition keys, ${partitions.list.length} partitions.`)
  return { outcome: existing === undefined ? 'created' : 'updated', table: file, log }
}

interface Layout {
  readonly files: readonly DataFile[]
  readonly keys: readonly string[]
  /** Each partition's values, in key order, once. */
  readonly partitions: readonly (readonly string[])[]
}

// Glue makes one table of a folder whose files sit at one depth with the same keys; other files would be other tables.
function partitionLayout(prefix: string, files: readonly DataFile[], note: (level: CrawlLogEntry['level'], message: string) => void): Layout {
  const first = files[0]
  if (first === undefined) return { files: [], keys: [], partitions: [] }
  const keys = partitionFolders(prefix, first.key).map((folder) => folder.key)
  const kept: DataFile[] = []
  const partitions = new Map<string, string[]>()
  for (const file of files) {
    const folders = partitionFolders(prefix, file.key)
    if (folders.length !== keys.length || folders.some((folder, index) => folder.key !== keys[index])) {
      note('WARN', `${file.key} is not in the table's partition layout (${keys.map((key) => `${key}=`).join('/') || 'no partitions'}); the crawler skips it.`)
      continue
    }
    kept.push(file)
    const values = folders.map((folder) => folder.value)
    partitions.set(JSON.stringify(values), values)
  }
  return { files: kept, keys, partitions: [...partitions.values()] }
}

async function parquetColumns(connection: DuckDBConnection, files: readonly DataFile[]): Promise<GlueColumn[]> {
  const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet(${fileList(files)}, union_by_name = true, hive_partitioning = false)`)
  return reader.getRowObjectsJS().map((row) => ({ Name: String(row.column_name).toLowerCase(), Type: glueTypeOf(String(row.column_type)) }))
}

async function parquetStats(connection: DuckDBConnection, files: readonly DataFile[]): Promise<{ rows: number; bytes: number }> {
  const reader = await connection.runAndReadAll(`SELECT coalesce(sum(num_rows), 0)::BIGINT AS n FROM parquet_file_metadata(${fileList(files)})`)
  return { rows: Number(reader.getRowObjectsJS()[0]?.n ?? 0), bytes: files.reduce((sum, file) => sum + file.size, 0) }
}

export function fileList(files: readonly { readonly file: string }[]): string {
  return `[${files.map((file) => sqlString(file.file)).join(', ')}]`
}

export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`
}

function mergeColumns(old: readonly GlueColumn[], found: readonly GlueColumn[], note: (level: CrawlLogEntry['level'], message: string) => void): GlueColumn[] {
  const byName = new Map(found.map((column) => [column.Name, column]))
  const merged = old.map((column) => {
    const now = byName.get(column.Name)
    if (now === undefined) {
      note('INFO', `The column ${column.Name} is no longer in the data; DeleteBehavior LOG keeps it.`)
      return column
    }
    if (now.Type !== column.Type) {
      note('WARN', `The column ${column.Name} changed type from ${column.Type} to ${now.Type}; UPDATE_IN_DATABASE updates it.`)
      return { ...column, Type: now.Type }
    }
    return column
  })
  const known = new Set(old.map((column) => column.Name))
  for (const column of found) {
    if (known.has(column.Name)) continue
    note('INFO', `New column ${column.Name} ${column.Type} added.`)
    merged.push(column)
  }
  return merged
}

function keepKeys(existing: CatalogTableFile, found: readonly string[], note: (level: CrawlLogEntry['level'], message: string) => void): GlueColumn[] {
  note('WARN', `The data's partition keys (${found.join(', ')}) differ from the table's (${existing.Table.PartitionKeys.map((key) => key.Name).join(', ')}); the table keeps its keys.`)
  return [...existing.Table.PartitionKeys]
}

function mergePartitions(
  old: readonly GluePartition[],
  found: readonly (readonly string[])[],
  create: (values: readonly string[]) => GluePartition,
  note: (level: CrawlLogEntry['level'], message: string) => void,
): { list: GluePartition[]; added: number } {
  const seen = new Set(found.map((values) => JSON.stringify(values)))
  const list: GluePartition[] = []
  for (const partition of old) {
    if (!seen.has(JSON.stringify(partition.Values))) note('INFO', `The partition ${partition.Values.join('/')} has no data any more; DeleteBehavior LOG keeps it.`)
    list.push(partition)
  }
  const known = new Set(old.map((partition) => JSON.stringify(partition.Values)))
  let added = 0
  for (const values of found) {
    if (known.has(JSON.stringify(values))) continue
    list.push(create(values))
    added++
  }
  list.sort((a, b) => compareValues(a.Values, b.Values))
  if (added > 0) note('INFO', `${added} new partition${added === 1 ? '' : 's'} added.`)
  return { list, added }
}

function compareValues(a: readonly string[], b: readonly string[]): number {
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const left = a[index] ?? ''
    const right = b[index] ?? ''
    if (left !== right) return left < right ? -1 : 1
  }
  return 0
}

function sameNames(columns: readonly GlueColumn[], names: readonly string[]): boolean {
  return columns.length === names.length && columns.every((column, index) => column.Name === names[index])
}

function sameSchema(existing: CatalogTableFile, table: GlueTable): boolean {
  const before = existing.Table
  return (
    JSON.stringify(before.StorageDescriptor.Columns) === JSON.stringify(table.StorageDescriptor.Columns) &&
    JSON.stringify(before.PartitionKeys) === JSON.stringify(table.PartitionKeys) &&
    JSON.stringify(before.Parameters) === JSON.stringify(table.Parameters)
  )
}
