"""Glue job sales-etl: the dlc ETL of dataset "sales", generated from its spec; do not edit.

Job arguments (S3 URIs): --batch_date YYYY-MM-DD, --source (the batch prefix, e.g.
s3://bucket/raw/sales/2026-11-24/), --target (the processed table prefix),
--quarantine (the rejected rows prefix), --report (the report JSON object).
Re-running a batch replaces its earlier files (part-<batch_date>-<n>.parquet) instead of adding rows.
"""
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

DATASET = "sales"
PARTITION_BY = ["year", "month"]
COMPRESSION = "snappy"
CSV_OPTIONS = {
    "header": "true",
    "sep": ",",
    "quote": "\"",
    "escape": "\"",
    "encoding": "UTF-8",
    "multiLine": "true",
    "mode": "PERMISSIVE",
    "columnNameOfCorruptRecord": "_corrupt_record",
}
SPECIAL = (",", "\"", "\r", "\n")

# sparkStatements() of the dataset, run in order over the view dlc_raw.
ETL_STATEMENTS = [
    (
        "-- The records Spark could split into the header's fields.\n"
        "CREATE OR REPLACE TEMP VIEW dlc_rows AS\n"
        "SELECT *, row_number() OVER (PARTITION BY _dlc_file_index ORDER BY _dlc_position) AS _dlc_row\n"
        "FROM dlc_raw WHERE NOT _dlc_malformed"
),
    (
        "-- The records Spark's PERMISSIVE mode marked as corrupt (wrong field count, broken quoting).\n"
        "CREATE OR REPLACE TEMP VIEW dlc_malformed AS\n"
        "SELECT _dlc_file, _dlc_file_index, _dlc_position, CAST(NULL AS BIGINT) AS _dlc_line, _dlc_record,\n"
        "  concat('malformed record: the field count differs from the header\\'s ', CAST(_dlc_header_fields AS STRING), ', or a quote is not closed') AS _dlc_reason,\n"
        "  _dlc_batch_date\n"
        "FROM dlc_raw WHERE _dlc_malformed"
),
    (
        "-- Cleaning, level 1 of 5: each level reads the one before as columns, so no text is computed twice.\n"
        "CREATE OR REPLACE TEMP VIEW dlc_text_1 AS\n"
        "SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, _dlc_record,\n"
        "  coalesce(`order_id`, '') AS `_dlc_text_order_id`,\n"
        "  trim(BOTH concat(char(9), char(10), char(11), char(12), char(13), char(32), char(160)) FROM coalesce(`order_date`, '')) AS `_dlc_text_order_date`,\n"
        "  coalesce(`country`, '') AS `_dlc_text_country`,\n"
        "  trim(BOTH concat(char(9), char(10), char(11), char(12), char(13), char(32), char(160)) FROM coalesce(`quantity`, '')) AS `_dlc_text_quantity`,\n"
        "  trim(BOTH concat(char(9), char(10), char(11), char(12), char(13), char(32), char(160)) FROM coalesce(`unit_price`, '')) AS `_dlc_text_unit_price`,\n"
        "  trim(BOTH concat(char(9), char(10), char(11), char(12), char(13), char(32), char(160)) FROM coalesce(`paid`, '')) AS `_dlc_text_paid`\n"
        "FROM dlc_rows"
),
    (
        "-- Cleaning, level 2 of 5: each level reads the one before as columns, so no text is computed twice.\n"
        "CREATE OR REPLACE TEMP VIEW dlc_text_2 AS\n"
        "SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, _dlc_record,\n"
        "  trim(BOTH concat(char(9), char(10), char(11), char(12), char(13), char(32), char(160)) FROM CASE WHEN `_dlc_text_order_id` IN ('', 'NULL', 'N/A') THEN NULL ELSE `_dlc_text_order_id` END) AS `_dlc_text_order_id`,\n"
        "  CASE WHEN `_dlc_text_order_date` IN ('', 'NULL', 'N/A') THEN NULL ELSE `_dlc_text_order_date` END AS `_dlc_text_order_date`,\n"
        "  trim(BOTH concat(char(9), char(10), char(11), char(12), char(13), char(32), char(160)) FROM CASE WHEN `_dlc_text_country` IN ('', 'NULL', 'N/A') THEN NULL ELSE `_dlc_text_country` END) AS `_dlc_text_country`,\n"
        "  CASE WHEN `_dlc_text_quantity` IN ('', 'NULL', 'N/A') THEN NULL ELSE `_dlc_text_quantity` END AS `_dlc_text_quantity`,\n"
        "  CASE WHEN `_dlc_text_unit_price` IN ('', 'NULL', 'N/A') THEN NULL ELSE `_dlc_text_unit_price` END AS `_dlc_text_unit_price`,\n"
        "  coalesce(CASE WHEN `_dlc_text_paid` IN ('', 'NULL', 'N/A') THEN NULL ELSE `_dlc_text_paid` END, 'false') AS `_dlc_text_paid`\n"
        "FROM dlc_text_1"
),
    (
        "-- Cleaning, level 3 of 5: each level reads the one before as columns, so no text is computed twice.\n"
        "CREATE OR REPLACE TEMP VIEW dlc_text_3 AS\n"
        "SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, _dlc_record,\n"
        "  CASE WHEN `_dlc_text_order_id` IN ('', 'NULL', 'N/A') THEN NULL ELSE `_dlc_text_order_id` END AS `_dlc_text_order_id`,\n"
        "  `_dlc_text_order_date`,\n"
        "  upper(CASE WHEN `_dlc_text_country` IN ('', 'NULL', 'N/A') THEN NULL ELSE `_dlc_text_country` END) AS `_dlc_text_country`,\n"
        "  `_dlc_text_quantity`,\n"
        "  `_dlc_text_unit_price`,\n"
        "  `_dlc_text_paid`\n"
        "FROM dlc_text_2"
),
    (
        "-- Cleaning, level 4 of 5: each level reads the one before as columns, so no text is computed twice.\n"
        "CREATE OR REPLACE TEMP VIEW dlc_text_4 AS\n"
        "SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, _dlc_record,\n"
        "  `_dlc_text_order_id`,\n"
        "  `_dlc_text_order_date`,\n"
        "  CASE WHEN `_dlc_text_country` IN ('', 'NULL', 'N/A') THEN NULL ELSE `_dlc_text_country` END AS `_dlc_text_country`,\n"
        "  `_dlc_text_quantity`,\n"
        "  `_dlc_text_unit_price`,\n"
        "  `_dlc_text_paid`\n"
        "FROM dlc_text_3"
),
    (
        "-- Each column's text after the null tokens and its cleaning rules, in the order written.\n"
        "CREATE OR REPLACE TEMP VIEW dlc_text AS\n"
        "SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, _dlc_record,\n"
        "  `_dlc_text_order_id`,\n"
        "  `_dlc_text_order_date`,\n"
        "  CASE WHEN `_dlc_text_country` IN ('XX') THEN NULL ELSE `_dlc_text_country` END AS `_dlc_text_country`,\n"
        "  `_dlc_text_quantity`,\n"
        "  `_dlc_text_unit_price`,\n"
        "  `_dlc_text_paid`\n"
        "FROM dlc_text_4"
),
    (
        "-- Each column typed from its text; NULL where the text is absent or is not a valid value.\n"
        "CREATE OR REPLACE TEMP VIEW dlc_typed AS\n"
        "SELECT *,\n"
        "  `_dlc_text_order_id` AS `order_id`,\n"
        "  CASE WHEN (`_dlc_text_order_date` RLIKE '\\\\A(?:([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})|([0-9]{1,2}/[0-9]{1,2}/[0-9]{4}))\\\\z') THEN to_date(coalesce(to_timestamp(`_dlc_text_order_date`, 'yyyy-M-d'), to_timestamp(`_dlc_text_order_date`, 'd/M/yyyy'))) END AS `order_date`,\n"
        "  `_dlc_text_country` AS `country`,\n"
        "  CASE WHEN (`_dlc_text_quantity` RLIKE '\\\\A(?:[+-]?[0-9]+)\\\\z') THEN try_cast(`_dlc_text_quantity` AS INT) END AS `quantity`,\n"
        "  CASE WHEN (`_dlc_text_unit_price` RLIKE '\\\\A(?:[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+))\\\\z') THEN try_cast(`_dlc_text_unit_price` AS DECIMAL(12, 2)) END AS `unit_price`,\n"
        "  CASE WHEN lower(`_dlc_text_paid`) IN ('true', 't', 'yes', 'y', '1') THEN TRUE WHEN lower(`_dlc_text_paid`) IN ('false', 'f', 'no', 'n', '0') THEN FALSE END AS `paid`\n"
        "FROM dlc_text"
),
    (
        "-- The typed columns, the first failing check of each row in column order and the column it names, and a rejected row's record.\n"
        "CREATE OR REPLACE TEMP VIEW dlc_checked AS\n"
        "SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, `order_id`, `order_date`, `country`, `quantity`, `unit_price`, `paid`,\n"
        "  coalesce(`_dlc_check_order_id`, `_dlc_check_order_date`, `_dlc_check_quantity`, `_dlc_check_unit_price`, `_dlc_check_paid`) AS _dlc_reason, CASE WHEN `_dlc_check_order_id` IS NOT NULL THEN 'order_id' WHEN `_dlc_check_order_date` IS NOT NULL THEN 'order_date' WHEN `_dlc_check_quantity` IS NOT NULL THEN 'quantity' WHEN `_dlc_check_unit_price` IS NOT NULL THEN 'unit_price' WHEN `_dlc_check_paid` IS NOT NULL THEN 'paid' END AS _dlc_column,\n"
        "  CASE WHEN coalesce(`_dlc_check_order_id`, `_dlc_check_order_date`, `_dlc_check_quantity`, `_dlc_check_unit_price`, `_dlc_check_paid`) IS NOT NULL THEN _dlc_record END AS _dlc_record\n"
        "FROM (SELECT *,\n"
        "  CASE WHEN `order_id` IS NULL THEN 'order_id: a value is required' END AS `_dlc_check_order_id`,\n"
        "  CASE WHEN `_dlc_text_order_date` IS NOT NULL AND `order_date` IS NULL THEN concat('order_date: \"', `_dlc_text_order_date`, '\" is not a valid date (%Y-%m-%d or %d/%m/%Y)') WHEN `order_date` IS NULL THEN 'order_date: a value is required' END AS `_dlc_check_order_date`,\n"
        "  CASE WHEN `_dlc_text_quantity` IS NOT NULL AND `quantity` IS NULL THEN concat('quantity: \"', `_dlc_text_quantity`, '\" is not a valid int') WHEN `quantity` < 1 THEN concat('quantity: \"', `_dlc_text_quantity`, '\" is below the minimum 1') END AS `_dlc_check_quantity`,\n"
        "  CASE WHEN `_dlc_text_unit_price` IS NOT NULL AND `unit_price` IS NULL THEN concat('unit_price: \"', `_dlc_text_unit_price`, '\" is not a valid decimal(12,2)') WHEN `unit_price` < 0 THEN concat('unit_price: \"', `_dlc_text_unit_price`, '\" is below the minimum 0') END AS `_dlc_check_unit_price`,\n"
        "  CASE WHEN `_dlc_text_paid` IS NOT NULL AND `paid` IS NULL THEN concat('paid: \"', `_dlc_text_paid`, '\" is not a valid boolean') END AS `_dlc_check_paid`\n"
        "FROM dlc_typed) AS checked"
),
    (
        "-- The rows that passed every check, one per order_id (the last in the batch), with derived and partition columns.\n"
        "CREATE OR REPLACE TEMP VIEW clean AS\n"
        "SELECT `order_id`,\n"
        "  `order_date`,\n"
        "  `country`,\n"
        "  `quantity`,\n"
        "  `unit_price`,\n"
        "  `paid`,\n"
        "  CAST(round((`quantity` * `unit_price`), 2) AS DECIMAL(38, 2)) AS `revenue`,\n"
        "  CAST(year(`order_date`) AS INT) AS `year`,\n"
        "  CAST(month(`order_date`) AS INT) AS `month`\n"
        "FROM (SELECT *, row_number() OVER (PARTITION BY `order_id` ORDER BY _dlc_file_index DESC, _dlc_position DESC) AS _dlc_keep FROM dlc_checked WHERE _dlc_reason IS NULL) AS kept WHERE _dlc_keep = 1\n"
        "ORDER BY _dlc_file_index, _dlc_position"
),
    (
        "-- Every row that is not written: malformed records first, then failed checks, per file in batch order.\n"
        "CREATE OR REPLACE TEMP VIEW rejected AS\n"
        "SELECT `source_file`, `line_number`, `row_number`, `record`, `column_name`, `reason`, `batch_date` FROM (\n"
        "  SELECT _dlc_file AS `source_file`, _dlc_line AS `line_number`, CAST(NULL AS BIGINT) AS `row_number`, _dlc_record AS `record`, CAST(NULL AS STRING) AS `column_name`, _dlc_reason AS `reason`, _dlc_batch_date AS `batch_date`, _dlc_file_index, 0 AS _dlc_kind, _dlc_position FROM dlc_malformed\n"
        "  UNION ALL\n"
        "  SELECT _dlc_file, CAST(NULL AS BIGINT), _dlc_row, _dlc_record, _dlc_column, _dlc_reason, _dlc_batch_date, _dlc_file_index, 1, _dlc_position FROM dlc_checked WHERE _dlc_reason IS NOT NULL\n"
        ") AS rejects\n"
        "ORDER BY _dlc_file_index, _dlc_kind, _dlc_position"
),
    (
        "-- One row of counts; rows_read = rows_written + rows_rejected + rows_deduplicated.\n"
        "CREATE OR REPLACE TEMP VIEW report AS\n"
        "SELECT\n"
        "  (SELECT count(*) FROM dlc_checked) + (SELECT count(*) FROM dlc_malformed) AS rows_read,\n"
        "  (SELECT count(*) FROM clean) AS rows_written,\n"
        "  (SELECT count(*) FROM rejected) AS rows_rejected,\n"
        "  (SELECT count(*) FROM dlc_checked WHERE _dlc_reason IS NULL) - (SELECT count(*) FROM clean) AS rows_deduplicated,\n"
        "  (SELECT count(*) FROM (SELECT DISTINCT `year`, `month` FROM clean) AS written) AS partitions"
),
]


