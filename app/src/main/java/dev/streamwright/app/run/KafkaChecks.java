package dev.streamwright.app.run;

import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.connectors.ConnectorTables;
import dev.streamwright.runtime.connectors.KafkaPreflight;
import dev.streamwright.runtime.connectors.KafkaWatchdog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a run does about its Kafka nodes: checks them before the deploy, watches their brokers while
 * the job runs, and turns what either finds (or a job failure naming a topic or broker) into a
 * reason and errors on the nodes and properties concerned.
 */
public final class KafkaChecks {

  /** The check before the deploy found problems that stop the run. */
  public static final class NotReady extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    NotReady(List<Problem> problems) {
      super("Kafka is not ready for this pipeline");
      this.problems = List.copyOf(problems);
    }

    /** Every problem found, errors and warnings. */
    public List<Problem> problems() {
      return problems;
    }
  }

  /**
   * Why a run failed: the status bar's words and the problems for Problems.
   *
   * @param reason for the status bar, naming the first node
   * @param problems errors on their nodes and properties, and the warnings found with them
   */
  public record Failure(String reason, List<Problem> problems) {}

  private Duration every = KafkaWatchdog.CHECK_EVERY;
  private Duration outage = KafkaWatchdog.ALLOWED_OUTAGE;

  /** Sets how often the watchdog asks and how long an outage it allows. */
  public void watchEvery(Duration checkEvery, Duration allowedOutage) {
    this.every = checkEvery;
    this.outage = allowedOutage;
  }

  /**
   * Checks the Kafka nodes; blocks for up to a few seconds, so call it on a background thread.
   *
   * @return the warnings (e.g. a sink topic the broker will create)
   * @throws NotReady when a node's brokers do not answer or its topic is missing
   */
  public List<Problem> beforeDeploy(ConnectorTables tables) throws NotReady {
    List<Problem> found = new KafkaPreflight().check(tables);
    if (found.stream().anyMatch(Problem::isError)) {
      throw new NotReady(found);
    }
    return found;
  }

  /**
   * Starts watching the brokers; returns at once (the watchdog makes its clients on its own
   * thread). {@code onLost} is called on the watchdog's thread.
   */
  public KafkaWatchdog watch(ConnectorTables tables, Consumer<List<Problem>> onLost) {
    return KafkaWatchdog.start(tables, every, outage, onLost);
  }

  /** The failure of a run whose Kafka check or watchdog found {@code found}. */
  public static Failure failure(List<Problem> found) {
    List<Problem> errors = found.stream().filter(Problem::isError).toList();
    Problem first = errors.get(0);
    String reason =
        "node '"
            + first.nodeId()
            + "': "
            + first.message()
            + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more in Problems)" : "");
    List<Problem> onNodes = new ArrayList<>();
    for (Problem p : found) {
      onNodes.add(
          p.isError()
              ? Problem.error(p.nodeId(), p.property(), "The run failed: " + p.message())
              : p);
    }
    return new Failure(reason, onNodes);
  }

  /**
   * The error for a failed job's message when it names a Kafka node's topic or brokers, on that
   * node and property; empty when it names none.
   */
  public static Optional<Problem> jobFailure(ConnectorTables tables, String message) {
    return tables
        .blame(message)
        .map(
            b -> {
              String prefix = b.location() + ": ";
              String detail =
                  message.startsWith(prefix) ? message.substring(prefix.length()) : message;
              return Problem.error(b.table().nodeId(), b.property(), "The run failed: " + detail);
            });
  }
}
