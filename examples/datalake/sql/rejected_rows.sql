-- Rejected-row report: why rows of this batch went to quarantine, most common reason first.
SELECT reason, count(*) AS rows
FROM sales_rejected
WHERE batch_date = ?
GROUP BY reason
ORDER BY rows DESC
