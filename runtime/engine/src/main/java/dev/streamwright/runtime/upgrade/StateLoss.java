package dev.streamwright.runtime.upgrade;

/**
 * One stateful node whose state an upgrade loses.
 *
 * @param nodeId the node in the running version
 * @param property the property whose change loses the state, or null when the node as a whole goes
 *     (removed, another type, no longer keeping state) or its input changed
 * @param message the sentence a user reads, e.g. {@code node 'count_by_card' (SQL) is removed: its
 *     aggregates ... are lost}
 */
public record StateLoss(String nodeId, String property, String message) {

  @Override
  public String toString() {
    return message;
  }
}
