/**
 * What a deployment costs, headless: OpenCost's allocation model mapped to Flink. A {@link
 * dev.streamwright.monitor.cost.ResourceProfile} (task slots x cores and memory per slot, plus the
 * JobManager) is what a deployment requests; a {@link dev.streamwright.monitor.cost.UsageSample}
 * per poll is what it used (busy time, Kafka bytes, checkpoint size), built from a monitor snapshot
 * by {@link dev.streamwright.monitor.cost.SnapshotUsage}; a {@link
 * dev.streamwright.monitor.cost.PriceProfile} prices both; a {@link
 * dev.streamwright.monitor.cost.CostMeter} accumulates the cost per deployment and per node with
 * the caller's time; {@link dev.streamwright.monitor.cost.Showback} adds deployments up by pipeline
 * tags; {@link dev.streamwright.monitor.cost.CostSignals} gives the alert engine its value. Reads
 * {@code figures} and names {@code alerts}' series keys; nothing here reads a clock, touches
 * JavaFX, Flink or Kafka.
 */
package dev.streamwright.monitor.cost;
