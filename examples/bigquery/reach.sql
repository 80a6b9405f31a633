-- Reach inside BigQuery with the library's JavaScript aggregate function.
--
-- 1. Build the library file (one dependency-free ESM file, ≈ 56 KB; BigQuery allows 1 MB for a
--    library, 32 KB for inline code):   npm run build   →   dist/bigquery/reach-udaf.js
--    (it ships in the npm package too: node_modules/scaling-navigator/dist/bigquery/reach-udaf.js)
-- 2. Upload it:   gcloud storage cp dist/bigquery/reach-udaf.js gs://my-bucket/scaling-navigator/
-- 3. Run this script. The options are the same object summarizeReach takes, as a JSON literal
--    (a NOT AGGREGATE argument must be a literal or a query parameter).
--
-- Not run live by this library's tests: the function is tested in a harness that calls it as
-- BigQuery does (shards, INT64 as BigInt, JSON state between stages, random merge order).

CREATE TEMP AGGREGATE FUNCTION reach(
  units ARRAY<STRING>,
  group_mask INT64,
  eligible BOOL,
  engagements INT64,
  options JSON NOT AGGREGATE)
RETURNS JSON
LANGUAGE js
OPTIONS (library = ['gs://my-bucket/scaling-navigator/reach-udaf.js'])
AS r'''
  import { initialState, aggregate, merge, finalize, serialize, deserialize }
    from 'gs://my-bucket/scaling-navigator/reach-udaf.js';
  export { initialState, aggregate, merge, finalize, serialize, deserialize };
''';

SELECT
  reach(
    [CAST(district_id AS STRING), CAST(school_id AS STRING)],
    (CASE WHEN is_poverty THEN 1 ELSE 0 END) + (CASE WHEN is_el THEN 2 ELSE 0 END) + (CASE WHEN has_iep THEN 4 ELSE 0 END),
    enrolled,
    sessions,
    JSON '{"focalGroups": ["poverty", "el", "swd"], "unitLevels": ["district", "school"], "minEngagements": 2}'
  ) AS summary
FROM `my-project.k12.roster`;

-- The alternative that needs no JavaScript at all: count in SQL and summarize in Node.
--   const query = reachCountsQuery({ dialect: 'bigquery', table: ['my-project', 'k12', 'roster'], columns }, options);
--   const [rows] = await bigquery.query({ query: query.sql, params: query.namedParams });
--   const summary = reachFromCounts(rows, options);
