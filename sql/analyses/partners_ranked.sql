-- Each country's partners, ranked by the number of engagements with them.
WITH pair_counts AS (
    SELECT country_code, partner_code, count(*) AS engagements
    FROM country_timeline
    GROUP BY country_code, partner_code
)
SELECT country_code, partner_code, engagements,
       rank() OVER (PARTITION BY country_code ORDER BY engagements DESC) AS partner_rank
FROM pair_counts
ORDER BY country_code, partner_rank, partner_code;
