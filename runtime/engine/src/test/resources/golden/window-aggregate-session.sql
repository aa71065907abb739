-- Streamwright pipeline 'golden-window-aggregate-session' (Golden window-aggregate-session), version 1
-- Generated from the pipeline file; edit the pipeline, not this script.

-- node clicks
CREATE TEMPORARY TABLE `clicks` (
  `id` BIGINT,
  `user_id` STRING,
  `page` AS CAST(ELT(CAST(MOD(id, 3) AS INT) + 1, 'home', 'cart', 'checkout') AS STRING),
  `amount` DOUBLE,
  `event_time` TIMESTAMP(3),
  `proc_time` AS PROCTIME(),
  WATERMARK FOR `event_time` AS `event_time` - INTERVAL '2' SECOND
) WITH (
  'connector' = 'datagen',
  'fields.amount.kind' = 'random',
  'fields.amount.max' = '200',
  'fields.amount.min' = '1',
  'fields.event_time.kind' = 'random',
  'fields.id.end' = '1000000',
  'fields.id.kind' = 'sequence',
  'fields.id.start' = '1',
  'fields.user_id.kind' = 'random',
  'fields.user_id.length' = '4',
  'rows-per-second' = '20'
);

-- node sessions
CREATE TEMPORARY VIEW `sessions` AS
SELECT
  `user_id`,
  `page`,
  SESSION_START(`event_time`, INTERVAL '0.250' SECOND(1,3)) AS `window_start`,
  SESSION_END(`event_time`, INTERVAL '0.250' SECOND(1,3)) AS `window_end`,
  SESSION_ROWTIME(`event_time`, INTERVAL '0.250' SECOND(1,3)) AS `window_time`,
  COUNT(`amount`) AS `n`
FROM `clicks`
GROUP BY `user_id`, `page`, SESSION(`event_time`, INTERVAL '0.250' SECOND(1,3))
HAVING (COUNT(*) > 1);

-- preview sink sessions_preview: its rows stream back to the studio
SELECT *
FROM `sessions`;
