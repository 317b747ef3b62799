-- Views the pipeline creates in every warehouse build, for the questions analysts ask most.

CREATE VIEW dyad_summary AS
SELECT
    country_a,
    country_b,
    engagement_type,
    count(*)                         AS engagements,
    min(coalesce(start_date, first_reported)) AS first_date,
    max(coalesce(end_date, start_date, last_reported)) AS last_date,
    sum(source_count)                AS sources
FROM engagements
GROUP BY ALL;
COMMENT ON VIEW dyad_summary IS 'Engagements per country pair and type, with first and last date and the number of reporting sources.';
COMMENT ON COLUMN dyad_summary.country_a IS 'First country of the pair (alpha-3, alphabetically first).';
COMMENT ON COLUMN dyad_summary.country_b IS 'Second country of the pair.';
COMMENT ON COLUMN dyad_summary.engagement_type IS 'Engagement type.';
COMMENT ON COLUMN dyad_summary.engagements IS 'Number of engagements.';
COMMENT ON COLUMN dyad_summary.first_date IS 'Earliest engagement date (the first report date where no engagement date is known).';
COMMENT ON COLUMN dyad_summary.last_date IS 'Latest engagement date (the last report date where no engagement date is known).';
COMMENT ON COLUMN dyad_summary.sources IS 'Sum of source_count over the engagements.';

CREATE VIEW country_timeline AS
SELECT country_a AS country_code, country_b AS partner_code, engagement_id, engagement_type, format, status,
       start_date, end_date, date_precision, location_city, initiator_country, host_country, source_count
FROM engagements
UNION ALL
SELECT country_b AS country_code, country_a AS partner_code, engagement_id, engagement_type, format, status,
       start_date, end_date, date_precision, location_city, initiator_country, host_country, source_count
FROM engagements;
COMMENT ON VIEW country_timeline IS 'Every engagement once from each side: filter on country_code to get one country''s timeline with all partners.';
COMMENT ON COLUMN country_timeline.country_code IS 'The country whose timeline this row belongs to.';
COMMENT ON COLUMN country_timeline.partner_code IS 'The other country of the engagement.';
COMMENT ON COLUMN country_timeline.engagement_id IS 'The engagement.';
COMMENT ON COLUMN country_timeline.engagement_type IS 'Engagement type.';
COMMENT ON COLUMN country_timeline.format IS 'Engagement format.';
COMMENT ON COLUMN country_timeline.status IS 'Engagement status.';
COMMENT ON COLUMN country_timeline.start_date IS 'Engagement start date.';
COMMENT ON COLUMN country_timeline.end_date IS 'Engagement end date.';
COMMENT ON COLUMN country_timeline.date_precision IS 'Precision of the dates.';
COMMENT ON COLUMN country_timeline.location_city IS 'City of the engagement.';
COMMENT ON COLUMN country_timeline.initiator_country IS 'Initiating country, where stated.';
COMMENT ON COLUMN country_timeline.host_country IS 'Hosting country, where stated.';
COMMENT ON COLUMN country_timeline.source_count IS 'Number of reporting articles.';

CREATE VIEW person_activity AS
SELECT
    p.person_id,
    p.name,
    p.country_code,
    p.role,
    count(DISTINCT ep.engagement_id)           AS engagements,
    count(DISTINCT CASE WHEN e.country_a = p.country_code THEN e.country_b ELSE e.country_a END) AS partner_countries,
    min(e.start_date)                          AS first_date,
    max(coalesce(e.end_date, e.start_date))    AS last_date
FROM persons p
JOIN engagement_participants ep USING (person_id)
JOIN engagements e USING (engagement_id)
GROUP BY ALL;
COMMENT ON VIEW person_activity IS 'Per person: how many engagements they took part in, with how many partner countries, and over which dates.';
COMMENT ON COLUMN person_activity.person_id IS 'The person.';
COMMENT ON COLUMN person_activity.name IS 'Canonical name.';
COMMENT ON COLUMN person_activity.country_code IS 'The person''s country.';
COMMENT ON COLUMN person_activity.role IS 'The person''s role.';
COMMENT ON COLUMN person_activity.engagements IS 'Number of engagements taken part in.';
COMMENT ON COLUMN person_activity.partner_countries IS 'Number of distinct partner countries in those engagements.';
COMMENT ON COLUMN person_activity.first_date IS 'Earliest engagement start date.';
COMMENT ON COLUMN person_activity.last_date IS 'Latest engagement end date.';
