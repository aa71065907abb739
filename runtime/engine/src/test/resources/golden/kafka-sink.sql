-- Streamwright pipeline 'golden-kafka-sink' (Golden kafka-sink), version 1
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

-- node alerts
CREATE TEMPORARY TABLE `alerts` (
  `id` BIGINT,
  `user_id` STRING,
  `page` STRING,
  `amount` DOUBLE,
  `event_time` STRING,
  `proc_time` STRING
) WITH (
  'connector' = 'kafka',
  'format' = 'json',
  'key.fields' = 'user_id',
  'key.format' = 'json',
  'properties.bootstrap.servers' = '127.0.0.1:39092',
  'properties.transaction.timeout.ms' = '900000',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = 'streamwright-alerts',
  'topic' = 'click-alerts',
  'value.fields-include' = 'ALL'
);

EXECUTE STATEMENT SET
BEGIN
-- node alerts
INSERT INTO `alerts`
SELECT
  `id`,
  `user_id`,
  `page`,
  `amount`,
  REPLACE(CAST(`event_time` AS STRING), ' ', 'T') AS `event_time`,
  SUBSTRING(REPLACE(CAST(TIMESTAMPADD(MINUTE, TIMESTAMPDIFF(MINUTE, TO_TIMESTAMP_LTZ(0, 3), FLOOR(`proc_time` TO MINUTE)), TIMESTAMP '1970-01-01 00:00:00') AS STRING), ' ', 'T') FROM 1 FOR 16) || SUBSTRING(CAST(`proc_time` AS STRING) FROM 17) || 'Z' AS `proc_time`
FROM `clicks`;
END;
