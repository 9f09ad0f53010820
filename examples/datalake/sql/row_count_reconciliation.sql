-- Row-count reconciliation: the rows Athena reads from this batch's Parquet files must be the
-- rows each ETL job reported writing. The jobs name their files part-<batch date>-<n>.parquet,
-- so "$path" tells this batch's rows from the earlier batches in the same partitions.
SELECT
  (SELECT count(*) FROM sales WHERE "$path" LIKE '%/part-' || ? || '-%') AS sales,
  (SELECT count(*) FROM erp_sales WHERE "$path" LIKE '%/part-' || ? || '-%') AS erp_sales
