-- Row-count reconciliation: the rows Athena reads from this batch's Parquet files must be the
-- rows the ETL job reported writing. The job names its files part-<batch date>-<n>.parquet,
-- so "$path" tells this batch's rows from the earlier batches in the same partitions.
SELECT count(*) AS written
FROM sales
WHERE "$path" LIKE '%/part-' || ? || '-%'
