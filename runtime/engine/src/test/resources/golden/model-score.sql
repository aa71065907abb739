-- Streamwright pipeline 'golden-model-score' (Golden model-score), version 1
-- Generated from the pipeline file; edit the pipeline, not this script.

-- node features
CREATE TEMPORARY TABLE `features` (
  `id` BIGINT,
  `amount` DOUBLE,
  `avg_1min_spend` DOUBLE,
  `tx_count_1min` BIGINT,
  `ratio` AS CAST(amount / avg_1min_spend AS DOUBLE),
  `event_time` TIMESTAMP(3),
  WATERMARK FOR `event_time` AS `event_time` - INTERVAL '2' SECOND
) WITH (
  'connector' = 'datagen',
  'fields.amount.kind' = 'random',
  'fields.amount.max' = '500',
  'fields.amount.min' = '1',
  'fields.avg_1min_spend.kind' = 'random',
  'fields.avg_1min_spend.max' = '300',
  'fields.avg_1min_spend.min' = '1',
  'fields.event_time.kind' = 'random',
  'fields.id.end' = '1000',
  'fields.id.kind' = 'sequence',
  'fields.id.start' = '1',
  'fields.tx_count_1min.kind' = 'random',
  'fields.tx_count_1min.max' = '12',
  'fields.tx_count_1min.min' = '1',
  'rows-per-second' = '20'
);

-- node scored
CREATE TEMPORARY MODEL `scored__model`
INPUT (`amount` DOUBLE, `avg_1min_spend` DOUBLE, `tx_count_1min` BIGINT, `amount_ratio` DOUBLE)
OUTPUT (`fraud_score` DOUBLE)
WITH (
  'batch.max-wait' = '5 ms',
  'batch.size' = '32',
  'on-invalid-input' = 'fail',
  'path' = '${models.dir}/fraud-scorer/fraud-scorer.onnx',
  'provider' = 'onnx'
);
CREATE TEMPORARY SYSTEM FUNCTION IF NOT EXISTS SW_DRIFT_TAP AS 'dev.streamwright.plugin.onnx.tap.DriftTap' LANGUAGE JAVA;
CREATE TEMPORARY VIEW `scored` AS
SELECT *
FROM (
SELECT *
FROM ML_PREDICT(
  TABLE `features`,
  MODEL `scored__model`,
  DESCRIPTOR(`amount`, `avg_1min_spend`, `tx_count_1min`, `ratio`),
  MAP['max-concurrent-operations', '32'])
)
WHERE SW_DRIFT_TAP('scored', 60000, 'amount,avg_1min_spend,tx_count_1min,ratio,fraud_score', `amount`, `avg_1min_spend`, `tx_count_1min`, `ratio`, `fraud_score`);

-- preview sink scored_preview: its rows stream back to the studio
SELECT *
FROM `scored`;
