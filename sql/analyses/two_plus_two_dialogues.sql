-- "2+2" foreign-and-defence ministerial dialogues and their ordinals (first, second, ...).
SELECT country_a, country_b, ordinal, status, start_date, location_city, format, source_count
FROM engagements
WHERE format ILIKE '%2+2%'
ORDER BY country_a, country_b, ordinal NULLS LAST, start_date;
