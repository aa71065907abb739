package dev.streamwright.app.cli;

import dev.streamwright.app.process.AppFolders;
import dev.streamwright.app.process.ExitActions;
import dev.streamwright.runtime.api.PipelineRuntime;
import dev.streamwright.runtime.embedded.EmbeddedRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine;

/**
 * Runs the {@code streamwright} command line in-process, as the launcher would, capturing what it
 * prints. Folders come from the {@code streamwright.home} system property the build points into
 * target/, so tests never touch the real data folder.
 */
final class CliHarness {

  /** The quickstart sample, from the app module's folder where tests run. */
  static final Path QUICKSTART = Path.of("../samples/quickstart/pipeline.json");

  /** What one command printed and returned. */
  record Result(int exitCode, String out, String err) {

    /** Both streams, for assertions that do not care where a message went. */
    String all() {
      return out + err;
    }
  }

  private CliHarness() {}

  /** A test pipeline file under src/test/resources/pipelines. */
  static Path pipeline(String name) {
    return Path.of("src/test/resources/pipelines", name);
  }

  /** Runs the command line with the embedded runtime. */
  static Result run(String... args) {
    AppFolders folders = AppFolders.detect();
    folders.createTmp();
    return run(() -> new EmbeddedRuntime(folders.tmp().resolve("runtime")), args);
  }

  /** Runs the command line with the given runtime. */
  static Result run(Supplier<PipelineRuntime> runtimes, String... args) {
    return run(runtimes, new ExitActions(), args);
  }

  /** Runs the command line with the given runtime and exit actions. */
  static Result run(Supplier<PipelineRuntime> runtimes, ExitActions exit, String... args) {
    AppFolders folders = AppFolders.detect();
    CliContext context = new CliContext(folders, runtimes, exit);
    CommandLine cli = Cli.create(context);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
