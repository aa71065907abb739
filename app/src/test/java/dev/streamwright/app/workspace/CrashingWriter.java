package dev.streamwright.app.workspace;

import static dev.streamwright.app.workspace.TestPipelines.orders;
import static dev.streamwright.app.workspace.TestPipelines.withCondition;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The child process of {@link WorkspaceCrashIT}: saves in a loop until it is killed, printing each
 * save the workspace acknowledged. Version {@code n} of pipeline {@code crash} has the condition
 * {@code amount > n}; every seventh save also creates a pipeline {@code extra-n}.
 */
public final class CrashingWriter {

  static final String PIPELINE = "crash";

  private CrashingWriter() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    try (Workspace w = Workspace.open(Path.of(args[0]), OpenMode.READ_WRITE)) {
      int n =
          w.pipelines().stream()
              .filter(i -> i.id().equals(PIPELINE))
              .mapToInt(PipelineInfo::versionCount)
              .findFirst()
              .orElse(0);
      out.println("open " + n);
      out.flush();
      while (true) {
        n++;
        SaveResult r = w.save(withCondition(orders(PIPELINE), "amount > " + n));
        out.println("ack " + PIPELINE + " " + r.version());
        if (n % 7 == 0) {
          w.save(orders("extra-" + n));
          out.println("ack extra-" + n + " 1");
        }
        out.flush();
      }
    }
  }
}
