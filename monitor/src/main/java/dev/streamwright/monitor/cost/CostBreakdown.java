package dev.streamwright.monitor.cost;

/**
 * Money spent over a period, by resource, in a price profile's currency. Allocation costs are split
 * into what the deployment used and what it left idle: {@code allocation = used + idle}, with
 * {@code allocated = max(requested, used)} so {@code idle = max(requested - used, 0)} priced the
 * same way. Usage costs (Kafka bytes, checkpoint storage) are all used, never idle.
 *
 * @param cpuUsed cost of the CPU cores the deployment kept busy
 * @param cpuIdle cost of the requested cores it did not use
 * @param memoryUsed cost of the memory it used (its request when use is unknown)
 * @param memoryIdle cost of the requested memory it did not use
 * @param kafkaRead cost of the bytes read from Kafka
 * @param kafkaWritten cost of the bytes written to Kafka
 * @param checkpointStorage cost of keeping the checkpoint state
 */
public record CostBreakdown(
    double cpuUsed,
    double cpuIdle,
    double memoryUsed,
    double memoryIdle,
    double kafkaRead,
    double kafkaWritten,
    double checkpointStorage) {

  /** Nothing spent. */
  public static final CostBreakdown ZERO = new CostBreakdown(0, 0, 0, 0, 0, 0, 0);

  /** The sum of two periods' costs. */
  public CostBreakdown plus(CostBreakdown o) {
    return new CostBreakdown(
        cpuUsed + o.cpuUsed,
        cpuIdle + o.cpuIdle,
        memoryUsed + o.memoryUsed,
        memoryIdle + o.memoryIdle,
        kafkaRead + o.kafkaRead,
        kafkaWritten + o.kafkaWritten,
        checkpointStorage + o.checkpointStorage);
  }

  /** CPU allocation cost: max(requested, used) cores x hours x rate. */
  public double cpuAllocation() {
    return cpuUsed + cpuIdle;
  }

  /** Memory allocation cost: max(requested, used) GiB x hours x rate. */
  public double memoryAllocation() {
    return memoryUsed + memoryIdle;
  }

  /** Allocation cost of CPU and memory, idle included. */
  public double allocation() {
    return cpuAllocation() + memoryAllocation();
  }

  /** The idle part of the allocation cost. */
  public double idle() {
    return cpuIdle + memoryIdle;
  }

  /** Usage cost: Kafka bytes and checkpoint storage. */
  public double usage() {
    return kafkaRead + kafkaWritten + checkpointStorage;
  }

  /** Everything: allocation plus usage. */
  public double total() {
    return allocation() + usage();
  }
}
