package dev.streamwright.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code streamwright validate}: every problem of a pipeline, each pinned to its node and property,
 * from both the structural compile and Flink's planner. The report is the command's result, so it
 * goes to stdout.
 */
@Command(
    name = "validate",
    sortOptions = false,
    description = {
      "Check a pipeline: node types, properties, edges, cycles, column types, and the generated"
          + " SQL against Flink's planner.",
      "Prints every error and warning with its node and property, then a summary line."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no errors (warnings allowed)",
      "1:the pipeline has errors or its file cannot be read",
      "2:usage error",
      "3:Streamwright itself failed"
    })
final class ValidateCommand implements Callable<Integer> {

  /** The report formats of {@code validate --format}. */
  enum Format {
    TEXT,
    JSON;

    @Override
    public String toString() {
      return name().toLowerCase();
    }
  }

  @Spec private CommandSpec spec;

  @Mixin private HelpOption help = new HelpOption();

  @Parameters(paramLabel = "<pipeline.json>", description = "The pipeline file.")
  private Path file;

  @Option(
      names = "--format",
      paramLabel = "<format>",
      defaultValue = "text",
      description =
          "Report format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). json prints one"
              + " object: file, valid, errors, warnings, problems[severity, node, property,"
              + " message, line, column].")
  private Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PipelineCheck check = new PipelineChecker().full(file);
    if (format == Format.JSON) {
      ProblemReport.printJson(check, out);
    } else {
      ProblemReport.printText(check, out);
    }
    out.flush();
    return check.isValid() ? ExitCodes.OK : ExitCodes.INVALID_PIPELINE;
  }
}
