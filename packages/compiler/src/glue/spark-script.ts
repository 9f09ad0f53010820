import type { DatasetNode } from '@dlc/dsl'
import { pythonList, pythonString } from './python.js'
import { header } from './shell-script.js'
import { sparkStatements } from './spark-sql.js'

const SPARK_ENCODING: Readonly<Record<DatasetNode['source']['encoding'], string>> = { 'utf-8': 'UTF-8', 'latin-1': 'ISO-8859-1', 'windows-1252': 'windows-1252' }

/** The Glue `glueetl` job (Spark 3.3/3.5): the same inputs, outputs and SQL semantics on Spark. */
export function sparkScript(dataset: DatasetNode, jobName: string, common: string): string {
  const source = dataset.source
  return `${header(dataset, jobName)}
import json
import os
import shutil
import sys
import tempfile
import time

import boto3
from awsglue.context import GlueContext
from awsglue.utils import getResolvedOptions
from pyspark.context import SparkContext
from pyspark.sql import functions as F
from pyspark.sql.types import StringType, StructField, StructType

DATASET = ${JSON.stringify(dataset.name)}
PARTITION_BY = ${pythonList(dataset.partitionBy.map((partition) => partition.name))}
COMPRESSION = ${JSON.stringify(dataset.target.compression === 'uncompressed' ? 'none' : dataset.target.compression)}
CSV_OPTIONS = {
    "header": "true",
    "sep": ${JSON.stringify(source.delimiter)},
    "quote": ${JSON.stringify(source.quote)},
    "escape": ${JSON.stringify(source.escape)},
    "encoding": ${JSON.stringify(SPARK_ENCODING[source.encoding])},
    "multiLine": "true",
    "mode": "PERMISSIVE",
    "columnNameOfCorruptRecord": "_corrupt_record",
}
SPECIAL = (${JSON.stringify(source.delimiter)}, ${JSON.stringify(source.quote)}, "\\r", "\\n")

# sparkStatements() of the dataset, run in order over the view dlc_raw.
ETL_STATEMENTS = [
${sparkStatements(dataset).map((statement) => `    ${pythonString(statement, '        ')},`).join('\n')}
]


${common}

def csv_field(column):
    """A field written back as CSV text, quoted only where it must be."""
    needs_quotes = F.lit(False)
    for char in SPECIAL:
        needs_quotes = needs_quotes | F.col(column).contains(char)
    quoted = F.concat(F.lit(CSV_OPTIONS["quote"]), F.regexp_replace(F.col(column), "\\\\Q" + CSV_OPTIONS["quote"] + "\\\\E", CSV_OPTIONS["escape"] + CSV_OPTIONS["quote"]), F.lit(CSV_OPTIONS["quote"]))
    return F.when(F.col(column).isNull(), F.lit("")).when(needs_quotes, quoted).otherwise(F.col(column))


def read_file(spark, path, index, batch_date):
    """One CSV file as text columns named by its own header, with the dlc_raw bookkeeping columns."""
    names = [name.lstrip("\\ufeff") for name in spark.read.options(**CSV_OPTIONS).csv(path).columns]
    schema = StructType([StructField(name, StringType()) for name in names] + [StructField("_corrupt_record", StringType())])
    # multiLine files are never split: one partition per file keeps monotonically_increasing_id in file order.
    frame = spark.read.options(**CSV_OPTIONS).schema(schema).csv(path)
    malformed = F.col("_corrupt_record").isNotNull()
    return (
        frame.withColumn("_dlc_malformed", malformed)
        .withColumn("_dlc_record", F.when(malformed, F.col("_corrupt_record")).otherwise(F.concat_ws(CSV_OPTIONS["sep"], *[csv_field(name) for name in names])))
        .withColumn("_dlc_file", F.lit(os.path.basename(path)))
        .withColumn("_dlc_file_index", F.lit(index))
        .withColumn("_dlc_position", F.monotonically_increasing_id())
        .withColumn("_dlc_header_fields", F.lit(len(names)))
        .withColumn("_dlc_batch_date", F.lit(batch_date))
        .drop("_corrupt_record")
    )


def run_etl(spark, paths, batch_date):
    raw = None
    for index, path in enumerate(paths):
        frame = read_file(spark, path, index + 1, batch_date)
        raw = frame if raw is None else raw.unionByName(frame, allowMissingColumns=True)
    raw.cache().createOrReplaceTempView("dlc_raw")
    for statement in ETL_STATEMENTS:
        spark.sql(statement)
    spark.sql("CACHE TABLE dlc_checked")
    row = spark.table("report").first()
    return {name: int(row[name]) for name in ["rows_read", "rows_written", "rows_rejected", "rows_deduplicated", "partitions"]}


def write_parquet(s3, frame, uri, staging, batch_date, partition_by):
    """Writes through a staging prefix, then replaces this batch's files under uri with part-<batch_date>-<n>.parquet."""
    writer = frame.write.mode("overwrite").option("compression", COMPRESSION)
    if partition_by:
        writer = writer.partitionBy(*partition_by)
    writer.parquet(staging)
    bucket, prefix = split_s3_uri(staging)
    prefix = as_prefix(prefix)
    folder = tempfile.mkdtemp(prefix="dlc-")
    try:
        written = [key for key in list_keys(s3, bucket, prefix) if key.endswith(".parquet")]
        for number, key in enumerate(written):
            relative = os.path.dirname(key[len(prefix):])
            path = os.path.join(folder, relative, "part-%s-%d.parquet" % (batch_date, number))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            s3.download_file(bucket, key, path)
        replace_batch_files(s3, uri, folder, batch_date)
        stale = list_keys(s3, bucket, prefix)
        for start in range(0, len(stale), 1000):
            s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": key} for key in stale[start:start + 1000]], "Quiet": True})
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def main():
    args = getResolvedOptions(sys.argv, ["batch_date", "source", "target", "quarantine", "report"])
    started = time.time()
    batch_date = check_batch_date(args["batch_date"])
    spark = GlueContext(SparkContext.getOrCreate()).spark_session
    # A text that does not cast or parse is NULL (then a reason), never a failed job.
    spark.conf.set("spark.sql.ansi.enabled", "false")
    spark.conf.set("spark.sql.legacy.timeParserPolicy", "CORRECTED")
    s3 = boto3.client("s3")
    bucket, keys = batch_keys(s3, args["source"])
    figures = run_etl(spark, ["s3://" + bucket + "/" + key for key in keys], batch_date)
    check_accounting(figures)
    staging = as_prefix(args["target"]) + "_dlc_staging/" + batch_date + "/"
    write_parquet(s3, spark.table("clean"), args["target"], staging + "clean/", batch_date, PARTITION_BY)
    # batch_date is the quarantine's Hive partition (its folder name), so the files leave it out.
    write_parquet(s3, spark.table("rejected").drop("batch_date").coalesce(1), as_prefix(args["quarantine"]) + "batch_date=" + batch_date + "/", staging + "rejected/", batch_date, [])
    put_report(s3, args["report"], figures, batch_date, time.time() - started)


if __name__ == "__main__":
    main()
`
}
