-- The ten products that brought the most revenue.
SELECT product, sum(quantity) AS units, sum(revenue) AS revenue
FROM sales
GROUP BY product
ORDER BY revenue DESC
LIMIT 10
