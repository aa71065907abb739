package dev.streamwright.runtime.sandbox;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/**
 * Waits until every partition of some topics is served by its leader, so that the first records
 * sent to a new topic are written in order.
 *
 * <p>Kafka's {@code CreateTopics} returns once the controller has recorded the topic; the broker
 * creates the partition's log a moment later, when it applies that metadata. A produce request
 * arriving in between is refused with a retriable {@code NOT_LEADER_OR_FOLLOWER}. If an idempotent
 * producer already has the next request in flight, and that one arrives after the log exists, the
 * broker (which has no state for the producer yet) accepts its sequence numbers, and every retry of
 * the first request is then an {@code OutOfOrderSequenceException} until the producer gives up on
 * it: the first batch is lost and the producer is stuck for its delivery timeout (KAFKA-15591,
 * fixed in Kafka 4.5). A partition answers {@code ListOffsets} only once it has a leader with a
 * log, which is exactly when it accepts produce requests.
 */
public final class PartitionReadiness {

  private static final Duration RETRY_PAUSE = Duration.ofMillis(100);

  private PartitionReadiness() {}

  /**
   * Returns once every partition of {@code topics} answers a {@code ListOffsets} request through
   * {@code admin}.
   *
   * @throws SandboxException when a partition has no leader within {@code timeout}, naming the
   *     topics
   */
  public static void await(Admin admin, Collection<String> topics, Duration timeout) {
    if (topics.isEmpty()) {
      return;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    Throwable last = null;
    try {
      while (true) {
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        try {
          Map<String, TopicDescription> described =
              admin.describeTopics(topics).allTopicNames().get(left, TimeUnit.MILLISECONDS);
          Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
          described
              .values()
              .forEach(
                  d ->
                      d.partitions()
                          .forEach(
                              p ->
                                  request.put(
                                      new TopicPartition(d.name(), p.partition()),
                                      OffsetSpec.latest())));
          admin
              .listOffsets(request, new ListOffsetsOptions().timeoutMs((int) Math.min(left, 5_000)))
              .all()
              .get(left, TimeUnit.MILLISECONDS);
          return;
        } catch (ExecutionException e) {
          if (!(e.getCause() instanceof RetriableException)) {
            throw new SandboxException(
                "Kafka topics "
                    + topics
                    + " cannot be read: "
                    + KafkaBroker.describe(e.getCause())
                    + ".",
                e.getCause());
          }
          last = e.getCause();
        } catch (TimeoutException e) {
          last = e;
        }
        if (System.nanoTime() + RETRY_PAUSE.toNanos() >= deadline) {
          throw new SandboxException(
              "Kafka topics "
                  + topics
                  + " have partitions without a leader after "
                  + timeout.toSeconds()
                  + " s"
                  + (last == null ? "" : " (" + KafkaBroker.describe(last) + ")")
                  + ". The broker is overloaded or failing; stop the sandbox and start it again.",
              last);
        }
        Thread.sleep(RETRY_PAUSE.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SandboxException("Interrupted while waiting for the topics " + topics, e);
    }
  }
}
