package dev.streamwright.monitor.alerts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Times {@link RuleEngine#evaluate} for many rules over many series per poll (target: 500 rules
 * over 1,000 series in < 20 ms per evaluation). The series spread over every metric and 10
 * deployments (4 pipeline metrics x 10 deployments, the rest per node, group or column); each rule
 * watches one metric, every instance of it (one in five narrowed to a deployment), with a threshold
 * some series cross, and a {@code for} of 0, 30 s or 5 min. Each poll (5 s apart) moves every value
 * by a random walk, so alerts go pending, fire, resolve and de-duplicate, and leaves 5 % of the
 * series out (missing data). Arguments: {@code rules=500 series=1000 polls=5000 warmup=1000
 * seed=42}.
 */
public final class RuleEngineBenchmark {

  private RuleEngineBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> opt = new HashMap<>();
    for (String a : args) {
      String[] kv = a.split("=", 2);
      opt.put(kv[0], kv.length > 1 ? kv[1] : "");
    }
    int ruleCount = Integer.parseInt(opt.getOrDefault("rules", "500"));
    int seriesCount = Integer.parseInt(opt.getOrDefault("series", "1000"));
    int polls = Integer.parseInt(opt.getOrDefault("polls", "5000"));
    int warmup = Integer.parseInt(opt.getOrDefault("warmup", "1000"));
    SplittableRandom random = new SplittableRandom(Long.parseLong(opt.getOrDefault("seed", "42")));

    List<SeriesKey> series = series(seriesCount);
    Map<Metric, Integer> perMetric = new HashMap<>();
    series.forEach(k -> perMetric.merge(k.metric(), 1, Integer::sum));
    RuleSet rules = rules(ruleCount);
    long pairs = 0;
    for (Rule r : rules.rules()) {
      pairs += series.stream().filter(k -> r.scope().matches(k)).count();
    }
    RuleEngine engine = new RuleEngine(rules);

    double[] level = new double[series.size()];
    Arrays.fill(level, 50);
    long[] nanos = new long[polls];
    long events = 0;
    long notified = 0;
    Instant at = Instant.parse("2026-12-07T00:00:00Z");
    for (int p = 0; p < warmup + polls; p++) {
      Map<SeriesKey, Double> values = new HashMap<>(series.size() * 2);
      for (int i = 0; i < series.size(); i++) {
        level[i] = Math.max(0, Math.min(100, level[i] + random.nextDouble(-4, 4)));
        if (random.nextInt(100) >= 5) {
          values.put(series.get(i), level[i]);
        }
      }
      long start = System.nanoTime();
      List<AlertEvent> out = engine.evaluate(at, values);
      long took = System.nanoTime() - start;
      if (p >= warmup) {
        nanos[p - warmup] = took;
        events += out.size();
        notified += out.stream().filter(AlertEvent::notifies).count();
      }
      at = at.plusSeconds(5);
    }
    Arrays.sort(nanos);
    System.out.printf(
        Locale.ROOT,
        "rules=%d series=%d (per metric %d-%d) rule-series pairs=%d polls=%d (after %d warm-up)%n",
        ruleCount,
        series.size(),
        perMetric.values().stream().mapToInt(Integer::intValue).min().orElse(0),
        perMetric.values().stream().mapToInt(Integer::intValue).max().orElse(0),
        pairs,
        polls,
        warmup);
    System.out.printf(
        Locale.ROOT,
        "evaluate: median %.3f ms, p99 %.3f ms, max %.3f ms, mean %.3f ms%n",
        nanos[polls / 2] / 1e6,
        nanos[(int) (polls * 0.99)] / 1e6,
        nanos[polls - 1] / 1e6,
        Arrays.stream(nanos).average().orElse(0) / 1e6);
    System.out.printf(
        Locale.ROOT,
        "events per poll %.1f (notifying %.2f), alerts held at the end %d (firing %d)%n",
        events / (double) polls,
        notified / (double) polls,
        engine.alerts().size(),
        engine.firing().size());
    Path load = Path.of("/proc/loadavg");
    if (Files.isReadable(load)) {
      System.out.println("load average: " + Files.readString(load).strip());
    }
  }

  private static List<SeriesKey> series(int count) {
    List<Metric> pipeline = new ArrayList<>();
    List<Metric> scoped = new ArrayList<>();
    for (Metric m : Metric.values()) {
      (m.scope() == ScopeKind.PIPELINE ? pipeline : scoped).add(m);
    }
    List<SeriesKey> out = new ArrayList<>();
    for (int d = 0; d < 10 && out.size() < count; d++) {
      for (Metric m : pipeline) {
        out.add(SeriesKey.pipeline(m, "d" + d));
      }
    }
    for (int i = 0; out.size() < count; i++) {
      Metric m = scoped.get(i % scoped.size());
      String d = "d" + (i % 10);
      out.add(
          switch (m.scope()) {
            case COLUMN -> SeriesKey.column(m, d, "score", "c" + i);
            case GROUP -> new SeriesKey(m, d, "group-" + i);
            default -> new SeriesKey(m, d, "node-" + i);
          });
    }
    return out.subList(0, count);
  }

  private static RuleSet rules(int count) {
    Metric[] metrics = Metric.values();
    Duration[] holds = {Duration.ZERO, Duration.ofSeconds(30), Duration.ofMinutes(5)};
    List<Rule> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Metric m = metrics[i % metrics.length];
      Rule r =
          Rule.of("rule-" + i, m, "> " + (55 + i % 40))
              .withFor(holds[i % holds.length])
              .withChannels(List.of("in-app"));
      if (i % 5 == 4) {
        r = r.withScope(Scope.every(m.scope()).inDeployment("d" + (i % 10)));
      }
      out.add(r);
    }
    return new RuleSet(out);
  }
}
