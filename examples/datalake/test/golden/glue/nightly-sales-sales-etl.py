"""Glue job nightly-sales-sales-etl: the dlc ETL of dataset "sales", generated from its spec; do not edit.

Job arguments (S3 URIs): --batch_date YYYY-MM-DD, --source (the batch prefix, e.g.
s3://bucket/raw/sales/2026-11-24/), --target (the processed table prefix),
--quarantine (the rejected rows prefix), --report (the report JSON object).
Re-running a batch replaces its earlier files (part-<batch_date>-<n>.parquet) instead of adding rows.
"""
import codecs
import json
import os
import shutil
import sys
import tempfile
import time

import boto3
import duckdb
from awsglue.utils import getResolvedOptions

DATASET = "sales"
ENCODING = "utf-8"
PARTITION_BY = ["year", "month"]
COMPRESSION = "snappy"
# The pinned duckdb package (--additional-python-modules duckdb==1.5.6).
DUCKDB_VERSION = "1.5.6"

# etlSql() of the dataset, byte for byte: the SQL the local runtime and the tests run.
ETL_SQL = (
    "-- dlc ETL for dataset \"sales\" (DuckDB 1.5), generated from its spec; do not edit.\n"
    "-- The host sets two variables first (see etlRuntimeSql):\n"
    "--   SET VARIABLE dlc_files = ['/tmp/batch/part-1.csv', ...];  -- UTF-8 CSV files, in batch order\n"
    "--   SET VARIABLE dlc_batch_date = '2026-11-24';\n"
    "-- then reads the temp tables clean, rejected and report.\n"
    "\n"
    "DROP TABLE IF EXISTS dlc_reject_errors;\n"
    "\n"
    "DROP TABLE IF EXISTS dlc_reject_scans;\n"
    "\n"
    "-- Every field as text, so nothing is lost to type sniffing; records the reader cannot split\n"
    "-- into the header's fields go to dlc_reject_errors instead of failing the run. (filename is\n"
    "-- DuckDB's virtual column: the filename option would make every file use the first one's dialect.)\n"
    "CREATE OR REPLACE TEMP TABLE dlc_raw AS\n"
    "SELECT *, filename AS _dlc_path FROM read_csv(getvariable('dlc_files'), header = true, delim = ',', quote = '\"', escape = '\"', encoding = 'utf-8', all_varchar = true, files_to_sniff = -1, store_rejects = true, rejects_table = 'dlc_reject_errors', rejects_scan = 'dlc_reject_scans');\n"
    "\n"
    "-- rowid is the order in the batch: DuckDB keeps insertion order, files in the order given, so\n"
    "-- each file's rows are consecutive and a row's number in its file counts from the file's first.\n"
    "CREATE OR REPLACE TEMP VIEW dlc_rows AS\n"
    "SELECT * EXCLUDE (_dlc_path, _dlc_first),\n"
    "  parse_filename(_dlc_path) AS _dlc_file,\n"
    "  list_position(getvariable('dlc_files'), _dlc_path) AS _dlc_file_index,\n"
    "  _dlc_position - _dlc_first + 1 AS _dlc_row,\n"
    "  CAST(getvariable('dlc_batch_date') AS VARCHAR) AS _dlc_batch_date\n"
    "FROM (SELECT *, rowid AS _dlc_position, [*COLUMNS(* EXCLUDE (_dlc_path))] AS _dlc_fields FROM dlc_raw) AS raw\n"
    "JOIN (SELECT _dlc_path, min(rowid) AS _dlc_first FROM dlc_raw GROUP BY _dlc_path) AS files USING (_dlc_path);\n"
    "\n"
    "-- One row per record the reader rejected; line is DuckDB's record number in the file (header = 1).\n"
    "CREATE OR REPLACE TEMP TABLE dlc_malformed AS\n"
    "SELECT parse_filename(s.file_path) AS _dlc_file,\n"
    "  list_position(getvariable('dlc_files'), s.file_path) AS _dlc_file_index,\n"
    "  e.line AS _dlc_position,\n"
    "  e.line AS _dlc_line,\n"
    "  ltrim(e.csv_line, chr(13) || chr(10)) AS _dlc_record,\n"
    "  CASE\n"
    "    WHEN e.error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') THEN 'malformed record: ' || regexp_extract(e.error_message, 'Found: ([0-9]+)', 1) || ' fields where the header has ' || regexp_extract(e.error_message, 'Expected Number of Columns: ([0-9]+)', 1)\n"
    "    WHEN e.error_type = 'UNQUOTED VALUE' THEN 'malformed record: a quote is not closed, or text follows a closing quote'\n"
    "    WHEN e.error_type = 'INVALID UNICODE' OR e.error_message LIKE '%not utf-8 encoded%' THEN 'malformed record: not valid UTF-8'\n"
    "    ELSE 'malformed record: ' || e.error_message\n"
    "  END AS _dlc_reason,\n"
    "  CAST(getvariable('dlc_batch_date') AS VARCHAR) AS _dlc_batch_date\n"
    "FROM dlc_reject_errors AS e JOIN dlc_reject_scans AS s ON e.scan_id = s.scan_id AND e.file_id = s.file_id\n"
    "QUALIFY row_number() OVER (PARTITION BY e.file_id, e.line ORDER BY e.byte_position) = 1;\n"
    "\n"
    "-- Cleaning, level 1 of 4: each level reads the one before as columns, so no text is computed twice.\n"
    "CREATE OR REPLACE TEMP VIEW dlc_text_1 AS\n"
    "SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, _dlc_fields,\n"
    "  coalesce(\"order_id\", '') AS \"_dlc_text_order_id\",\n"
    "  trim(coalesce(\"order_date\", ''), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(160)) AS \"_dlc_text_order_date\",\n"
    "  coalesce(\"customer_id\", '') AS \"_dlc_text_customer_id\",\n"
    "  coalesce(\"country\", '') AS \"_dlc_text_country\",\n"
    "  coalesce(\"product\", '') AS \"_dlc_text_product\",\n"
    "  trim(coalesce(\"quantity\", ''), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(160)) AS \"_dlc_text_quantity\",\n"
    "  trim(coalesce(\"unit_price\", ''), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(160)) AS \"_dlc_text_unit_price\"\n"
    "FROM dlc_rows;\n"
    "\n"
    "-- Cleaning, level 2 of 4: each level reads the one before as columns, so no text is computed twice.\n"
    "CREATE OR REPLACE TEMP VIEW dlc_text_2 AS\n"
    "SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, _dlc_fields,\n"
    "  trim(CASE WHEN list_contains(['', 'NULL', 'null', 'N/A', '-'], \"_dlc_text_order_id\") THEN NULL ELSE \"_dlc_text_order_id\" END, chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(160)) AS \"_dlc_text_order_id\",\n"
    "  CASE WHEN list_contains(['', 'NULL', 'null', 'N/A', '-'], \"_dlc_text_order_date\") THEN NULL ELSE \"_dlc_text_order_date\" END AS \"_dlc_text_order_date\",\n"
    "  trim(CASE WHEN list_contains(['', 'NULL', 'null', 'N/A', '-'], \"_dlc_text_customer_id\") THEN NULL ELSE \"_dlc_text_customer_id\" END, chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(160)) AS \"_dlc_text_customer_id\",\n"
    "  trim(CASE WHEN list_contains(['', 'NULL', 'null', 'N/A', '-'], \"_dlc_text_country\") THEN NULL ELSE \"_dlc_text_country\" END, chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(160)) AS \"_dlc_text_country\",\n"
    "  trim(CASE WHEN list_contains(['', 'NULL', 'null', 'N/A', '-'], \"_dlc_text_product\") THEN NULL ELSE \"_dlc_text_product\" END, chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(160)) AS \"_dlc_text_product\",\n"
    "  CASE WHEN list_contains(['', 'NULL', 'null', 'N/A', '-'], \"_dlc_text_quantity\") THEN NULL ELSE \"_dlc_text_quantity\" END AS \"_dlc_text_quantity\",\n"
    "  CASE WHEN list_contains(['', 'NULL', 'null', 'N/A', '-'], \"_dlc_text_unit_price\") THEN NULL ELSE \"_dlc_text_unit_price\" END AS \"_dlc_text_unit_price\"\n"
    "FROM dlc_text_1;\n"
    "\n"
    "-- Cleaning, level 3 of 4: each level reads the one before as columns, so no text is computed twice.\n"
    "CREATE OR REPLACE TEMP VIEW dlc_text_3 AS\n"
    "SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, _dlc_fields,\n"
    "  CASE WHEN list_contains(['', 'NULL', 'null', 'N/A', '-'], \"_dlc_text_order_id\") THEN NULL ELSE \"_dlc_text_order_id\" END AS \"_dlc_text_order_id\",\n"
    "  \"_dlc_text_order_date\",\n"
    "  CASE WHEN list_contains(['', 'NULL', 'null', 'N/A', '-'], \"_dlc_text_customer_id\") THEN NULL ELSE \"_dlc_text_customer_id\" END AS \"_dlc_text_customer_id\",\n"
    "  upper(CASE WHEN list_contains(['', 'NULL', 'null', 'N/A', '-'], \"_dlc_text_country\") THEN NULL ELSE \"_dlc_text_country\" END) AS \"_dlc_text_country\",\n"
    "  CASE WHEN list_contains(['', 'NULL', 'null', 'N/A', '-'], \"_dlc_text_product\") THEN NULL ELSE \"_dlc_text_product\" END AS \"_dlc_text_product\",\n"
    "  \"_dlc_text_quantity\",\n"
    "  \"_dlc_text_unit_price\"\n"
    "FROM dlc_text_2;\n"
    "\n"
    "-- Each column's text after the null tokens and its cleaning rules, in the order written.\n"
    "CREATE OR REPLACE TEMP VIEW dlc_text AS\n"
    "SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, _dlc_fields,\n"
    "  \"_dlc_text_order_id\",\n"
    "  \"_dlc_text_order_date\",\n"
    "  \"_dlc_text_customer_id\",\n"
    "  CASE WHEN list_contains(['', 'NULL', 'null', 'N/A', '-'], \"_dlc_text_country\") THEN NULL ELSE \"_dlc_text_country\" END AS \"_dlc_text_country\",\n"
    "  \"_dlc_text_product\",\n"
    "  \"_dlc_text_quantity\",\n"
    "  \"_dlc_text_unit_price\"\n"
    "FROM dlc_text_3;\n"
    "\n"
    "-- Each column typed from its text; NULL where the text is absent or is not a valid value.\n"
    "CREATE OR REPLACE TEMP VIEW dlc_typed AS\n"
    "SELECT *,\n"
    "  \"_dlc_text_order_id\" AS \"order_id\",\n"
    "  CASE WHEN regexp_full_match(\"_dlc_text_order_date\", '([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})') THEN CAST(try_strptime(\"_dlc_text_order_date\", ['%Y-%m-%d']) AS DATE) END AS \"order_date\",\n"
    "  \"_dlc_text_customer_id\" AS \"customer_id\",\n"
    "  \"_dlc_text_country\" AS \"country\",\n"
    "  \"_dlc_text_product\" AS \"product\",\n"
    "  CASE WHEN regexp_full_match(\"_dlc_text_quantity\", '[+-]?[0-9]+') THEN TRY_CAST(\"_dlc_text_quantity\" AS INTEGER) END AS \"quantity\",\n"
    "  CASE WHEN regexp_full_match(\"_dlc_text_unit_price\", '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)') THEN TRY_CAST(\"_dlc_text_unit_price\" AS DECIMAL(12, 2)) END AS \"unit_price\"\n"
    "FROM dlc_text;\n"
    "\n"
    "-- The typed columns, the first failing check of each row in column order and the column it names, and a rejected row's record.\n"
    "CREATE OR REPLACE TEMP TABLE dlc_checked AS\n"
    "SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, \"order_id\", \"order_date\", \"customer_id\", \"country\", \"product\", \"quantity\", \"unit_price\",\n"
    "  coalesce(\"_dlc_check_order_id\", \"_dlc_check_order_date\", \"_dlc_check_customer_id\", \"_dlc_check_country\", \"_dlc_check_product\", \"_dlc_check_quantity\", \"_dlc_check_unit_price\") AS _dlc_reason, CASE WHEN \"_dlc_check_order_id\" IS NOT NULL THEN 'order_id' WHEN \"_dlc_check_order_date\" IS NOT NULL THEN 'order_date' WHEN \"_dlc_check_customer_id\" IS NOT NULL THEN 'customer_id' WHEN \"_dlc_check_country\" IS NOT NULL THEN 'country' WHEN \"_dlc_check_product\" IS NOT NULL THEN 'product' WHEN \"_dlc_check_quantity\" IS NOT NULL THEN 'quantity' WHEN \"_dlc_check_unit_price\" IS NOT NULL THEN 'unit_price' END AS _dlc_column,\n"
    "  CASE WHEN coalesce(\"_dlc_check_order_id\", \"_dlc_check_order_date\", \"_dlc_check_customer_id\", \"_dlc_check_country\", \"_dlc_check_product\", \"_dlc_check_quantity\", \"_dlc_check_unit_price\") IS NOT NULL THEN array_to_string(list_transform(_dlc_fields, lambda field: CASE WHEN field IS NULL THEN '' WHEN regexp_matches(field, '[,\"\\r\\n]') THEN '\"' || replace(field, '\"', '\"\"') || '\"' ELSE field END), ',') END AS _dlc_record\n"
    "FROM (SELECT *,\n"
    "  CASE WHEN NOT regexp_full_match(\"_dlc_text_order_id\", '^SO-\\d{6,7}$') THEN concat('order_id: \"', \"_dlc_text_order_id\", '\" does not match the pattern ^SO-\\d{6,7}$') WHEN \"order_id\" IS NULL THEN 'order_id: a value is required' END AS \"_dlc_check_order_id\",\n"
    "  CASE WHEN \"_dlc_text_order_date\" IS NOT NULL AND \"order_date\" IS NULL THEN concat('order_date: \"', \"_dlc_text_order_date\", '\" is not a valid date (%Y-%m-%d)') WHEN \"order_date\" IS NULL THEN 'order_date: a value is required' END AS \"_dlc_check_order_date\",\n"
    "  CASE WHEN \"customer_id\" IS NULL THEN 'customer_id: a value is required' END AS \"_dlc_check_customer_id\",\n"
    "  CASE WHEN NOT regexp_full_match(\"_dlc_text_country\", '^[A-Z]{2}$') THEN concat('country: \"', \"_dlc_text_country\", '\" does not match the pattern ^[A-Z]{2}$') WHEN \"country\" IS NULL THEN 'country: a value is required' END AS \"_dlc_check_country\",\n"
    "  CASE WHEN \"product\" IS NULL THEN 'product: a value is required' END AS \"_dlc_check_product\",\n"
    "  CASE WHEN \"_dlc_text_quantity\" IS NOT NULL AND \"quantity\" IS NULL THEN concat('quantity: \"', \"_dlc_text_quantity\", '\" is not a valid int') WHEN \"quantity\" < 1 THEN concat('quantity: \"', \"_dlc_text_quantity\", '\" is below the minimum 1') WHEN \"quantity\" IS NULL THEN 'quantity: a value is required' END AS \"_dlc_check_quantity\",\n"
    "  CASE WHEN \"_dlc_text_unit_price\" IS NOT NULL AND \"unit_price\" IS NULL THEN concat('unit_price: \"', \"_dlc_text_unit_price\", '\" is not a valid decimal(12,2)') WHEN \"unit_price\" < 0 THEN concat('unit_price: \"', \"_dlc_text_unit_price\", '\" is below the minimum 0') WHEN \"unit_price\" IS NULL THEN 'unit_price: a value is required' END AS \"_dlc_check_unit_price\"\n"
    "FROM dlc_typed) AS checked;\n"
    "\n"
    "-- The rows that passed every check, one per order_id (the last in the batch), with derived and partition columns.\n"
    "CREATE OR REPLACE TEMP TABLE clean AS\n"
    "SELECT \"order_id\",\n"
    "  \"order_date\",\n"
    "  \"customer_id\",\n"
    "  \"country\",\n"
    "  \"product\",\n"
    "  \"quantity\",\n"
    "  \"unit_price\",\n"
    "  CAST((\"quantity\" * \"unit_price\") AS DECIMAL(38, 2)) AS \"revenue\",\n"
    "  CAST(year(\"order_date\") AS INTEGER) AS \"year\",\n"
    "  CAST(month(\"order_date\") AS INTEGER) AS \"month\"\n"
    "FROM (SELECT *, row_number() OVER (PARTITION BY \"order_id\" ORDER BY _dlc_file_index DESC, _dlc_position DESC) AS _dlc_keep FROM dlc_checked WHERE _dlc_reason IS NULL) AS kept WHERE _dlc_keep = 1\n"
    "ORDER BY _dlc_file_index, _dlc_position;\n"
    "\n"
    "-- Every row that is not written: malformed records first, then failed checks, per file in batch order.\n"
    "CREATE OR REPLACE TEMP TABLE rejected AS\n"
    "SELECT \"source_file\", \"line_number\", \"row_number\", \"record\", \"column_name\", \"reason\", \"batch_date\" FROM (\n"
    "  SELECT _dlc_file AS \"source_file\", _dlc_line AS \"line_number\", CAST(NULL AS BIGINT) AS \"row_number\", _dlc_record AS \"record\", CAST(NULL AS VARCHAR) AS \"column_name\", _dlc_reason AS \"reason\", _dlc_batch_date AS \"batch_date\", _dlc_file_index, 0 AS _dlc_kind, _dlc_position FROM dlc_malformed\n"
    "  UNION ALL\n"
    "  SELECT _dlc_file, CAST(NULL AS BIGINT), _dlc_row, _dlc_record, _dlc_column, _dlc_reason, _dlc_batch_date, _dlc_file_index, 1, _dlc_position FROM dlc_checked WHERE _dlc_reason IS NOT NULL\n"
    ") AS rejects\n"
    "ORDER BY _dlc_file_index, _dlc_kind, _dlc_position;\n"
    "\n"
    "-- One row of counts; rows_read = rows_written + rows_rejected + rows_deduplicated.\n"
    "CREATE OR REPLACE TEMP TABLE report AS\n"
    "SELECT\n"
    "  (SELECT count(*) FROM dlc_checked) + (SELECT count(*) FROM dlc_malformed) AS rows_read,\n"
    "  (SELECT count(*) FROM clean) AS rows_written,\n"
    "  (SELECT count(*) FROM rejected) AS rows_rejected,\n"
    "  (SELECT count(*) FROM dlc_checked WHERE _dlc_reason IS NULL) - (SELECT count(*) FROM clean) AS rows_deduplicated,\n"
    "  (SELECT count(*) FROM (SELECT DISTINCT \"year\", \"month\" FROM clean) AS written) AS partitions;\n"
)


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


