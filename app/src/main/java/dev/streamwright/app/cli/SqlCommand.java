package dev.streamwright.app.cli;

import dev.streamwright.runtime.compile.Problem;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code streamwright sql}: the Flink SQL script a pipeline compiles to, byte for byte what the
 * compiler produced, so it can be diffed, reviewed, or pasted into Flink's SQL client.
 */
@Command(
    name = "sql",
    description = {
      "Print the Flink SQL script a pipeline compiles to (deterministic: the same file gives the"
          + " same bytes).",
      "Checks the structure only; run 'validate' to also check the SQL with Flink's planner."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:the script was printed",
      "1:the pipeline has errors (listed on stderr) or its file cannot be read",
      "2:usage error",
      "3:Streamwright itself failed"
    })
final class SqlCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Mixin private HelpOption help = new HelpOption();

  @Parameters(paramLabel = "<pipeline.json>", description = "The pipeline file.")
  private Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    PipelineCheck check = new PipelineChecker().structural(file);
    if (!check.isValid()) {
      ProblemReport.printText(check, err);
      err.flush();
      return ExitCodes.INVALID_PIPELINE;
    }
    for (Problem warning : check.problems()) {
      err.println(warning);
    }
    err.flush();
    out.print(check.compiled().script());
    out.flush();
    return ExitCodes.OK;
  }
}
