-- Streamwright pipeline 'golden-project' (Golden project), version 1
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

-- node shaped
CREATE TEMPORARY VIEW `shaped` AS
SELECT
  UPPER(user_id) AS `user`,
  amount * 0.92 AS `amount_eur`,
  event_time AS `ts`,
  HASH_CODE(page) % 16 AS `page_hash`
FROM `clicks`;

-- preview sink shaped_preview: its rows stream back to the studio
SELECT *
FROM `shaped`;
