-- Streamwright pipeline 'golden-upsert-kafka-sink' (Golden upsert-kafka-sink), version 1
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

-- node totals
CREATE TEMPORARY VIEW `totals` AS
SELECT user_id, COUNT(*) AS clicks, SUM(amount) AS total
FROM `clicks`
GROUP BY user_id;

-- node per_user
CREATE TEMPORARY TABLE `per_user` (
  `user_id` STRING,
  `clicks` BIGINT,
  `total` DOUBLE,
  PRIMARY KEY (`user_id`) NOT ENFORCED
) WITH (
  'connector' = 'upsert-kafka',
  'key.format' = 'json',
  'properties.bootstrap.servers' = '127.0.0.1:39092',
  'properties.transaction.timeout.ms' = '900000',
  'sink.buffer-flush.interval' = '1 s',
  'sink.buffer-flush.max-rows' = '1000',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = 'streamwright-per_user',
  'topic' = 'clicks-per-user',
  'value.fields-include' = 'ALL',
  'value.format' = 'json'
);

EXECUTE STATEMENT SET
BEGIN
-- node per_user
INSERT INTO `per_user`
SELECT *
FROM `totals`;
END;
