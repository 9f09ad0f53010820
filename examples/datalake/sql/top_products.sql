-- The ten products that brought the most revenue, across both exports.
SELECT product, sum(quantity) AS units, sum(revenue) AS revenue
FROM (
  SELECT product, quantity, revenue FROM sales
  UNION ALL
  SELECT product, quantity, revenue FROM erp_sales
)
GROUP BY product
ORDER BY revenue DESC
LIMIT 10
