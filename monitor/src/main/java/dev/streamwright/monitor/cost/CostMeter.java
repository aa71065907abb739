package dev.streamwright.monitor.cost;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Accumulates one deployment's cost over polls: OpenCost's allocation model mapped to Flink. Time
 * comes from the caller ({@link UsageSample#at()}); nothing here reads a clock. Each poll after the
 * first closes an interval from the previous poll, priced at this poll's rates (Flink's per-second
 * metrics are averages over the time just before the poll). A poll that is not later than the
 * previous one is ignored. With {@code h} the interval's hours and {@code s} its seconds:
 *
 * <ul>
 *   <li><b>allocation cost</b> per resource = {@code max(requested, used) x h x hourly rate}: CPU
 *       requested is {@link ResourceProfile#requestedCores()}, used is {@link
 *       UsageSample#usedCores()} (busy time, 1000 ms/s = one core per subtask, summed over subtasks
 *       and vertices); memory requested is {@link ResourceProfile#requestedMemoryGib()}, used is
 *       {@link UsageSample#memoryUsedGib()}, or the request when unknown;
 *   <li><b>idle</b> = allocated - used = {@code max(requested - used, 0) x h x rate}, part of the
 *       allocation cost and shown apart ({@link CostBreakdown});
 *   <li><b>usage cost</b> = amount x unit rate: GB read and written from Kafka ({@code bytes/s x s
 *       / 10^9 x rate per GB}), and checkpoint storage in GB-months ({@code checkpoint bytes / 10^9
 *       x h / 730 x rate per GB-month});
 *   <li><b>unit costs</b>: see {@link DeploymentCost#costPerMillionRecords()} and {@link
 *       DeploymentCost#costPerGbProcessed()};
 *   <li><b>projected monthly cost</b> = the cost of the intervals that ended within the trailing
 *       window (15 minutes by default) over their hours, times {@value #HOURS_PER_MONTH} hours.
 *       This is the value alert rules on {@code projected_monthly_cost} watch.
 * </ul>
 *
 * <p>Per node: its busy cores ({@link UsageSample#nodeBusyCores}) priced at the core rate, and the
 * Kafka bytes it reads or writes. Thread-safe.
 */
public final class CostMeter {

  /** Hours in a month: 365 x 24 / 12, as cloud price pages and OpenCost count. */
  public static final double HOURS_PER_MONTH = 730;

  /** The default window of the current rate behind the monthly projection. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);

  private static final double BYTES_PER_GB = 1e9;

  private final String deploymentId;
  private final ResourceProfile resources;
  private final PriceProfile prices;
  private final Duration window;

  private Instant first;
  private Instant last;
  private double lastUsedCores;
  private double hours;
  private CostBreakdown total = CostBreakdown.ZERO;
  private double records;
  private double gbRead;
  private double gbWritten;
  private double usedCoreHours;
  private final Map<String, NodeSums> nodes = new HashMap<>();
  private final ArrayDeque<Interval> recent = new ArrayDeque<>();

  /** A meter with the default window. */
  public CostMeter(String deploymentId, ResourceProfile resources, PriceProfile prices) {
    this(deploymentId, resources, prices, DEFAULT_WINDOW);
  }

  /**
   * A meter of one deployment.
   *
   * @throws IllegalArgumentException when the price profile is not valid (naming its fields) or the
   *     window is not positive
   */
  public CostMeter(
      String deploymentId, ResourceProfile resources, PriceProfile prices, Duration window) {
    this.deploymentId = Objects.requireNonNull(deploymentId, "deploymentId");
    this.resources = Objects.requireNonNull(resources, "resources");
    this.prices = Objects.requireNonNull(prices, "prices").check();
    if (window == null || window.isZero() || window.isNegative()) {
      throw new IllegalArgumentException("the cost window must be positive, not " + window);
    }
    this.window = window;
  }

  /** Adds one poll's usage. */
  public synchronized void record(UsageSample s) {
    if (last == null) {
      first = s.at();
      last = s.at();
      lastUsedCores = s.usedCores();
      return;
    }
    if (!s.at().isAfter(last)) {
      return;
    }
    double seconds = Duration.between(last, s.at()).toNanos() / 1e9;
    double h = seconds / 3600;
    double usedCores = s.usedCores();
    double requestedCores = resources.requestedCores();
    double requestedGib = resources.requestedMemoryGib();
    double usedGib = s.memoryUsedGib().orElse(requestedGib);
    double storageGbMonths = s.checkpointBytes() / BYTES_PER_GB * h / HOURS_PER_MONTH;
    CostBreakdown interval =
        new CostBreakdown(
            usedCores * h * prices.cpuCoreHour(),
            Math.max(requestedCores - usedCores, 0) * h * prices.cpuCoreHour(),
            usedGib * h * prices.memoryGibHour(),
            Math.max(requestedGib - usedGib, 0) * h * prices.memoryGibHour(),
            s.kafkaBytesRead() * seconds / BYTES_PER_GB * prices.kafkaReadGb(),
            sum(s.kafkaBytesWrittenPerSecond()) * seconds / BYTES_PER_GB * prices.kafkaWrittenGb(),
            storageGbMonths * prices.checkpointGbMonth());
    total = total.plus(interval);
    hours += h;
    records += s.recordsReadPerSecond() * seconds;
    gbRead += s.kafkaBytesRead() * seconds / BYTES_PER_GB;
    gbWritten += sum(s.kafkaBytesWrittenPerSecond()) * seconds / BYTES_PER_GB;
    usedCoreHours += usedCores * h;
    Set<String> ids = new HashSet<>(s.nodeVertices().keySet());
    ids.addAll(s.kafkaBytesReadPerSecond().keySet());
    ids.addAll(s.kafkaBytesWrittenPerSecond().keySet());
    for (String id : ids) {
      NodeSums n = nodes.computeIfAbsent(id, k -> new NodeSums());
      n.busyCores = s.nodeBusyCores(id);
      n.coreHours += n.busyCores * h;
      n.readGb += s.kafkaBytesReadPerSecond().getOrDefault(id, 0.0) * seconds / BYTES_PER_GB;
      n.writtenGb += s.kafkaBytesWrittenPerSecond().getOrDefault(id, 0.0) * seconds / BYTES_PER_GB;
    }
    recent.addLast(new Interval(s.at(), h, interval.total()));
    Instant from = s.at().minus(window);
    while (!recent.isEmpty() && !recent.peekFirst().end().isAfter(from)) {
      recent.removeFirst();
    }
    last = s.at();
    lastUsedCores = usedCores;
  }

  /** The deployment's cost so far. */
  public synchronized DeploymentCost cost() {
    Map<String, NodeCost> perNode = new HashMap<>();
    nodes.forEach(
        (id, n) ->
            perNode.put(
                id,
                new NodeCost(
                    id,
                    n.busyCores,
                    usedCoreHours > 0 ? n.coreHours / usedCoreHours : 0,
                    n.coreHours * prices.cpuCoreHour(),
                    n.readGb * prices.kafkaReadGb(),
                    n.writtenGb * prices.kafkaWrittenGb())));
    return new DeploymentCost(
        deploymentId,
        prices.name(),
        prices.currency(),
        Optional.ofNullable(first),
        Optional.ofNullable(last),
        hours,
        resources.requestedCores(),
        resources.requestedMemoryGib(),
        lastUsedCores,
        total,
        records,
        gbRead,
        gbWritten,
        projected(),
        window,
        perNode);
  }

  private OptionalDouble projected() {
    double h = 0;
    double cost = 0;
    for (Interval i : recent) {
      h += i.hours();
      cost += i.cost();
    }
    return h > 0 ? OptionalDouble.of(cost / h * HOURS_PER_MONTH) : OptionalDouble.empty();
  }

  private static double sum(Map<String, Double> m) {
    return m.values().stream().mapToDouble(Double::doubleValue).sum();
  }

  private record Interval(Instant end, double hours, double cost) {}

  private static final class NodeSums {
    double busyCores;
    double coreHours;
    double readGb;
    double writtenGb;
  }
}
