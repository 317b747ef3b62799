-- Each country's partners, ranked by the number of engagements with them.
SELECT country_code, partner_code, count(*) AS engagements,
       rank() OVER (PARTITION BY country_code ORDER BY count(*) DESC) AS partner_rank
FROM country_timeline
GROUP BY ALL
ORDER BY country_code, partner_rank, partner_code;
