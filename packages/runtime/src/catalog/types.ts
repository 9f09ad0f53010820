/**
 * The local Glue Data Catalog's records, in the shapes Glue's GetTable and GetPartitions return
 * (https://docs.aws.amazon.com/glue/latest/webapi/API_Table.html, API_Partition.html). Dates are
 * ISO strings: what the SDK's Date becomes in a Step Functions result.
 */

export interface GlueColumn {
  readonly Name: string
  /** A Hive type as Glue writes it: `string`, `int`, `bigint`, `decimal(12,2)`, `array<string>`, ... */
  readonly Type: string
  readonly Comment?: string
}

export interface GlueSerdeInfo {
  readonly SerializationLibrary: string
  readonly Parameters: Readonly<Record<string, string>>
}

export interface GlueStorageDescriptor {
  readonly Columns: readonly GlueColumn[]
  /** `s3://bucket/prefix/`: the table's folder, or a partition's. */
  readonly Location: string
  readonly InputFormat: string
  readonly OutputFormat: string
  readonly Compressed: boolean
  readonly NumberOfBuckets: number
  readonly SerdeInfo: GlueSerdeInfo
  readonly BucketColumns: readonly string[]
  readonly SortColumns: readonly never[]
  readonly Parameters: Readonly<Record<string, string>>
  readonly StoredAsSubDirectories: boolean
}

export interface GlueTable {
  readonly Name: string
  readonly DatabaseName: string
  readonly CreateTime: string
  readonly UpdateTime: string
  readonly Retention: number
  readonly StorageDescriptor: GlueStorageDescriptor
  readonly PartitionKeys: readonly GlueColumn[]
  readonly TableType: 'EXTERNAL_TABLE'
  readonly Parameters: Readonly<Record<string, string>>
  readonly CreatedBy: string
  readonly IsRegisteredWithLakeFormation: boolean
  readonly CatalogId: string
  readonly VersionId: string
}

export interface GluePartition {
  readonly Values: readonly string[]
  readonly DatabaseName: string
  readonly TableName: string
  readonly CreationTime: string
  readonly LastAccessTime: string
  readonly StorageDescriptor: GlueStorageDescriptor
  readonly Parameters: Readonly<Record<string, string>>
  readonly CatalogId: string
}

/** One `.dlc/catalog/<database>/<table>.json`: GetTable's answer plus the table's partitions. */
export interface CatalogTableFile {
  readonly Table: GlueTable
  readonly Partitions: readonly GluePartition[]
}

/** One line of a database's crawl log (`_crawler-log.jsonl`), what CloudWatch's /aws-glue/crawlers would hold. */
export interface CrawlLogEntry {
  readonly time: string
  readonly crawler: string
  readonly table?: string
  readonly level: 'INFO' | 'WARN' | 'ERROR'
  readonly message: string
}
