package dev.streamwright.app.ui.run;

import dev.streamwright.app.run.GeneratorPlan;
import dev.streamwright.app.run.Runner;
import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.runtime.generate.GeneratorConfig;
import dev.streamwright.runtime.generate.GeneratorRun;
import dev.streamwright.runtime.generate.Generators;
import dev.streamwright.runtime.generate.Scenario;
import dev.streamwright.runtime.sandbox.Sandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sandbox data generator as the toolbar shows it: the scenario, rate and speed the user picked
 * for the next start, whether the running pipeline has a generator and whether it produces, and its
 * counters. Confined to the FX thread; it starts and stops the generator on background threads, and
 * {@link RunViewModel} refreshes the counters with its preview drain.
 */
public final class GeneratorViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(GeneratorViewModel.class);

  /** What the generator plays. */
  public enum ScenarioChoice {
    SCRIPTED("Scenario"),
    STEADY("Steady traffic");

    private final String label;

    ScenarioChoice(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  /** Rates offered, in events per second of scenario time. */
  public static final List<Integer> RATES = List.of(20, 50, 200, 1000, 2000);

  /** Speeds offered: how many times faster than the wall clock scenario time passes. */
  public static final List<Integer> SPEEDS = List.of(1, 10, 60);

  /** Scenario time a studio generator covers; it runs until stopped well before that. */
  static final Duration SCENARIO_LENGTH = Duration.ofHours(6);

  /** Every run starts with the same events, as the CLI's default seed does. */
  static final long SEED = 42;

  private final ObjectProperty<ScenarioChoice> scenario =
      new SimpleObjectProperty<>(this, "scenario", ScenarioChoice.SCRIPTED);
  private final ObjectProperty<Integer> rate = new SimpleObjectProperty<>(this, "rate", 50);
  private final ObjectProperty<Integer> speed = new SimpleObjectProperty<>(this, "speed", 10);
  private final ReadOnlyBooleanWrapper available = new ReadOnlyBooleanWrapper(this, "available");
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running");
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
  private Generators.Entry entry;

  public ObjectProperty<ScenarioChoice> scenarioProperty() {
    return scenario;
  }

  public ObjectProperty<Integer> rateProperty() {
    return rate;
  }

  public ObjectProperty<Integer> speedProperty() {
    return speed;
  }

  /** Whether the running pipeline reads a topic some generator writes. */
  public ReadOnlyBooleanProperty availableProperty() {
    return available.getReadOnlyProperty();
  }

  /** Whether the generator produces now. */
  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  /** E.g. {@code fraud-transactions: 1,234 events (5 malformed, 20 late)}; empty when none. */
  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  /** The generator for the running pipeline's source topics, or none. */
  void offer(Optional<Generators.Entry> generator) {
    entry = generator.orElse(null);
    available.set(entry != null);
    running.set(false);
    status.set(entry == null ? "" : entry.name() + ": stopped");
  }

  Optional<Generators.Entry> entry() {
    return Optional.ofNullable(entry);
  }

  /** The configuration for a start now, from the current choices. */
  GeneratorConfig config() {
    return config(entry, scenario.get() == ScenarioChoice.SCRIPTED, rate.get());
  }

  /**
   * How a run starts the generator once its job runs, with the choices of this moment; the
   * configuration is made when it starts, so event times start then.
   */
  GeneratorPlan plan() {
    boolean scripted = scenario.get() == ScenarioChoice.SCRIPTED;
    int eventsPerSecond = rate.get();
    return new GeneratorPlan(e -> config(e, scripted, eventsPerSecond), speed.get(), false);
  }

  private static GeneratorConfig config(
      Generators.Entry generator, boolean scripted, int eventsPerSecond) {
    Scenario script = scripted && generator != null ? generator.scenario() : Scenario.EMPTY;
    // Event times start now, so windows close as the wall clock passes and latency reads true.
    return GeneratorConfig.of(SEED, eventsPerSecond, SCENARIO_LENGTH, script)
        .withStartTime(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  /**
   * Starts (or restarts) the generator of the running pipeline on the runner's sandbox with the
   * current choices, on a background thread.
   */
  void start(Runner runner, TaskExecutor tasks) {
    Optional<Sandbox> s = runner.sandbox();
    Optional<Generators.Entry> chosen = entry();
    if (s.isEmpty() || chosen.isEmpty()) {
      return;
    }
    GeneratorConfig config = config();
    double rateOfTime = speed.get();
    tasks
        .run(
            "start generator " + chosen.get().name(),
            () -> s.get().startGenerator(chosen.get().create(config), rateOfTime))
        .whenCompleteAsync(
            (v, error) -> {
              if (error != null) {
                LOG.warn("Starting the generator failed", error);
                offer(chosen);
              } else {
                refresh(s.get().generator().orElse(null));
              }
            },
            tasks.ui());
  }

  /** Stops the generator on the runner's sandbox on a background thread; the job keeps running. */
  void stop(Runner runner, TaskExecutor tasks) {
    Optional<Sandbox> s = runner.sandbox();
    if (s.isEmpty()) {
      return;
    }
    tasks
        .run("stop the generator", s.get()::stopGenerator)
        .whenCompleteAsync((v, e) -> refresh(s.get().generator().orElse(null)), tasks.ui());
  }

  /** Shows the counters of the runner's sandbox generator, when the running pipeline has one. */
  void refresh(Runner runner) {
    Optional<Sandbox> s = runner.sandbox();
    if (s.isPresent() && available.get()) {
      refresh(s.get().generator().orElse(null));
    }
  }

  /** Shows the counters of the run (null: none started). */
  void refresh(GeneratorRun run) {
    if (entry == null) {
      return;
    }
    if (run == null) {
      running.set(false);
      status.set(entry.name() + ": stopped");
      return;
    }
    GeneratorRun.Counters c = run.counters();
    boolean active =
        run.state() == GeneratorRun.State.RUNNING || run.state() == GeneratorRun.State.NEW;
    running.set(active);
    String text =
        String.format(
            Locale.ROOT,
            "%s: %,d events (%,d malformed, %,d late)%s",
            entry.name(),
            c.produced(),
            c.malformed(),
            c.late(),
            active
                ? ""
                : run.failure() != null
                    ? " - failed: " + run.failure().getMessage()
                    : " - stopped");
    if (!text.equals(status.get())) {
      status.set(text);
    }
  }
}
