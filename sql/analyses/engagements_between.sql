-- All engagements between two countries, by date, with their participants.
-- Parameters: country_1, country_2 (alpha-3; default IND and JPN), e.g.
--   uv run bilateral sql sql/analyses/engagements_between.sql --param country_1=USA --param country_2=CHN
SELECT
    e.start_date,
    e.end_date,
    e.engagement_type,
    e.format,
    e.status,
    e.location_city,
    e.source_count,
    string_agg(p.name || coalesce(' (' || p.role || ')', ''), '; ' ORDER BY p.country_code, p.name) AS participants
FROM engagements e
LEFT JOIN engagement_participants p USING (engagement_id)
WHERE e.country_a = least(coalesce(getvariable('country_1'), 'IND'), coalesce(getvariable('country_2'), 'JPN'))
  AND e.country_b = greatest(coalesce(getvariable('country_1'), 'IND'), coalesce(getvariable('country_2'), 'JPN'))
GROUP BY ALL
ORDER BY e.start_date NULLS LAST, e.engagement_type, e.format;
