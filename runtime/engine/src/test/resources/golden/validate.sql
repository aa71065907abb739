-- Streamwright pipeline 'golden-validate' (Golden validate), version 1
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

-- node checked
CREATE TEMPORARY VIEW `checked__valid` AS
SELECT *
FROM `clicks`
WHERE COALESCE(`user_id` IS NOT NULL, FALSE)
  AND COALESCE((`amount` >= 0 AND `amount` <= 150.5), FALSE)
  AND COALESCE((`page` = 'home' OR `page` = 'cart' OR `page` = 'checkout'), FALSE)
  AND COALESCE((`id` = 1 OR `id` = 2 OR `id` = 3), FALSE)
  AND COALESCE(REGEXP(`user_id`, '^[a-f0-9]{4}$'), FALSE);
CREATE TEMPORARY VIEW `checked__rejected` AS
SELECT
  *,
  CAST(CASE
    WHEN NOT COALESCE(`user_id` IS NOT NULL, FALSE) THEN 'user_id: is null'
    WHEN NOT COALESCE((`amount` >= 0 AND `amount` <= 150.5), FALSE) THEN 'amount: not between 0 and 150.5'
    WHEN NOT COALESCE((`page` = 'home' OR `page` = 'cart' OR `page` = 'checkout'), FALSE) THEN 'page: not one of home, cart, checkout'
    WHEN NOT COALESCE((`id` = 1 OR `id` = 2 OR `id` = 3), FALSE) THEN 'id: not one of 1, 2, 3'
    WHEN NOT COALESCE(REGEXP(`user_id`, '^[a-f0-9]{4}$'), FALSE) THEN 'user_id: does not match ^[a-f0-9]{4}$'
  END AS STRING) AS `dlq_reason`
FROM `clicks`
WHERE NOT (
  COALESCE(`user_id` IS NOT NULL, FALSE)
  AND COALESCE((`amount` >= 0 AND `amount` <= 150.5), FALSE)
  AND COALESCE((`page` = 'home' OR `page` = 'cart' OR `page` = 'checkout'), FALSE)
  AND COALESCE((`id` = 1 OR `id` = 2 OR `id` = 3), FALSE)
  AND COALESCE(REGEXP(`user_id`, '^[a-f0-9]{4}$'), FALSE));

-- node dead_letters
CREATE TEMPORARY TABLE `dead_letters` (
  `id` BIGINT,
  `user_id` STRING,
  `page` STRING,
  `amount` DOUBLE,
  `event_time` TIMESTAMP(3),
  `proc_time` TIMESTAMP_LTZ(3),
  `dlq_reason` STRING
) WITH (
  'connector' = 'print',
  'print-identifier' = 'dead_letters'
);

EXECUTE STATEMENT SET
BEGIN
-- node dead_letters
INSERT INTO `dead_letters`
SELECT *
FROM `checked__rejected`;
END;

-- preview sink checked_preview: its rows stream back to the studio
SELECT *
FROM `checked__valid`;
