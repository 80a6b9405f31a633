SELECT
  "sn_u0" AS "district",
  "sn_u1" AS "school",
  "sn_mask" AS "group_mask",
  "sn_eligible" AS "eligible",
  "sn_bin" AS "engagements",
  COUNT(*) AS "people",
  SUM("sn_engagements") AS "engagement_sum"
FROM (
  SELECT
    CAST("district_id" AS VARCHAR) AS "sn_u0",
    CAST("school_id" AS VARCHAR) AS "sn_u1",
    (CASE WHEN "is_poverty" THEN 1 WHEN NOT "is_poverty" THEN 0 END) + (CASE WHEN "is_el" THEN 2 WHEN NOT "is_el" THEN 0 END) + (CASE WHEN "has_iep" THEN 4 WHEN NOT "has_iep" THEN 0 END) AS "sn_mask",
    "enrolled" AS "sn_eligible",
    CASE WHEN "sessions" >= $1 THEN $1 ELSE "sessions" END AS "sn_bin",
    "sessions" AS "sn_engagements"
  FROM "main"."roster"
) AS "sn_rows"
GROUP BY "sn_u0", "sn_u1", "sn_mask", "sn_eligible", "sn_bin"
