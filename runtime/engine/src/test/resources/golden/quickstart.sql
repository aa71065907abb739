-- Streamwright pipeline 'golden-quickstart' (Golden quickstart), version 1
-- Generated from the pipeline file; edit the pipeline, not this script.

-- node clicks
CREATE TEMPORARY TABLE `clicks` (
  `user_id` STRING,
  `page` STRING,
  `event_time` TIMESTAMP(3),
  WATERMARK FOR `event_time` AS `event_time` - INTERVAL '5' SECOND
) WITH (
  'connector' = 'datagen',
  'fields.event_time.kind' = 'random',
  'fields.page.kind' = 'random',
  'fields.page.length' = '6',
  'fields.user_id.kind' = 'random',
  'fields.user_id.length' = '1',
  'rows-per-second' = '5'
);

-- node counts
CREATE TEMPORARY VIEW `counts` AS
SELECT
  `user_id`,
  `window_start`,
  `window_end`,
  `window_time`,
  COUNT(*) AS `clicks`
FROM TABLE(TUMBLE(TABLE `clicks`, DESCRIPTOR(`event_time`), INTERVAL '10' SECOND))
GROUP BY `user_id`, `window_start`, `window_end`, `window_time`;

-- preview sink counts_preview: its rows stream back to the studio
SELECT *
FROM `counts`;
