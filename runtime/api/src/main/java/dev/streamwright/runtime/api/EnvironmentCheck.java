package dev.streamwright.runtime.api;

import java.util.List;

/**
 * What a check of a remote environment found, one line per thing a deploy needs: the gateway, the
 * Flink REST API, the cluster's Flink version, the jars the session loads, the Kafka brokers.
 *
 * @param items the findings, in the order they were checked
 */
public record EnvironmentCheck(List<Item> items) {

  public EnvironmentCheck {
    items = List.copyOf(items);
  }

  /** Whether every finding is fine. */
  public boolean ok() {
    return items.stream().allMatch(Item::ok);
  }

  /**
   * One finding.
   *
   * @param what what was checked, e.g. {@code SQL Gateway}
   * @param ok whether it is fine
   * @param detail what was found, e.g. {@code http://127.0.0.1:8083 answers, API V4}, or for a
   *     failure its cause and what to do about it
   */
  public record Item(String what, boolean ok, String detail) {}
}
