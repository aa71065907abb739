package dev.streamwright.app.run;

import dev.streamwright.runtime.api.NodeHealth;
import dev.streamwright.runtime.compile.Problem;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the running job's node health into problems on the nodes: a Model score node that skips
 * rows or scores them with the default value gets a warning, one that cannot score rows an error,
 * each with the last problem and its time. They show where the designer's own problems show (badge,
 * property sheet, Problems), so a model quietly dropping rows is seen while the job runs.
 */
public final class NodeHealthProblems {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  /** How the provider names a feature; users know it as the model's feature. */
  private static final String INPUT_COLUMN = "INPUT column ";

  private NodeHealthProblems() {}

  /**
   * The problems of every node that has any, ordered by node id.
   *
   * @param zone the zone the user reads times in
   */
  public static List<Problem> of(Map<String, NodeHealth> health, ZoneId zone) {
    List<Problem> problems = new ArrayList<>();
    for (NodeHealth h : new TreeMap<>(health).values()) {
      // The last problem goes with the errors when there are any: they are what needs action.
      String last = last(h, zone);
      if (h.skippedRows() > 0) {
        problems.add(
            Problem.warning(
                h.nodeId(),
                null,
                "Model score: "
                    + rows(h.skippedRows())
                    + " skipped for invalid input"
                    + (h.errorRows() == 0 ? last : "")
                    + ". Clean the feature upstream, or choose dead-letter under On invalid"
                    + " input to keep such rows on the invalid output."));
      }
      if (h.defaultedRows() > 0) {
        problems.add(
            Problem.warning(
                h.nodeId(),
                null,
                "Model score: "
                    + rows(h.defaultedRows())
                    + " scored with the default value for invalid input"
                    + (h.errorRows() == 0 && h.skippedRows() == 0 ? last : "")
                    + ". Their scores are guesses; clean the feature upstream."));
      }
      if (h.errorRows() > 0) {
        problems.add(
            Problem.error(
                h.nodeId(),
                null,
                "Model score: " + rows(h.errorRows()) + " could not be scored" + last + "."));
      }
    }
    return problems;
  }

  /** {@code ; last: feature 'amount' is NaN (18:22:01)}, or empty without a last problem. */
  private static String last(NodeHealth h, ZoneId zone) {
    return h.lastProblemText()
        .map(
            text -> {
              String what =
                  text.startsWith(INPUT_COLUMN)
                      ? "feature " + text.substring(INPUT_COLUMN.length())
                      : text;
              while (what.endsWith(".")) {
                what = what.substring(0, what.length() - 1);
              }
              String at =
                  h.lastProblemAt() == null
                      ? ""
                      : " (" + TIME.format(h.lastProblemAt().atZone(zone)) + ")";
              return "; last: " + what + at;
            })
        .orElse("");
  }

  private static String rows(long n) {
    return n == 1 ? "1 row" : n + " rows";
  }
}
