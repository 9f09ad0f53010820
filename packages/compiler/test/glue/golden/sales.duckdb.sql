-- dlc ETL for dataset "sales" (DuckDB 1.5), generated from its spec; do not edit.
-- The host sets two variables first (see etlRuntimeSql):
--   SET VARIABLE dlc_files = ['/tmp/batch/part-1.csv', ...];  -- UTF-8 CSV files, in batch order
--   SET VARIABLE dlc_batch_date = '2026-11-24';
-- then reads the temp tables clean, rejected and report.

DROP TABLE IF EXISTS dlc_reject_errors;

DROP TABLE IF EXISTS dlc_reject_scans;

-- Every field as text, so nothing is lost to type sniffing; records the reader cannot split
-- into the header's fields go to dlc_reject_errors instead of failing the run. (filename is
-- DuckDB's virtual column: the filename option would make every file use the first one's dialect.)
CREATE OR REPLACE TEMP TABLE dlc_raw AS
SELECT *, filename AS _dlc_path FROM read_csv(getvariable('dlc_files'), header = true, delim = ',', quote = '"', escape = '"', encoding = 'utf-8', all_varchar = true, files_to_sniff = -1, store_rejects = true, rejects_table = 'dlc_reject_errors', rejects_scan = 'dlc_reject_scans');

-- rowid is the order in the batch: DuckDB keeps insertion order, files in the order given, so
-- each file's rows are consecutive and a row's number in its file counts from the file's first.
CREATE OR REPLACE TEMP VIEW dlc_rows AS
SELECT * EXCLUDE (_dlc_path, _dlc_first),
  parse_filename(_dlc_path) AS _dlc_file,
  list_position(getvariable('dlc_files'), _dlc_path) AS _dlc_file_index,
  _dlc_position - _dlc_first + 1 AS _dlc_row,
  CAST(getvariable('dlc_batch_date') AS VARCHAR) AS _dlc_batch_date
FROM (SELECT *, rowid AS _dlc_position, [*COLUMNS(* EXCLUDE (_dlc_path))] AS _dlc_fields FROM dlc_raw) AS raw
JOIN (SELECT _dlc_path, min(rowid) AS _dlc_first FROM dlc_raw GROUP BY _dlc_path) AS files USING (_dlc_path);

-- One row per record the reader rejected; line is DuckDB's record number in the file (header = 1).
CREATE OR REPLACE TEMP TABLE dlc_malformed AS
SELECT parse_filename(s.file_path) AS _dlc_file,
  list_position(getvariable('dlc_files'), s.file_path) AS _dlc_file_index,
  e.line AS _dlc_position,
  e.line AS _dlc_line,
  ltrim(e.csv_line, chr(13) || chr(10)) AS _dlc_record,
  CASE
    WHEN e.error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') THEN 'malformed record: ' || regexp_extract(e.error_message, 'Found: ([0-9]+)', 1) || ' fields where the header has ' || regexp_extract(e.error_message, 'Expected Number of Columns: ([0-9]+)', 1)
    WHEN e.error_type = 'UNQUOTED VALUE' THEN 'malformed record: a quote is not closed, or text follows a closing quote'
    WHEN e.error_type = 'INVALID UNICODE' OR e.error_message LIKE '%not utf-8 encoded%' THEN 'malformed record: not valid UTF-8'
    ELSE 'malformed record: ' || e.error_message
  END AS _dlc_reason,
  CAST(getvariable('dlc_batch_date') AS VARCHAR) AS _dlc_batch_date
FROM dlc_reject_errors AS e JOIN dlc_reject_scans AS s ON e.scan_id = s.scan_id AND e.file_id = s.file_id
QUALIFY row_number() OVER (PARTITION BY e.file_id, e.line ORDER BY e.byte_position) = 1;

-- Cleaning, level 1 of 5: each level reads the one before as columns, so no text is computed twice.
CREATE OR REPLACE TEMP VIEW dlc_text_1 AS
SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, _dlc_fields,
  coalesce("order_id", '') AS "_dlc_text_order_id",
  trim(coalesce("order_date", ''), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(160)) AS "_dlc_text_order_date",
  coalesce("country", '') AS "_dlc_text_country",
  trim(coalesce("quantity", ''), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(160)) AS "_dlc_text_quantity",
  trim(coalesce("unit_price", ''), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(160)) AS "_dlc_text_unit_price",
  trim(coalesce("paid", ''), chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(160)) AS "_dlc_text_paid"
FROM dlc_rows;

