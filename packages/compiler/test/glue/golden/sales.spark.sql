-- dlc ETL for dataset "sales" (Spark SQL 3.3/3.5), generated from its spec; do not edit.

-- The records Spark could split into the header's fields.
CREATE OR REPLACE TEMP VIEW dlc_rows AS
SELECT *, row_number() OVER (PARTITION BY _dlc_file_index ORDER BY _dlc_position) AS _dlc_row
FROM dlc_raw WHERE NOT _dlc_malformed;

-- The records Spark's PERMISSIVE mode marked as corrupt (wrong field count, broken quoting).
CREATE OR REPLACE TEMP VIEW dlc_malformed AS
SELECT _dlc_file, _dlc_file_index, _dlc_position, CAST(NULL AS BIGINT) AS _dlc_line, _dlc_record,
  concat('malformed record: the field count differs from the header\'s ', CAST(_dlc_header_fields AS STRING), ', or a quote is not closed') AS _dlc_reason,
  _dlc_batch_date
FROM dlc_raw WHERE _dlc_malformed;

-- Cleaning, level 1 of 5: each level reads the one before as columns, so no text is computed twice.
CREATE OR REPLACE TEMP VIEW dlc_text_1 AS
SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, _dlc_record,
  coalesce(`order_id`, '') AS `_dlc_text_order_id`,
  trim(BOTH concat(char(9), char(10), char(11), char(12), char(13), char(32), char(160)) FROM coalesce(`order_date`, '')) AS `_dlc_text_order_date`,
  coalesce(`country`, '') AS `_dlc_text_country`,
  trim(BOTH concat(char(9), char(10), char(11), char(12), char(13), char(32), char(160)) FROM coalesce(`quantity`, '')) AS `_dlc_text_quantity`,
  trim(BOTH concat(char(9), char(10), char(11), char(12), char(13), char(32), char(160)) FROM coalesce(`unit_price`, '')) AS `_dlc_text_unit_price`,
  trim(BOTH concat(char(9), char(10), char(11), char(12), char(13), char(32), char(160)) FROM coalesce(`paid`, '')) AS `_dlc_text_paid`
FROM dlc_rows;

-- Cleaning, level 2 of 5: each level reads the one before as columns, so no text is computed twice.
CREATE OR REPLACE TEMP VIEW dlc_text_2 AS
SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, _dlc_record,
  trim(BOTH concat(char(9), char(10), char(11), char(12), char(13), char(32), char(160)) FROM CASE WHEN `_dlc_text_order_id` IN ('', 'NULL', 'N/A') THEN NULL ELSE `_dlc_text_order_id` END) AS `_dlc_text_order_id`,
  CASE WHEN `_dlc_text_order_date` IN ('', 'NULL', 'N/A') THEN NULL ELSE `_dlc_text_order_date` END AS `_dlc_text_order_date`,
  trim(BOTH concat(char(9), char(10), char(11), char(12), char(13), char(32), char(160)) FROM CASE WHEN `_dlc_text_country` IN ('', 'NULL', 'N/A') THEN NULL ELSE `_dlc_text_country` END) AS `_dlc_text_country`,
  CASE WHEN `_dlc_text_quantity` IN ('', 'NULL', 'N/A') THEN NULL ELSE `_dlc_text_quantity` END AS `_dlc_text_quantity`,
  CASE WHEN `_dlc_text_unit_price` IN ('', 'NULL', 'N/A') THEN NULL ELSE `_dlc_text_unit_price` END AS `_dlc_text_unit_price`,
  coalesce(CASE WHEN `_dlc_text_paid` IN ('', 'NULL', 'N/A') THEN NULL ELSE `_dlc_text_paid` END, 'false') AS `_dlc_text_paid`
FROM dlc_text_1;

-- Cleaning, level 3 of 5: each level reads the one before as columns, so no text is computed twice.
CREATE OR REPLACE TEMP VIEW dlc_text_3 AS
SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, _dlc_record,
  CASE WHEN `_dlc_text_order_id` IN ('', 'NULL', 'N/A') THEN NULL ELSE `_dlc_text_order_id` END AS `_dlc_text_order_id`,
  `_dlc_text_order_date`,
  upper(CASE WHEN `_dlc_text_country` IN ('', 'NULL', 'N/A') THEN NULL ELSE `_dlc_text_country` END) AS `_dlc_text_country`,
  `_dlc_text_quantity`,
  `_dlc_text_unit_price`,
  `_dlc_text_paid`
