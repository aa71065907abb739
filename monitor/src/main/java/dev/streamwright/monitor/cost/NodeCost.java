package dev.streamwright.monitor.cost;

/**
 * One pipeline node's part of its deployment's cost over the metered period: the CPU it kept busy
 * (see {@link UsageSample#nodeBusyCores} for how a task shared by several nodes is split) and the
 * Kafka bytes it read or wrote. The deployment's idle cost, memory and checkpoint storage are not
 * split by node: no Flink metric says which node they are for.
 *
 * @param nodeId the node
 * @param busyCores its busy cores at the last poll
 * @param cpuShare its part of the deployment's used core-hours, in [0, 1]; 0 before any were used
 * @param cpuCost the cost of its busy core-hours
 * @param kafkaReadCost the cost of the bytes it read from Kafka
 * @param kafkaWrittenCost the cost of the bytes it wrote to Kafka
 */
public record NodeCost(
    String nodeId,
    double busyCores,
    double cpuShare,
    double cpuCost,
    double kafkaReadCost,
    double kafkaWrittenCost) {

  /** The node's cost: its CPU and its Kafka bytes. */
  public double total() {
    return cpuCost + kafkaReadCost + kafkaWrittenCost;
  }
}
