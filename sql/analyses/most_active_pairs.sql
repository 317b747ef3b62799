-- The most active country pairs in a year: engagements that started in it (parameter year, default 2022).
SELECT country_a, country_b, count(*) AS engagements, count(DISTINCT engagement_type) AS types, sum(source_count) AS sources
FROM engagements
WHERE year(start_date) = coalesce(getvariable('year'), 2022)
GROUP BY ALL
ORDER BY engagements DESC, sources DESC, country_a, country_b
LIMIT 20;