FROM dlc_text_2;

-- Cleaning, level 4 of 5: each level reads the one before as columns, so no text is computed twice.
CREATE OR REPLACE TEMP VIEW dlc_text_4 AS
SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, _dlc_record,
  `_dlc_text_order_id`,
  `_dlc_text_order_date`,
  CASE WHEN `_dlc_text_country` IN ('', 'NULL', 'N/A') THEN NULL ELSE `_dlc_text_country` END AS `_dlc_text_country`,
  `_dlc_text_quantity`,
  `_dlc_text_unit_price`,
  `_dlc_text_paid`
FROM dlc_text_3;

-- Each column's text after the null tokens and its cleaning rules, in the order written.
CREATE OR REPLACE TEMP VIEW dlc_text AS
SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, _dlc_record,
  `_dlc_text_order_id`,
  `_dlc_text_order_date`,
  CASE WHEN `_dlc_text_country` IN ('XX') THEN NULL ELSE `_dlc_text_country` END AS `_dlc_text_country`,
  `_dlc_text_quantity`,
  `_dlc_text_unit_price`,
  `_dlc_text_paid`
FROM dlc_text_4;

-- Each column typed from its text; NULL where the text is absent or is not a valid value.
CREATE OR REPLACE TEMP VIEW dlc_typed AS
SELECT *,
  `_dlc_text_order_id` AS `order_id`,
  CASE WHEN (`_dlc_text_order_date` RLIKE '\\A(?:([0-9]{4}-[0-9]{1,2}-[0-9]{1,2})|([0-9]{1,2}/[0-9]{1,2}/[0-9]{4}))\\z') THEN to_date(coalesce(to_timestamp(`_dlc_text_order_date`, 'yyyy-M-d'), to_timestamp(`_dlc_text_order_date`, 'd/M/yyyy'))) END AS `order_date`,
  `_dlc_text_country` AS `country`,
  CASE WHEN (`_dlc_text_quantity` RLIKE '\\A(?:[+-]?[0-9]+)\\z') THEN try_cast(`_dlc_text_quantity` AS INT) END AS `quantity`,
  CASE WHEN (`_dlc_text_unit_price` RLIKE '\\A(?:[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+))\\z') THEN try_cast(`_dlc_text_unit_price` AS DECIMAL(12, 2)) END AS `unit_price`,
  CASE WHEN lower(`_dlc_text_paid`) IN ('true', 't', 'yes', 'y', '1') THEN TRUE WHEN lower(`_dlc_text_paid`) IN ('false', 'f', 'no', 'n', '0') THEN FALSE END AS `paid`
FROM dlc_text;

-- The typed columns, the first failing check of each row in column order and the column it names, and a rejected row's record.
CREATE OR REPLACE TEMP VIEW dlc_checked AS
SELECT _dlc_file, _dlc_file_index, _dlc_position, _dlc_row, _dlc_batch_date, `order_id`, `order_date`, `country`, `quantity`, `unit_price`, `paid`,
  coalesce(`_dlc_check_order_id`, `_dlc_check_order_date`, `_dlc_check_quantity`, `_dlc_check_unit_price`, `_dlc_check_paid`) AS _dlc_reason, CASE WHEN `_dlc_check_order_id` IS NOT NULL THEN 'order_id' WHEN `_dlc_check_order_date` IS NOT NULL THEN 'order_date' WHEN `_dlc_check_quantity` IS NOT NULL THEN 'quantity' WHEN `_dlc_check_unit_price` IS NOT NULL THEN 'unit_price' WHEN `_dlc_check_paid` IS NOT NULL THEN 'paid' END AS _dlc_column,
  CASE WHEN coalesce(`_dlc_check_order_id`, `_dlc_check_order_date`, `_dlc_check_quantity`, `_dlc_check_unit_price`, `_dlc_check_paid`) IS NOT NULL THEN _dlc_record END AS _dlc_record