def check_batch_date(value):
    parts = value.split("-")
    if len(value) != 10 or len(parts) != 3 or not all(part.isdigit() for part in parts):
        raise ValueError("--batch_date " + repr(value) + " is not YYYY-MM-DD")
    return value


def split_s3_uri(uri):
    """s3://bucket/some/prefix/ -> ("bucket", "some/prefix/")."""
    if not uri.startswith("s3://"):
        raise ValueError(repr(uri) + " is not an s3:// URI")
    bucket, _, key = uri[len("s3://"):].partition("/")
    return bucket, key


def as_prefix(key):
    return key if key == "" or key.endswith("/") else key + "/"


def list_keys(s3, bucket, prefix):
    keys = []
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix):
        keys.extend(item["Key"] for item in page.get("Contents", []))
    return sorted(keys)


def batch_keys(s3, source):
    """The batch's files in key order: every object under the prefix but folders and _/. names."""
    bucket, prefix = split_s3_uri(source)
    prefix = as_prefix(prefix)
    keys = [key for key in list_keys(s3, bucket, prefix) if not key.endswith("/") and not os.path.basename(key).startswith(("_", "."))]
    if not keys:
        raise RuntimeError("no batch files under " + source)
    return bucket, keys


def download_batch(s3, source, folder):
    """Downloads the batch, one local file per object in key order; returns the local paths."""
    bucket, keys = batch_keys(s3, source)
    os.makedirs(folder, exist_ok=True)
    paths = []
    for index, key in enumerate(keys):
        # One folder per object keeps each file's own name (the quarantine names it) without clashes.
        path = os.path.join(folder, "%04d" % index, os.path.basename(key))
        os.makedirs(os.path.dirname(path))
        s3.download_file(bucket, key, path)
        paths.append(path)
    return paths