def _keep_unassigned_byte(error):
    # windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D unassigned: keep each as its own code point.
    return error.object[error.start:error.end].decode("latin-1"), error.end


codecs.register_error("dlc_keep_byte", _keep_unassigned_byte)


def decode_to_utf8(path):
    """Rewrites a latin-1 or windows-1252 file as UTF-8: DuckDB reads UTF-8 only."""
    if ENCODING == "utf-8":
        return
    with open(path, "rb") as raw:
        data = raw.read()
    codec = "cp1252" if ENCODING == "windows-1252" else "latin-1"
    with open(path, "w", encoding="utf-8", newline="") as decoded:
        decoded.write(data.decode(codec, errors="dlc_keep_byte"))


def sql_string(value):
    return "'" + value.replace("'", "''") + "'"


def run_etl(con, files, batch_date):
    """Sets the runtime variables, runs ETL_SQL, returns the report row as a dict."""
    con.execute("SET VARIABLE dlc_files = [" + ", ".join(sql_string(path) for path in files) + "]")
    con.execute("SET VARIABLE dlc_batch_date = " + sql_string(batch_date))
    con.execute(ETL_SQL)
    columns = ["rows_read", "rows_written", "rows_rejected", "rows_deduplicated", "partitions"]
    row = con.execute("SELECT " + ", ".join(columns) + " FROM report").fetchone()
    return dict(zip(columns, [int(value) for value in row]))


