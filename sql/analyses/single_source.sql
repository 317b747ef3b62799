-- Engagements backed by a single article: the ones to verify before citing, with the sentence that states them.
SELECT e.country_a, e.country_b, e.engagement_type, e.format, e.status, e.start_date, a.source_domain, a.source_file,
       min(ev.sentence) AS evidence
FROM engagements e
JOIN engagement_evidence ev USING (engagement_id)
JOIN articles a USING (article_id)
WHERE e.source_count = 1
GROUP BY ALL
ORDER BY e.start_date NULLS LAST, e.country_a, e.country_b, e.engagement_type, e.format;
