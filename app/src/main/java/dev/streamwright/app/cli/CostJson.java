package dev.streamwright.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamwright.monitor.cost.CostBreakdown;
import dev.streamwright.monitor.cost.DeploymentCost;
import dev.streamwright.monitor.cost.NodeCost;
import dev.streamwright.monitor.cost.PriceProfile;
import java.util.Comparator;
import java.util.OptionalDouble;

/**
 * A deployment's cost as JSON, the {@code cost} member of {@code streamwright monitor --format
 * json}: amounts in the profile's currency, unknown unit costs and projections as {@code null}.
 */
final class CostJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CostJson() {}

  static ObjectNode of(DeploymentCost c, PriceProfile p) {
    ObjectNode o = JSON.createObjectNode();
    ObjectNode prices = o.putObject("prices");
    prices.put("name", p.name());
    prices.put("currency", p.currency());
    prices.put("pricesTakenOn", String.valueOf(p.pricesTakenOn()));
    prices.put("estimate", p.estimate());
    c.from().ifPresentOrElse(t -> o.put("from", t.toString()), () -> o.putNull("from"));
    c.to().ifPresentOrElse(t -> o.put("to", t.toString()), () -> o.putNull("to"));
    o.put("hours", c.hours());
    o.put("requestedCores", c.requestedCores());
    o.put("requestedMemoryGib", c.requestedMemoryGib());
    o.put("usedCores", c.usedCores());
    CostBreakdown b = c.cost();
    ObjectNode allocation = o.putObject("allocation");
    allocation.put("total", b.allocation());
    allocation.put("cpu", b.cpuAllocation());
    allocation.put("memory", b.memoryAllocation());
    allocation.put("idle", b.idle());
    allocation.put("cpuIdle", b.cpuIdle());
    allocation.put("memoryIdle", b.memoryIdle());
    ObjectNode usage = o.putObject("usage");
    usage.put("total", b.usage());
    usage.put("kafkaReadGb", c.gbRead());
    usage.put("kafkaRead", b.kafkaRead());
    usage.put("kafkaWrittenGb", c.gbWritten());
    usage.put("kafkaWritten", b.kafkaWritten());
    usage.put("checkpointStorage", b.checkpointStorage());
    o.put("total", b.total());
    o.put("recordsRead", c.recordsRead());
    optional(o, "perMillionRecords", c.costPerMillionRecords());
    optional(o, "perGbProcessed", c.costPerGbProcessed());
    optional(o, "projectedMonthly", c.projectedMonthly());
    o.put("windowMinutes", c.window().toMinutes());
    ObjectNode nodes = o.putObject("nodes");
    c.nodes().values().stream()
        .sorted(Comparator.comparing(NodeCost::nodeId))
        .forEach(
            n -> {
              ObjectNode x = nodes.putObject(n.nodeId());
              x.put("busyCores", n.busyCores());
              x.put("cpuShare", n.cpuShare());
              x.put("cpu", n.cpuCost());
              x.put("kafkaRead", n.kafkaReadCost());
              x.put("kafkaWritten", n.kafkaWrittenCost());
              x.put("total", n.total());
            });
    return o;
  }

  private static void optional(ObjectNode o, String field, OptionalDouble v) {
    if (v.isPresent()) {
      o.put(field, v.getAsDouble());
    } else {
      o.putNull(field);
    }
  }
}
