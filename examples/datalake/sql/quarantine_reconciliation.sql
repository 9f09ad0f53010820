-- The quarantine must hold every row the job reported rejecting for this batch: a rejected
-- row is kept with its reason, never lost.
SELECT count(*) AS rejected
FROM sales_rejected
WHERE batch_date = ?
