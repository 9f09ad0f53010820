-- Revenue and orders per month across both exports, over every batch loaded so far.
-- The crawler types partition columns as string: cast them, or month 10 sorts before 9.
SELECT CAST(year AS integer) AS year, CAST(month AS integer) AS month, sum(revenue) AS revenue, count(*) AS orders
FROM (
  SELECT year, month, revenue FROM sales
  UNION ALL
  SELECT year, month, revenue FROM erp_sales
)
GROUP BY 1, 2
ORDER BY 1, 2
