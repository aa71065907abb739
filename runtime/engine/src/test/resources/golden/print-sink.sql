-- Streamwright pipeline 'golden-print-sink' (Golden print-sink), version 1
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

-- node printed
CREATE TEMPORARY TABLE `printed` (
  `id` BIGINT,
  `user_id` STRING,
  `page` STRING,
  `amount` DOUBLE,
  `event_time` TIMESTAMP(3),
  `proc_time` TIMESTAMP_LTZ(3)
) WITH (
  'connector' = 'print',
  'print-identifier' = 'printed'
);

EXECUTE STATEMENT SET
BEGIN
-- node printed
INSERT INTO `printed`
SELECT *
FROM `clicks`;
END;
