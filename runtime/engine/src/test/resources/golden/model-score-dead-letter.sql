-- Streamwright pipeline 'golden-model-score-dead-letter' (Golden model-score dead-letter), version 1
-- Generated from the pipeline file; edit the pipeline, not this script.

-- node features
CREATE TEMPORARY TABLE `features` (
  `amount` DOUBLE,
  `avg_1min_spend` DOUBLE,
  `tx_count_1min` INT,
  `amount_ratio` FLOAT,
  `proc_time` AS PROCTIME()
) WITH (
  'connector' = 'datagen',
  'fields.amount.kind' = 'random',
  'fields.amount.max' = '500',
  'fields.amount.min' = '1',
  'fields.amount_ratio.kind' = 'random',
  'fields.amount_ratio.max' = '5',
  'fields.amount_ratio.min' = '0',
  'fields.avg_1min_spend.kind' = 'random',
  'fields.avg_1min_spend.max' = '300',
  'fields.avg_1min_spend.min' = '1',
  'fields.tx_count_1min.kind' = 'random',
  'fields.tx_count_1min.max' = '12',
  'fields.tx_count_1min.min' = '1',
  'rows-per-second' = '20'
);

-- node scored
CREATE TEMPORARY VIEW `scored__scorable` AS
SELECT *
FROM `features`
WHERE COALESCE(ABS(`amount`) <= 3.4028234663852886E38, FALSE)
  AND COALESCE(ABS(`avg_1min_spend`) <= 3.4028234663852886E38, FALSE)
  AND `tx_count_1min` IS NOT NULL
  AND COALESCE(ABS(`amount_ratio`) <= 3.4028234663852886E38, FALSE);
CREATE TEMPORARY VIEW `scored__invalid` AS
SELECT
  *,
  CAST(CASE
    WHEN `amount` IS NULL THEN 'amount: is null'
    WHEN NOT COALESCE(ABS(`amount`) <= 3.4028234663852886E38, FALSE) THEN 'amount: NaN, infinite or too large for a float'
    WHEN `avg_1min_spend` IS NULL THEN 'avg_1min_spend: is null'
    WHEN NOT COALESCE(ABS(`avg_1min_spend`) <= 3.4028234663852886E38, FALSE) THEN 'avg_1min_spend: NaN, infinite or too large for a float'
    WHEN `tx_count_1min` IS NULL THEN 'tx_count_1min: is null'
    WHEN `amount_ratio` IS NULL THEN 'amount_ratio: is null'
    WHEN NOT COALESCE(ABS(`amount_ratio`) <= 3.4028234663852886E38, FALSE) THEN 'amount_ratio: NaN, infinite or too large for a float'
  END AS STRING) AS `dlq_reason`
FROM `features`
WHERE NOT (
  COALESCE(ABS(`amount`) <= 3.4028234663852886E38, FALSE)
  AND COALESCE(ABS(`avg_1min_spend`) <= 3.4028234663852886E38, FALSE)
  AND `tx_count_1min` IS NOT NULL
  AND COALESCE(ABS(`amount_ratio`) <= 3.4028234663852886E38, FALSE));
CREATE TEMPORARY MODEL `scored__model`
INPUT (`amount` DOUBLE, `avg_1min_spend` DOUBLE, `tx_count_1min` INT, `amount_ratio` FLOAT)
OUTPUT (`fraud_score` FLOAT)
WITH (
  'batch.max-wait' = '5 ms',
  'batch.size' = '64',
  'on-invalid-input' = 'fail',
  'path' = '${models.dir}/fraud-scorer/fraud-scorer.onnx',
  'provider' = 'onnx'
);
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS SW_DRIFT_TAP AS 'dev.streamwright.plugin.onnx.tap.DriftTap' LANGUAGE JAVA;
CREATE TEMPORARY VIEW `scored` AS
SELECT *
FROM (
SELECT
  `amount`,
  `avg_1min_spend`,
  `tx_count_1min`,
  `amount_ratio`,
  `proc_time`,
  `fraud_score` AS `risk`
FROM ML_PREDICT(
  TABLE `scored__scorable`,
  MODEL `scored__model`,
  DESCRIPTOR(`amount`, `avg_1min_spend`, `tx_count_1min`, `amount_ratio`),
  MAP['max-concurrent-operations', '64'])
)
WHERE SW_DRIFT_TAP('scored', 60000, 'amount,avg_1min_spend,tx_count_1min,amount_ratio,risk', `amount`, `avg_1min_spend`, `tx_count_1min`, `amount_ratio`, `risk`);

-- node dead_letters
CREATE TEMPORARY TABLE `dead_letters` (
  `amount` DOUBLE,
  `avg_1min_spend` DOUBLE,
  `tx_count_1min` INT,
  `amount_ratio` FLOAT,
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
FROM `scored__invalid`;
END;

-- preview sink scored_preview: its rows stream back to the studio
SELECT *
FROM `scored`;
