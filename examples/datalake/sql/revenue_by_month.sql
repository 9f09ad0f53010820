-- Revenue and orders per month across both exports, over every batch loaded so far.
SELECT year, month, sum(revenue) AS revenue, count(*) AS orders
FROM (
  SELECT year, month, revenue FROM sales
  UNION ALL
  SELECT year, month, revenue FROM erp_sales
)
GROUP BY year, month
ORDER BY year, month
