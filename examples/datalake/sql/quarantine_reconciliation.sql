-- The quarantine must hold every row each job reported rejecting for this batch: a rejected
-- row is kept with its reason, never lost.
SELECT
  (SELECT count(*) FROM sales_rejected WHERE batch_date = ?) AS sales,
  (SELECT count(*) FROM erp_sales_rejected WHERE batch_date = ?) AS erp_sales
