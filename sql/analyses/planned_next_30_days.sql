-- Engagements planned to start within 30 days after a given date (parameter after, default 2022-09-01).
SELECT start_date, end_date, country_a, country_b, engagement_type, format, location_city, source_count
FROM engagements
WHERE status = 'planned'
  AND start_date >  CAST(coalesce(getvariable('after'), '2022-09-01') AS DATE)
  AND start_date <= CAST(coalesce(getvariable('after'), '2022-09-01') AS DATE) + INTERVAL 30 DAY
ORDER BY start_date, country_a, country_b, engagement_type, format;
