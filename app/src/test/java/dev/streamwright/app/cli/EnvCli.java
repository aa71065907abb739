package dev.streamwright.app.cli;

import dev.streamwright.app.cli.CliHarness.Result;
import dev.streamwright.app.process.AppFolders;
import dev.streamwright.app.process.ExitActions;
import dev.streamwright.runtime.api.RemoteRuntimeFactory;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Runs {@code streamwright env ...} in-process as {@link Cli} wires it, with a data folder, a
 * remote runtime factory, standard input and environment variables of the test's choosing.
 */
final class EnvCli {

  final Path data;
  Optional<RemoteRuntimeFactory> factory = Optional.empty();
  String stdin = "";
  final Map<String, String> variables = new HashMap<>();

  EnvCli(Path data) {
    this.data = data;
  }

  AppFolders folders() {
    return new AppFolders(data, data.resolve("logs"), data.resolve("tmp"));
  }

  Result run(String... args) {
    CliContext context =
        new CliContext(
            folders(),
            () -> {
              throw new AssertionError("env commands never run a pipeline");
            },
            new ExitActions());
    CommandLine cli = new CommandLine(new StreamwrightCommand());
    cli.addSubcommand(
        "env",
        new EnvCommand(
            context,
            () -> factory,
            () ->
                SecretInput.lines(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))),
            variables::get));
    cli.addSubcommand("dev-cluster", new DevClusterCommand(context));
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(new ErrorReporter(context.folders().logFile()));
    cli.setParameterExceptionHandler(new UsageErrorReporter());
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Result(code, out.toString(), err.toString());
  }
}