def replace_batch_files(s3, uri, folder, batch_date):
    """Deletes this batch's earlier files under uri (part-<batch_date>-*), then uploads folder there."""
    bucket, prefix = split_s3_uri(uri)
    prefix = as_prefix(prefix)
    mine = "part-" + batch_date + "-"
    stale = [key for key in list_keys(s3, bucket, prefix) if os.path.basename(key).startswith(mine)]
    for start in range(0, len(stale), 1000):
        s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": key} for key in stale[start:start + 1000]], "Quiet": True})
    for root, _, names in os.walk(folder):
        for name in sorted(names):
            if name.startswith(mine):
                path = os.path.join(root, name)
                s3.upload_file(path, bucket, prefix + os.path.relpath(path, folder).replace(os.sep, "/"))


def check_accounting(figures):
    accounted = figures["rows_written"] + figures["rows_rejected"] + figures["rows_deduplicated"]
    if figures["rows_read"] != accounted:
        raise RuntimeError("rows do not add up: read %d, written + rejected + deduplicated %d" % (figures["rows_read"], accounted))


def put_report(s3, uri, figures, batch_date, seconds):
    bucket, key = split_s3_uri(uri)
    report = {
        "dataset": DATASET,
        "batchDate": batch_date,
        "rowsRead": figures["rows_read"],
        "rowsWritten": figures["rows_written"],
        "rowsRejected": figures["rows_rejected"],
        "rowsDeduplicated": figures["rows_deduplicated"],
        "partitions": figures["partitions"],
        "seconds": round(seconds, 3),
    }
    s3.put_object(Bucket=bucket, Key=key, Body=json.dumps(report, indent=2).encode("utf-8"), ContentType="application/json")


def csv_field(column):
    """A field written back as CSV text, quoted only where it must be."""
    needs_quotes = F.lit(False)
    for char in SPECIAL:
        needs_quotes = needs_quotes | F.col(column).contains(char)
    quoted = F.concat(F.lit(CSV_OPTIONS["quote"]), F.regexp_replace(F.col(column), "\\Q" + CSV_OPTIONS["quote"] + "\\E", CSV_OPTIONS["escape"] + CSV_OPTIONS["quote"]), F.lit(CSV_OPTIONS["quote"]))
    return F.when(F.col(column).isNull(), F.lit("")).when(needs_quotes, quoted).otherwise(F.col(column))


def read_file(spark, path, index, batch_date):
    """One CSV file as text columns named by its own header, with the dlc_raw bookkeeping columns."""
    names = [name.lstrip("\ufeff") for name in spark.read.options(**CSV_OPTIONS).csv(path).columns]
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
