-- Pairs of people from different countries who took part in the same engagements most often.
SELECT p1.name AS person_1, p1.country_code AS country_1, p2.name AS person_2, p2.country_code AS country_2,
       count(DISTINCT p1.engagement_id) AS engagements_together
FROM engagement_participants p1
JOIN engagement_participants p2
  ON p1.engagement_id = p2.engagement_id AND p1.country_code < p2.country_code
GROUP BY ALL
ORDER BY engagements_together DESC, person_1, person_2
LIMIT 20;