-- Cleaning, level 2 of 5: each level reads the one before as columns, so no text is computed twice.
CREATE OR REPLACE TEMP VIEW dlc_text_2 AS
SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, _dlc_fields,
  trim(CASE WHEN list_contains(['', 'NULL', 'N/A'], "_dlc_text_order_id") THEN NULL ELSE "_dlc_text_order_id" END, chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(160)) AS "_dlc_text_order_id",
  CASE WHEN list_contains(['', 'NULL', 'N/A'], "_dlc_text_order_date") THEN NULL ELSE "_dlc_text_order_date" END AS "_dlc_text_order_date",
  trim(CASE WHEN list_contains(['', 'NULL', 'N/A'], "_dlc_text_country") THEN NULL ELSE "_dlc_text_country" END, chr(9) || chr(10) || chr(11) || chr(12) || chr(13) || chr(32) || chr(160)) AS "_dlc_text_country",
  CASE WHEN list_contains(['', 'NULL', 'N/A'], "_dlc_text_quantity") THEN NULL ELSE "_dlc_text_quantity" END AS "_dlc_text_quantity",
  CASE WHEN list_contains(['', 'NULL', 'N/A'], "_dlc_text_unit_price") THEN NULL ELSE "_dlc_text_unit_price" END AS "_dlc_text_unit_price",
  coalesce(CASE WHEN list_contains(['', 'NULL', 'N/A'], "_dlc_text_paid") THEN NULL ELSE "_dlc_text_paid" END, 'false') AS "_dlc_text_paid"
FROM dlc_text_1;

-- Cleaning, level 3 of 5: each level reads the one before as columns, so no text is computed twice.
CREATE OR REPLACE TEMP VIEW dlc_text_3 AS
SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, _dlc_fields,
  CASE WHEN list_contains(['', 'NULL', 'N/A'], "_dlc_text_order_id") THEN NULL ELSE "_dlc_text_order_id" END AS "_dlc_text_order_id",
  "_dlc_text_order_date",
  upper(CASE WHEN list_contains(['', 'NULL', 'N/A'], "_dlc_text_country") THEN NULL ELSE "_dlc_text_country" END) AS "_dlc_text_country",
  "_dlc_text_quantity",
  "_dlc_text_unit_price",
  "_dlc_text_paid"
FROM dlc_text_2;

-- Cleaning, level 4 of 5: each level reads the one before as columns, so no text is computed twice.
CREATE OR REPLACE TEMP VIEW dlc_text_4 AS
SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, _dlc_fields,
  "_dlc_text_order_id",
  "_dlc_text_order_date",
  CASE WHEN list_contains(['', 'NULL', 'N/A'], "_dlc_text_country") THEN NULL ELSE "_dlc_text_country" END AS "_dlc_text_country",
  "_dlc_text_quantity",
  "_dlc_text_unit_price",
  "_dlc_text_paid"
FROM dlc_text_3;

-- Each column's text after the null tokens and its cleaning rules, in the order written.
CREATE OR REPLACE TEMP VIEW dlc_text AS
SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, _dlc_fields,
  "_dlc_text_order_id",
  "_dlc_text_order_date",
  CASE WHEN list_contains(['XX'], "_dlc_text_country") THEN NULL ELSE "_dlc_text_country" END AS "_dlc_text_country",
  "_dlc_text_quantity",
  "_dlc_text_unit_price",
  "_dlc_text_paid"
FROM dlc_text_4;

-- Each column typed from its text; NULL where the text is absent or is not a valid value.
CREATE OR REPLACE TEMP VIEW dlc_typed AS
SELECT *,
  "_dlc_text_order_id" AS "order_id",
  CASE WHEN regexp_full_match("_dlc_text_order_date", '([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})|([0-9]{1,2}/[0-9]{1,2}/[0-9]{4})') THEN CAST(try_strptime("_dlc_text_order_date", ['%Y-%m-%d', '%d/%m/%Y']) AS DATE) END AS "order_date",
  "_dlc_text_country" AS "country",
  CASE WHEN regexp_full_match("_dlc_text_quantity", '[+-]?[0-9]+') THEN TRY_CAST("_dlc_text_quantity" AS INTEGER) END AS "quantity",
  CASE WHEN regexp_full_match("_dlc_text_unit_price", '[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)') THEN TRY_CAST("_dlc_text_unit_price" AS DECIMAL(12, 2)) END AS "unit_price",
  CASE WHEN list_contains(['true', 't', 'yes', 'y', '1'], lower("_dlc_text_paid")) THEN TRUE WHEN list_contains(['false', 'f', 'no', 'n', '0'], lower("_dlc_text_paid")) THEN FALSE END AS "paid"
FROM dlc_text;