def write_parquet(con, relation, folder, batch_date, partition_by):
    """Writes a relation as Parquet files named part-<batch_date>-<n>.parquet, Hive-style partitioned."""
    os.makedirs(folder, exist_ok=True)
    options = "FORMAT parquet, COMPRESSION " + sql_string(COMPRESSION)
    if partition_by:
        options += ", PARTITION_BY (" + ", ".join(partition_by) + "), FILENAME_PATTERN " + sql_string("part-" + batch_date + "-{i}")
        con.execute("COPY " + relation + " TO " + sql_string(folder) + " (" + options + ")")
    else:
        con.execute("COPY " + relation + " TO " + sql_string(os.path.join(folder, "part-" + batch_date + "-0.parquet")) + " (" + options + ")")


def main():
    args = getResolvedOptions(sys.argv, ["batch_date", "source", "target", "quarantine", "report"])
    started = time.time()
    batch_date = check_batch_date(args["batch_date"])
    s3 = boto3.client("s3")
    work = tempfile.mkdtemp(prefix="dlc-" + DATASET + "-")
    try:
        files = download_batch(s3, args["source"], os.path.join(work, "batch"))
        for path in files:
            decode_to_utf8(path)
        con = duckdb.connect()
        con.execute("SET temp_directory = " + sql_string(os.path.join(work, "spill")))
        figures = run_etl(con, files, batch_date)
        check_accounting(figures)
        write_parquet(con, "clean", os.path.join(work, "clean"), batch_date, PARTITION_BY)
        # batch_date is the quarantine's Hive partition (its folder name), so the files leave it out.
        write_parquet(con, "(SELECT * EXCLUDE (batch_date) FROM rejected)", os.path.join(work, "rejected", "batch_date=" + batch_date), batch_date, [])
        replace_batch_files(s3, args["target"], os.path.join(work, "clean"), batch_date)
        replace_batch_files(s3, args["quarantine"], os.path.join(work, "rejected"), batch_date)
        put_report(s3, args["report"], figures, batch_date, time.time() - started)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
