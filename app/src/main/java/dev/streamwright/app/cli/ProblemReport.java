package dev.streamwright.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamwright.runtime.codec.PipelineFileException;
import dev.streamwright.runtime.compile.Problem;
import java.io.PrintWriter;

/**
 * Prints what a {@link PipelineCheck} found: one line per problem for people, or one JSON object
 * for scripts. An unreadable file is reported as a problem without a node, with its line and column
 * when it has them.
 */
final class ProblemReport {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ProblemReport() {}

  /** One line per problem ({@code error: node 'x', property 'y': message}). */
  static void printProblems(PipelineCheck check, PrintWriter out) {
    if (check.fileError() != null) {
      out.println("error: " + check.fileError().getMessage());
    }
    for (Problem p : check.problems()) {
      out.println(p);
    }
  }

  /** The problem lines followed by a summary line. */
  static void printText(PipelineCheck check, PrintWriter out) {
    printProblems(check, out);
    out.println(summary(check));
  }

  /**
   * The summary line, e.g. {@code pipeline.json: valid, 1 warning} or {@code pipeline.json:
   * invalid, 2 errors}.
   */
  static String summary(PipelineCheck check) {
    long errors = check.errorCount();
    long warnings = check.warningCount();
    StringBuilder sb = new StringBuilder(check.file().toString());
    if (errors == 0) {
      sb.append(": valid");
      sb.append(warnings == 0 ? ", no problems" : ", " + count(warnings, "warning"));
    } else {
      sb.append(": invalid, ").append(count(errors, "error"));
      if (warnings > 0) {
        sb.append(", ").append(count(warnings, "warning"));
      }
    }
    return sb.toString();
  }

  /**
   * One JSON object on one line: {@code file}, {@code valid}, {@code errors}, {@code warnings} and
   * {@code problems} (each with {@code severity}, {@code node}, {@code property}, {@code message},
   * and {@code line}/{@code column} for file errors).
   */
  static void printJson(PipelineCheck check, PrintWriter out) {
    ObjectNode root = JSON.createObjectNode();
    root.put("file", check.file().toString());
    root.put("valid", check.isValid());
    root.put("errors", check.errorCount());
    root.put("warnings", check.warningCount());
    ArrayNode problems = root.putArray("problems");
    PipelineFileException fileError = check.fileError();
    if (fileError != null) {
      ObjectNode o = problems.addObject();
      o.put("severity", "error");
      o.putNull("node");
      o.putNull("property");
      if (fileError.line() > 0) {
        o.put("line", fileError.line());
        o.put("column", fileError.column());
      }
      o.put("message", fileError.getMessage());
    }
    for (Problem p : check.problems()) {
      ObjectNode o = problems.addObject();
      o.put("severity", p.severity().name().toLowerCase());
      o.put("node", p.nodeId());
      o.put("property", p.property());
      o.put("message", p.message());
    }
    try {
      out.println(JSON.writeValueAsString(root));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a problem report could not be written as JSON", e);
    }
  }

  private static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
