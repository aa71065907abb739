-- Streamwright pipeline 'golden-file-sink' (Golden file-sink), version 1
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

-- node archive
CREATE TEMPORARY TABLE `archive` (
  `id` BIGINT,
  `user_id` STRING,
  `page` STRING,
  `amount` DOUBLE,
  `event_time` STRING,
  `proc_time` STRING
) WITH (
  'connector' = 'filesystem',
  'format' = 'json',
  'path' = 'file:///tmp/streamwright/clicks',
  'sink.rolling-policy.check-interval' = '10 s',
  'sink.rolling-policy.rollover-interval' = '10 s'
);

EXECUTE STATEMENT SET
BEGIN
-- node archive
INSERT INTO `archive`
SELECT
  `id`,
  `user_id`,
  `page`,
  `amount`,
  REPLACE(CAST(`event_time` AS STRING), ' ', 'T') AS `event_time`,
  SUBSTRING(REPLACE(CAST(TIMESTAMPADD(MINUTE, TIMESTAMPDIFF(MINUTE, TO_TIMESTAMP_LTZ(0, 3), FLOOR(`proc_time` TO MINUTE)), TIMESTAMP '1970-01-01 00:00:00') AS STRING), ' ', 'T') FROM 1 FOR 16) || SUBSTRING(CAST(`proc_time` AS STRING) FROM 17) || 'Z' AS `proc_time`
FROM `clicks`;
END;
