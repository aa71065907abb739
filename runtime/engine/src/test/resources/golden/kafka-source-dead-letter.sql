-- Streamwright pipeline 'golden-kafka-source-dead-letter' (Golden kafka-source dead-letter), version 1
-- Generated from the pipeline file; edit the pipeline, not this script.

-- node transactions
CREATE TEMPORARY TABLE `transactions__records` (
  `__record_value` STRING,
  `transaction_id` AS JSON_VALUE(`__record_value`, '$.transaction_id'),
  `amount` AS TRY_CAST(JSON_VALUE(`__record_value`, '$.amount') AS DOUBLE),
  `approved` AS TRY_CAST(JSON_VALUE(`__record_value`, '$.approved') AS BOOLEAN),
  `merchant name` AS JSON_VALUE(`__record_value`, '$[''merchant name'']'),
  `transaction_time` AS COALESCE(TRY_CAST(REPLACE(REPLACE(JSON_VALUE(`__record_value`, '$.transaction_time'), 'T', ' '), 'Z', '') AS TIMESTAMP(3)), TIMESTAMP '1970-01-01 00:00:00.000'),
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
CREATE TEMPORARY VIEW `transactions__checked` AS
SELECT
  *,
  (CASE
    WHEN `__record_value` IS NULL THEN 'the record has no value'
    WHEN NOT `__record_value` IS JSON OBJECT THEN 'not a JSON object'
    WHEN `amount` IS NULL AND (JSON_VALUE(`__record_value`, '$.amount') IS NOT NULL OR JSON_QUERY(`__record_value`, '$.amount') IS NOT NULL) THEN CASE WHEN JSON_VALUE(`__record_value`, '$.amount') IS NOT NULL THEN 'field ''amount'' holds ' || SUBSTRING(REGEXP_EXTRACT(JSON_QUERY(`__record_value`, '$.amount' WITH ARRAY WRAPPER), '^\[(.*)\]$', 1) FROM 1 FOR 60) ELSE 'field ''amount'' holds ' || CASE WHEN JSON_QUERY(`__record_value`, '$.amount') LIKE '[%' THEN 'an array' ELSE 'an object' END END || ', expected a number'
    WHEN `approved` IS NULL AND (JSON_VALUE(`__record_value`, '$.approved') IS NOT NULL OR JSON_QUERY(`__record_value`, '$.approved') IS NOT NULL) THEN CASE WHEN JSON_VALUE(`__record_value`, '$.approved') IS NOT NULL THEN 'field ''approved'' holds ' || SUBSTRING(REGEXP_EXTRACT(JSON_QUERY(`__record_value`, '$.approved' WITH ARRAY WRAPPER), '^\[(.*)\]$', 1) FROM 1 FOR 60) ELSE 'field ''approved'' holds ' || CASE WHEN JSON_QUERY(`__record_value`, '$.approved') LIKE '[%' THEN 'an array' ELSE 'an object' END END || ', expected true or false'
    WHEN `transaction_time` = TIMESTAMP '1970-01-01 00:00:00.000' THEN CASE WHEN JSON_VALUE(`__record_value`, '$.transaction_time') IS NOT NULL THEN 'field ''transaction_time'' holds ' || SUBSTRING(REGEXP_EXTRACT(JSON_QUERY(`__record_value`, '$.transaction_time' WITH ARRAY WRAPPER), '^\[(.*)\]$', 1) FROM 1 FOR 60) || ', expected a timestamp like 2026-11-23 07:40:36.190' WHEN JSON_QUERY(`__record_value`, '$.transaction_time') IS NOT NULL THEN 'field ''transaction_time'' holds ' || CASE WHEN JSON_QUERY(`__record_value`, '$.transaction_time') LIKE '[%' THEN 'an array' ELSE 'an object' END || ', expected a timestamp like 2026-11-23 07:40:36.190' ELSE 'field ''transaction_time'' is missing or null; it is the event time, which every record needs' END
    WHEN (LOCATE('[', `__record_value`) > 0 OR LOCATE('{', `__record_value`, 2) > 0) AND (JSON_QUERY(`__record_value`, '$.transaction_id') IS NOT NULL OR JSON_QUERY(`__record_value`, '$[''merchant name'']') IS NOT NULL) THEN CASE WHEN JSON_QUERY(`__record_value`, '$.transaction_id') IS NOT NULL THEN 'field ''transaction_id'' holds ' || CASE WHEN JSON_QUERY(`__record_value`, '$.transaction_id') LIKE '[%' THEN 'an array' ELSE 'an object' END || ', expected a string, number or boolean' WHEN JSON_QUERY(`__record_value`, '$[''merchant name'']') IS NOT NULL THEN 'field ''merchant name'' holds ' || CASE WHEN JSON_QUERY(`__record_value`, '$[''merchant name'']') LIKE '[%' THEN 'an array' ELSE 'an object' END || ', expected a string, number or boolean' END
  END) AS `__malformed_reason`
FROM `transactions__records`;
CREATE TEMPORARY VIEW `transactions` AS
SELECT
  `transaction_id`,
  `amount`,
  `approved`,
  `merchant name`,
  `transaction_time`
FROM `transactions__checked`
WHERE `__malformed_reason` IS NULL;
CREATE TEMPORARY VIEW `transactions__malformed` AS
SELECT
  `__record_value` AS `original_record`,
  `__malformed_reason` AS `dlq_reason`,
  `__kafka_partition` AS `kafka_partition`,
  `__kafka_offset` AS `kafka_offset`,
  `__kafka_timestamp` AS `kafka_timestamp`
FROM `transactions__checked`
WHERE `__malformed_reason` IS NOT NULL;

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
