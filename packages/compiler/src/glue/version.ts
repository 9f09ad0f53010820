/**
 * The `duckdb` Python package the Glue Python shell job installs (`--additional-python-modules
 * duckdb==...`): the DuckDB core inside the @duckdb/node-api the tests run the SQL with, so the
 * SQL tested here is the SQL that runs on AWS.
 */
export const DUCKDB_PYTHON_VERSION = '1.5.6'