FROM (SELECT *,
  CASE WHEN `order_id` IS NULL THEN 'order_id: a value is required' END AS `_dlc_check_order_id`,
  CASE WHEN `_dlc_text_order_date` IS NOT NULL AND `order_date` IS NULL THEN concat('order_date: "', `_dlc_text_order_date`, '" is not a valid date (%Y-%m-%d or %d/%m/%Y)') WHEN `order_date` IS NULL THEN 'order_date: a value is required' END AS `_dlc_check_order_date`,
  CASE WHEN `_dlc_text_quantity` IS NOT NULL AND `quantity` IS NULL THEN concat('quantity: "', `_dlc_text_quantity`, '" is not a valid int') WHEN `quantity` < 1 THEN concat('quantity: "', `_dlc_text_quantity`, '" is below the minimum 1') END AS `_dlc_check_quantity`,
  CASE WHEN `_dlc_text_unit_price` IS NOT NULL AND `unit_price` IS NULL THEN concat('unit_price: "', `_dlc_text_unit_price`, '" is not a valid decimal(12,2)') WHEN `unit_price` < 0 THEN concat('unit_price: "', `_dlc_text_unit_price`, '" is below the minimum 0') END AS `_dlc_check_unit_price`,
  CASE WHEN `_dlc_text_paid` IS NOT NULL AND `paid` IS NULL THEN concat('paid: "', `_dlc_text_paid`, '" is not a valid boolean') END AS `_dlc_check_paid`
FROM dlc_typed) AS checked;

-- The rows that passed every check, one per order_id (the last in the batch), with derived and partition columns.
CREATE OR REPLACE TEMP VIEW clean AS
SELECT `order_id`,
  `order_date`,
  `country`,
  `quantity`,
  `unit_price`,
  `paid`,
  CAST(round((`quantity` * `unit_price`), 2) AS DECIMAL(38, 2)) AS `revenue`,
  CAST(year(`order_date`) AS INT) AS `year`,
  CAST(month(`order_date`) AS INT) AS `month`
FROM (SELECT *, row_number() OVER (PARTITION BY `order_id` ORDER BY _dlc_file_index DESC, _dlc_position DESC) AS _dlc_keep FROM dlc_checked WHERE _dlc_reason IS NULL) AS kept WHERE _dlc_keep = 1
ORDER BY _dlc_file_index, _dlc_position;

-- Every row that is not written: malformed records first, then failed checks, per file in batch order.
CREATE OR REPLACE TEMP VIEW rejected AS
SELECT `source_file`, `line_number`, `row_number`, `record`, `column_name`, `reason`, `batch_date` FROM (
  SELECT _dlc_file AS `source_file`, _dlc_line AS `line_number`, CAST(NULL AS BIGINT) AS `row_number`, _dlc_record AS `record`, CAST(NULL AS STRING) AS `column_name`, _dlc_reason AS `reason`, _dlc_batch_date AS `batch_date`, _dlc_file_index, 0 AS _dlc_kind, _dlc_position FROM dlc_malformed
  UNION ALL
  SELECT _dlc_file, CAST(NULL AS BIGINT), _dlc_row, _dlc_record, _dlc_column, _dlc_reason, _dlc_batch_date, _dlc_file_index, 1, _dlc_position FROM dlc_checked WHERE _dlc_reason IS NOT NULL
) AS rejects
ORDER BY _dlc_file_index, _dlc_kind, _dlc_position;

-- One row of counts; rows_read = rows_written + rows_rejected + rows_deduplicated.
CREATE OR REPLACE TEMP VIEW report AS
SELECT
  (SELECT count(*) FROM dlc_checked) + (SELECT count(*) FROM dlc_malformed) AS rows_read,
  (SELECT count(*) FROM clean) AS rows_written,
  (SELECT count(*) FROM rejected) AS rows_rejected,
  (SELECT count(*) FROM dlc_checked WHERE _dlc_reason IS NULL) - (SELECT count(*) FROM clean) AS rows_deduplicated,
  (SELECT count(*) FROM (SELECT DISTINCT `year`, `month` FROM clean) AS written) AS partitions;
