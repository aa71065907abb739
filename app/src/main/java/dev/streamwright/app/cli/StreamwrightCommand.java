package dev.streamwright.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code streamwright} command. Without a subcommand it prints the help; a later
 * release starts the desktop studio there.
 */
@Command(
    name = "streamwright",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Design, check and run streaming ML pipelines on Apache Flink.",
      "Pipelines are JSON files; see samples/quickstart/pipeline.json."
    },
    footerHeading = "%n",
    footer = {
      "Results go to stdout, messages to stderr; details are logged to"
          + " <data folder>/logs/streamwright.log (data folder: $STREAMWRIGHT_HOME, else"
          + " $XDG_DATA_HOME/streamwright or ~/.local/share/streamwright)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:ok",
      "1:invalid pipeline (or its file cannot be read)",
      "2:usage error",
      "3:runtime failure"
    })
final class StreamwrightCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }
}
