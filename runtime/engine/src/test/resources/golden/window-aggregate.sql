-- Streamwright pipeline 'golden-window-aggregate' (Golden window-aggregate), version 1
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

-- node per_user
CREATE TEMPORARY VIEW `per_user` AS
SELECT
  `user_id`,
  `window_start`,
  `window_end`,
  `window_time`,
  COUNT(*) AS `clicks`,
  SUM(`amount`) AS `total`,
  AVG(`amount`) AS `average`,
  COUNT(DISTINCT `page`) AS `pages`,
  LAST_VALUE(`page`) AS `last_page`
FROM TABLE(TUMBLE(TABLE `clicks`, DESCRIPTOR(`event_time`), INTERVAL '10' SECOND))
GROUP BY `user_id`, `window_start`, `window_end`, `window_time`
HAVING (COUNT(*) > 1 OR SUM(amount) > 100);

-- preview sink per_user_preview: its rows stream back to the studio
SELECT *
FROM `per_user`;
