package dev.streamwright.app.cli;

import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceException;
import dev.streamwright.app.workspace.WorkspaceLockedException;
import java.io.PrintWriter;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the {@code alerts} commands share: opening the workspace and reporting its failures. */
final class AlertsCli {

  private static final Logger LOG = LoggerFactory.getLogger(AlertsCli.class);

  /** What a command does with the open workspace. */
  @FunctionalInterface
  interface Body {
    int run(Workspace workspace);
  }

  private final CliContext context;

  AlertsCli(CliContext context) {
    this.context = context;
  }

  CliContext context() {
    return context;
  }

  /**
   * Opens the workspace (read-only when {@code write} is false, so the studio may keep it open),
   * runs the body, and turns workspace failures into a line on stderr and exit code 3.
   */
  int run(LifecycleCli.WorkspaceOption option, boolean write, PrintWriter err, Body body) {
    Path dir =
        option.directory != null ? option.directory : context.folders().data().resolve("workspace");
    try (Workspace w = Workspace.open(dir, write ? OpenMode.READ_WRITE : OpenMode.READ_ONLY)) {
      return body.run(w);
    } catch (WorkspaceLockedException e) {
      err.println(
          "error: the workspace "
              + dir
              + " is open in another Streamwright (the studio?), so its alerts cannot be changed"
              + " now. Use the studio's alerts, or close it and try again.");
      return ExitCodes.RUNTIME_FAILURE;
    } catch (WorkspaceException e) {
      LOG.warn("alerts: workspace failure", e);
      err.println("error: " + e.getMessage());
      return ExitCodes.RUNTIME_FAILURE;
    } finally {
      err.flush();
    }
  }

  /** Pads columns to their widest cell, two spaces apart. */
  static String table(java.util.List<String[]> rows) {
    int cols = rows.get(0).length;
    int[] width = new int[cols];
    for (String[] r : rows) {
      for (int i = 0; i < cols; i++) {
        width[i] = Math.max(width[i], r[i].length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (String[] r : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < cols; i++) {
        line.append(i == cols - 1 ? r[i] : String.format("%-" + width[i] + "s  ", r[i]));
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    return b.toString();
  }
}
