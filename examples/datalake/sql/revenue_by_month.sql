-- Revenue and orders per month, over every batch loaded so far.
SELECT year, month, sum(revenue) AS revenue, count(*) AS orders
FROM sales
GROUP BY year, month
ORDER BY year, month
