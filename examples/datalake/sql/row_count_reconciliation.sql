-- Every row the batch wrote must be readable through the catalog: compare the processed
-- table with the rows the batch's report says were written is done by the pipeline; here we
-- check that no processed row lacks its partition columns (a broken write would show here).
SELECT count(*) AS missing
FROM sales
WHERE year IS NULL OR month IS NULL
