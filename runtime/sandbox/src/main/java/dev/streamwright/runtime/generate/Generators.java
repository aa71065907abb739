package dev.streamwright.runtime.generate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The sample generators, found by the Kafka topic a sample's pipeline reads. The sandbox (CLI and
 * studio) picks the generator of a pipeline this way, so a sample needs no extra wiring beyond a
 * kafka-source on its generator's topic.
 */
public final class Generators {

  /** One registered generator: its name, topic and default scenario, and how to make it. */
  public record Entry(
      String name,
      String topic,
      String defaultScenario,
      Function<GeneratorConfig, Generator> factory) {

    public Generator create(GeneratorConfig config) {
      return factory.apply(config);
    }

    public Scenario scenario() {
      return Scenario.parse(defaultScenario);
    }
  }

  private static final Map<String, Entry> BY_TOPIC = new LinkedHashMap<>();

  static {
    add(
        new Entry(
            FraudTransactions.NAME,
            FraudTransactions.TOPIC,
            FraudTransactions.DEFAULT_SCENARIO,
            FraudTransactions::new));
    add(
        new Entry(
            FleetTelemetry.NAME,
            FleetTelemetry.TOPIC,
            FleetTelemetry.DEFAULT_SCENARIO,
            FleetTelemetry::new));
    add(new Entry(CallCenter.NAME, CallCenter.TOPIC, CallCenter.DEFAULT_SCENARIO, CallCenter::new));
  }

  private Generators() {}

  private static void add(Entry entry) {
    BY_TOPIC.put(entry.topic(), entry);
  }

  /** The topics some generator writes, in registration order. */
  public static Set<String> topics() {
    return java.util.Collections.unmodifiableSet(BY_TOPIC.keySet());
  }

  /** The generator writing {@code topic}, if any. */
  public static Optional<Entry> forTopic(String topic) {
    return Optional.ofNullable(BY_TOPIC.get(topic));
  }

  /** The first of {@code topics} that has a generator, if any. */
  public static Optional<Entry> forAnyOf(Iterable<String> topics) {
    for (String t : topics) {
      Entry e = BY_TOPIC.get(t);
      if (e != null) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
