-- Streamwright pipeline 'golden-sql' (Golden sql), version 1
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
WHERE page <> 'a;b'
GROUP BY user_id;

-- node printed
CREATE TEMPORARY TABLE `printed` (
  `user_id` STRING,
  `clicks` BIGINT,
  `total` DOUBLE
) WITH (
  'connector' = 'print',
  'print-identifier' = 'printed'
);

EXECUTE STATEMENT SET
BEGIN
-- node printed
INSERT INTO `printed`
SELECT *
FROM `totals`;
END;
