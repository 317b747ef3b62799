-- How engagements break down by year and status: held, planned, proposed, postponed, cancelled.
SELECT year(start_date) AS year, status, engagement_type, count(*) AS engagements
FROM engagements
GROUP BY ALL
ORDER BY year NULLS LAST, status, engagement_type;
