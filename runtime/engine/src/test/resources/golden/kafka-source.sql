-- Streamwright pipeline 'golden-kafka-source' (Golden kafka-source), version 1
-- Generated from the pipeline file; edit the pipeline, not this script.

-- node transactions
CREATE TEMPORARY TABLE `transactions` (
  `transaction_id` STRING,
  `user_id` STRING,
  `amount` DOUBLE,
  `currency` STRING,
  `transaction_time` TIMESTAMP(3),
  `kafka_time` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp',
  WATERMARK FOR `transaction_time` AS `transaction_time` - INTERVAL '30' SECOND
) WITH (
  'connector' = 'kafka',
  'format' = 'json',
  'json.ignore-parse-errors' = 'false',
  'key.fields' = 'user_id',
  'key.format' = 'json',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.group.id' = 'streamwright-transactions',
  'scan.startup.mode' = 'earliest-offset',
  'topic' = 'transactions',
  'value.fields-include' = 'ALL'
);

-- node printed
CREATE TEMPORARY TABLE `printed` (
  `transaction_id` STRING,
  `user_id` STRING,
  `amount` DOUBLE,
  `currency` STRING,
  `transaction_time` TIMESTAMP(3),
  `kafka_time` TIMESTAMP_LTZ(3)
) WITH (
  'connector' = 'print',
  'print-identifier' = 'printed'
);

EXECUTE STATEMENT SET
BEGIN
-- node printed
INSERT INTO `printed`
SELECT *
FROM `transactions`;
END;
