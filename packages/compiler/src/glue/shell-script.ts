import type { DatasetNode } from '@dlc/dsl'
import { etlSql } from './etl-sql.js'
import { pythonList, pythonString } from './python.js'
import { DUCKDB_PYTHON_VERSION } from './version.js'

/**
 * The Glue Python shell job (Python 3.9): one batch through DuckDB with exactly etlSql()'s text.
 * Shared pieces (argument parsing, S3 listing, replacing a batch's files) are in python-common.
 */
export function shellScript(dataset: DatasetNode, jobName: string, common: string): string {
  return `${header(dataset, jobName)}
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

DATASET = ${JSON.stringify(dataset.name)}
ENCODING = ${JSON.stringify(dataset.source.encoding)}
PARTITION_BY = ${pythonList(dataset.partitionBy.map((partition) => partition.name))}
COMPRESSION = ${JSON.stringify(dataset.target.compression)}
# The pinned duckdb package (--additional-python-modules duckdb==${DUCKDB_PYTHON_VERSION}).
DUCKDB_VERSION = ${JSON.stringify(DUCKDB_PYTHON_VERSION)}

# etlSql() of the dataset, byte for byte: the SQL the local runtime and the tests run.
ETL_SQL = ${pythonString(etlSql(dataset))}


${common}

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
`
}

export function header(dataset: DatasetNode, jobName: string): string {
  return `"""Glue job ${jobName}: the dlc ETL of dataset "${dataset.name}", generated from its spec; do not edit.

Job arguments (S3 URIs): --batch_date YYYY-MM-DD, --source (the batch prefix, e.g.
s3://bucket/raw/${dataset.name}/2026-11-24/), --target (the processed table prefix),
--quarantine (the rejected rows prefix), --report (the report JSON object).
Re-running a batch replaces its earlier files (part-<batch_date>-<n>.parquet) instead of adding rows.
"""`
}