-- The typed columns, the first failing check of each row in column order and the column it names, and a rejected row's record.
CREATE OR REPLACE TEMP TABLE dlc_checked AS
SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, "order_id", "order_date", "country", "quantity", "unit_price", "paid",
  coalesce("_dlc_check_order_id", "_dlc_check_order_date", "_dlc_check_quantity", "_dlc_check_unit_price", "_dlc_check_paid") AS _dlc_reason, CASE WHEN "_dlc_check_order_id" IS NOT NULL THEN 'order_id' WHEN "_dlc_check_order_date" IS NOT NULL THEN 'order_date' WHEN "_dlc_check_quantity" IS NOT NULL THEN 'quantity' WHEN "_dlc_check_unit_price" IS NOT NULL THEN 'unit_price' WHEN "_dlc_check_paid" IS NOT NULL THEN 'paid' END AS _dlc_column,
  CASE WHEN coalesce("_dlc_check_order_id", "_dlc_check_order_date", "_dlc_check_quantity", "_dlc_check_unit_price", "_dlc_check_paid") IS NOT NULL THEN array_to_string(list_transform(_dlc_fields, lambda field: CASE WHEN field IS NULL THEN '' WHEN regexp_matches(field, '[,"\r\n]') THEN '"' || replace(field, '"', '""') || '"' ELSE field END), ',') END AS _dlc_record
FROM (SELECT *,
  CASE WHEN "order_id" IS NULL THEN 'order_id: a value is required' END AS "_dlc_check_order_id",
  CASE WHEN "_dlc_text_order_date" IS NOT NULL AND "order_date" IS NULL THEN concat('order_date: "', "_dlc_text_order_date", '" is not a valid date (%Y-%m-%d or %d/%m/%Y)') WHEN "order_date" IS NULL THEN 'order_date: a value is required' END AS "_dlc_check_order_date",
  CASE WHEN "_dlc_text_quantity" IS NOT NULL AND "quantity" IS NULL THEN concat('quantity: "', "_dlc_text_quantity", '" is not a valid int') WHEN "quantity" < 1 THEN concat('quantity: "', "_dlc_text_quantity", '" is below the minimum 1') END AS "_dlc_check_quantity",
  CASE WHEN "_dlc_text_unit_price" IS NOT NULL AND "unit_price" IS NULL THEN concat('unit_price: "', "_dlc_text_unit_price", '" is not a valid decimal(12,2)') WHEN "unit_price" < 0 THEN concat('unit_price: "', "_dlc_text_unit_price", '" is below the minimum 0') END AS "_dlc_check_unit_price",
  CASE WHEN "_dlc_text_paid" IS NOT NULL AND "paid" IS NULL THEN concat('paid: "', "_dlc_text_paid", '" is not a valid boolean') END AS "_dlc_check_paid"
FROM dlc_typed) AS checked;

-- The rows that passed every check, one per order_id (the last in the batch), with derived and partition columns.
CREATE OR REPLACE TEMP TABLE clean AS
SELECT "order_id",
  "order_date",
  "country",
  "quantity",
  "unit_price",
  "paid",
  CAST(round(("quantity" * "unit_price"), 2) AS DECIMAL(38, 2)) AS "revenue",
  CAST(year("order_date") AS INTEGER) AS "year",
  CAST(month("order_date") AS INTEGER) AS "month"
FROM (SELECT *, row_number() OVER (PARTITION BY "order_id" ORDER BY _dlc_file_index DESC, _dlc_position DESC) AS _dlc_keep FROM dlc_checked WHERE _dlc_reason IS NULL) AS kept WHERE _dlc_keep = 1
ORDER BY _dlc_file_index, _dlc_position;

-- Every row that is not written: malformed records first, then failed checks, per file in batch order.
CREATE OR REPLACE TEMP TABLE rejected AS
SELECT "source_file", "line_number", "row_number", "record", "column_name", "reason", "batch_date" FROM (
  SELECT _dlc_file AS "source_file", _dlc_line AS "line_number", CAST(NULL AS BIGINT) AS "row_number", _dlc_record AS "record", CAST(NULL AS VARCHAR) AS "column_name", _dlc_reason AS "reason", _dlc_batch_date AS "batch_date", _dlc_file_index, 0 AS _dlc_kind, _dlc_position FROM dlc_malformed
  UNION ALL
  SELECT _dlc_file, CAST(NULL AS BIGINT), _dlc_row, _dlc_record, _dlc_column, _dlc_reason, _dlc_batch_date, _dlc_file_index, 1, _dlc_position FROM dlc_checked WHERE _dlc_reason IS NOT NULL
) AS rejects
ORDER BY _dlc_file_index, _dlc_kind, _dlc_position;

-- One row of counts; rows_read = rows_written + rows_rejected + rows_deduplicated.
CREATE OR REPLACE TEMP TABLE report AS
SELECT
  (SELECT count(*) FROM dlc_checked) + (SELECT count(*) FROM dlc_malformed) AS rows_read,
  (SELECT count(*) FROM clean) AS rows_written,
  (SELECT count(*) FROM rejected) AS rows_rejected,
  (SELECT count(*) FROM dlc_checked WHERE _dlc_reason IS NULL) - (SELECT count(*) FROM clean) AS rows_deduplicated,
  (SELECT count(*) FROM (SELECT DISTINCT "year", "month" FROM clean) AS written) AS partitions;
