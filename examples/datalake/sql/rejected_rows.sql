-- Rejected-row report: why rows of this batch went to quarantine, most common reason first.
SELECT 'web shop' AS export, column_name, reason, count(*) AS rejected
FROM sales_rejected
WHERE batch_date = ?
GROUP BY column_name, reason
UNION ALL
SELECT 'ERP' AS export, column_name, reason, count(*) AS rejected
FROM erp_sales_rejected
WHERE batch_date = ?
GROUP BY column_name, reason
ORDER BY rejected DESC
LIMIT 20
