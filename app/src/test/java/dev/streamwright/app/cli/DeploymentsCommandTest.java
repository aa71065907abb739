package dev.streamwright.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.app.cli.CliHarness.Result;
import dev.streamwright.app.environments.RemoteEnvironment;
import dev.streamwright.app.process.AppFolders;
import dev.streamwright.app.process.ExitActions;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceEnvironments;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code streamwright deployments} on a workspace without a cluster to ask. */
class DeploymentsCommandTest {

  @TempDir Path data;

  private Path workspace;

  @BeforeEach
  void aWorkspaceWithOneRemoteEnvironment() {
    workspace = data.resolve("workspace");
    try (Workspace w = Workspace.open(workspace, OpenMode.READ_WRITE)) {
      WorkspaceEnvironments.of(w)
          .add(
              RemoteEnvironment.builder("prod")
                  .gatewayUrl("http://127.0.0.1:1")
                  .restUrl("http://127.0.0.1:2")
                  .build());
    }
  }

  @Test
  void anUnknownEnvironmentIsAUsageErrorNamingTheKnownOnes() {
    Result r = deployments("--env", "prdo");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .contains("no environment 'prdo'")
        .contains("its environments are: embedded, prod")
        .contains("streamwright env list")
        .doesNotContain("No deployments")
        .doesNotContain("Exception");
  }

  @Test
  void aKnownEnvironmentWithoutDeploymentsSaysSo() {
    Result r = deployments("--env", "embedded");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.err()).contains("No deployments in 'embedded'");
  }

  private Result deployments(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "deployments";
    all[1] = "--workspace";
    all[2] = workspace.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    CliContext context =
        new CliContext(
            new AppFolders(data, data.resolve("logs"), data.resolve("tmp")),
            () -> {
              throw new AssertionError("deployments never uses the embedded runtime");
            },
            new ExitActions());
    CommandLine cli = Cli.create(context);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(all);
    return new Result(code, out.toString(), err.toString());
  }
}
