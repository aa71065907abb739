package dev.streamwright.runtime.upgrade;

import java.util.List;

/**
 * What an upgrade does to the state of a running pipeline.
 *
 * @param losses the stateful nodes whose state is lost, in the running version's node order
 * @param carriedOver the ids of the stateful nodes whose state the new version takes over
 */
public record StateCheckResult(List<StateLoss> losses, List<String> carriedOver) {

  public StateCheckResult {
    losses = List.copyOf(losses);
    carriedOver = List.copyOf(carriedOver);
  }

  /** Whether any state is lost. */
  public boolean losesState() {
    return !losses.isEmpty();
  }

  /** One line per lost state, or a sentence saying nothing is lost. */
  public String summary() {
    if (losses.isEmpty()) {
      return carriedOver.isEmpty()
          ? "No node of the running version keeps state: nothing to lose."
          : "Every stateful node keeps its state (" + String.join(", ", carriedOver) + ").";
    }
    StringBuilder sb = new StringBuilder();
    sb.append("The upgrade loses the state of ")
        .append(losses.size())
        .append(losses.size() == 1 ? " node:" : " nodes:");
    for (StateLoss l : losses) {
      sb.append("\n  ").append(l.message());
    }
    return sb.toString();
  }
}
