-- Streamwright pipeline 'golden-kafka-source-dead-letter' (Golden kafka-source dead-letter), version 1
-- Generated from the pipeline file; edit the pipeline, not this script.

-- node transactions
CREATE TEMPORARY TABLE `transactions__records` (
  `__record_value` STRING,
  `transaction_id` AS JSON_VALUE(`__record_value`, '$.transaction_id'),
  `amount` AS TRY_CAST(JSON_VALUE(`__record_value`, '$.amount') AS DOUBLE),
  `approved` AS TRY_CAST(JSON_VALUE(`__record_value`, '$.approved') AS BOOLEAN),
  `merchant name` AS JSON_VALUE(`__record_value`, '$[''merchant name'']'),
  `transaction_time` AS COALESCE(TRY_CAST(JSON_VALUE(`__record_value`, '$.transaction_time') AS TIMESTAMP(3)), TIMESTAMP '1970-01-01 00:00:00.000'),
  `__kafka_partition` INT METADATA FROM 'partition' VIRTUAL,
  `__kafka_offset` BIGINT METADATA FROM 'offset' VIRTUAL,
  `__kafka_timestamp` TIMESTAMP_LTZ(3) METADATA FROM 'timestamp' VIRTUAL,
  WATERMARK FOR `transaction_time` AS `transaction_time` - INTERVAL '30' SECOND
) WITH (
  'connector' = 'kafka',
  'format' = 'raw',
  'properties.bootstrap.servers' = 'localhost:9092',
  'properties.group.id' = 'streamwright-transactions',
  'scan.startup.mode' = 'earliest-offset',
  'topic' = 'transactions'
);
CREATE TEMPORARY VIEW `transactions` AS
SELECT
  `transaction_id`,
  `amount`,
  `approved`,
  `merchant name`,
  `transaction_time`
FROM `transactions__records`
WHERE (CASE
    WHEN `__record_value` IS NULL OR NOT `__record_value` IS JSON OBJECT THEN 'not a JSON object'
    WHEN JSON_VALUE(`__record_value`, '$.amount') IS NOT NULL AND `amount` IS NULL THEN 'amount: not a DOUBLE'
    WHEN JSON_VALUE(`__record_value`, '$.approved') IS NOT NULL AND `approved` IS NULL THEN 'approved: not a BOOLEAN'
    WHEN TRY_CAST(JSON_VALUE(`__record_value`, '$.transaction_time') AS TIMESTAMP(3)) IS NULL THEN 'transaction_time: missing or not a TIMESTAMP(3)'
  END) IS NULL;
CREATE TEMPORARY VIEW `transactions__malformed` AS
SELECT
  `__record_value` AS `original_record`,
  (CASE
    WHEN `__record_value` IS NULL OR NOT `__record_value` IS JSON OBJECT THEN 'not a JSON object'
    WHEN JSON_VALUE(`__record_value`, '$.amount') IS NOT NULL AND `amount` IS NULL THEN 'amount: not a DOUBLE'
    WHEN JSON_VALUE(`__record_value`, '$.approved') IS NOT NULL AND `approved` IS NULL THEN 'approved: not a BOOLEAN'
    WHEN TRY_CAST(JSON_VALUE(`__record_value`, '$.transaction_time') AS TIMESTAMP(3)) IS NULL THEN 'transaction_time: missing or not a TIMESTAMP(3)'
  END) AS `dlq_reason`,
  `__kafka_partition` AS `kafka_partition`,
  `__kafka_offset` AS `kafka_offset`,
  `__kafka_timestamp` AS `kafka_timestamp`
FROM `transactions__records`
WHERE (CASE
    WHEN `__record_value` IS NULL OR NOT `__record_value` IS JSON OBJECT THEN 'not a JSON object'
    WHEN JSON_VALUE(`__record_value`, '$.amount') IS NOT NULL AND `amount` IS NULL THEN 'amount: not a DOUBLE'
    WHEN JSON_VALUE(`__record_value`, '$.approved') IS NOT NULL AND `approved` IS NULL THEN 'approved: not a BOOLEAN'
    WHEN TRY_CAST(JSON_VALUE(`__record_value`, '$.transaction_time') AS TIMESTAMP(3)) IS NULL THEN 'transaction_time: missing or not a TIMESTAMP(3)'
  END) IS NOT NULL;

-- node dead_letters
CREATE TEMPORARY TABLE `dead_letters` (
  `original_record` STRING,
  `dlq_reason` STRING,
  `kafka_partition` INT,
  `kafka_offset` BIGINT,
  `kafka_timestamp` TIMESTAMP_LTZ(3)
) WITH (
  'connector' = 'print',
  'print-identifier' = 'dead_letters'
);

-- node printed
CREATE TEMPORARY TABLE `printed` (
  `transaction_id` STRING,
  `amount` DOUBLE,
  `approved` BOOLEAN,
  `merchant name` STRING,
  `transaction_time` TIMESTAMP(3)
) WITH (
  'connector' = 'print',
  'print-identifier' = 'printed'
);

EXECUTE STATEMENT SET
BEGIN
-- node dead_letters
INSERT INTO `dead_letters`
SELECT *
FROM `transactions__malformed`;
-- node printed
INSERT INTO `printed`
SELECT *
FROM `transactions`;
END;
