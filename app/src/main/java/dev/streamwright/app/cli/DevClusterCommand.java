package dev.streamwright.app.cli;

import dev.streamwright.app.environments.EnvironmentException;
import dev.streamwright.app.environments.EnvironmentNames;
import dev.streamwright.app.environments.RemoteEnvironment;
import dev.streamwright.app.environments.RemoteEnvironmentBuilder;
import dev.streamwright.app.process.ExitActions;
import dev.streamwright.app.workspace.OpenMode;
import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspaceEnvironments;
import dev.streamwright.app.workspace.WorkspaceException;
import dev.streamwright.app.workspace.WorkspaceLockedException;
import dev.streamwright.runtime.devcluster.ClusterProbe;
import dev.streamwright.runtime.devcluster.ClusterProcess;
import dev.streamwright.runtime.devcluster.DevCluster;
import dev.streamwright.runtime.devcluster.DevClusterException;
import dev.streamwright.runtime.devcluster.DevClusterState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code streamwright dev-cluster start|stop|status}: a real Flink session cluster on 127.0.0.1
 * (JobManager, TaskManager, SQL Gateway) that keeps running after {@code start} returns, kept in
 * {@code <data folder>/dev-cluster} with its state in {@code cluster.json}.
 */
@Command(
    name = "dev-cluster",
    description = {
      "Start, check or stop a Flink session cluster on this machine (127.0.0.1 only): a"
          + " JobManager, a TaskManager and a SQL Gateway, with the Kafka connector and the onnx"
          + " model provider. It keeps running until 'dev-cluster stop'."
    },
    subcommands = {
      DevClusterCommand.Start.class,
      DevClusterCommand.Status.class,
      DevClusterCommand.Stop.class
    })
final class DevClusterCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(DevClusterCommand.class);

  private final CliContext context;

  @Spec private CommandSpec spec;

  DevClusterCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.OK;
  }

  /** The cluster's folder: {@code <data folder>/dev-cluster}. */
  Path folder() {
    return context.folders().data().resolve("dev-cluster");
  }

  /** Whether a dev cluster kept in the data folder has all its processes alive. */
  static boolean isRunning(Path dataFolder) {
    try {
      return DevClusterState.read(dataFolder.resolve("dev-cluster"))
          .map(DevClusterState::allAlive)
          .orElse(false);
    } catch (DevClusterException e) {
      return false;
    }
  }

  /**
   * Registers the running cluster as the environment {@code dev-cluster} in the workspace, or
   * refreshes its URLs and savepoint folder, keeping what the user set (Kafka, headers, ...). A
   * workspace the studio holds is left alone with a note: the cluster runs either way.
   */
  void register(DevClusterState state, Path workspaceDir, PrintWriter err) {
    Path dir = workspaceDir != null ? workspaceDir : context.folders().data().resolve("workspace");
    try (Workspace w = Workspace.open(dir, OpenMode.READ_WRITE)) {
      WorkspaceEnvironments envs = WorkspaceEnvironments.of(w);
      RemoteEnvironmentBuilder b =
          envs.get(EnvironmentNames.DEV_CLUSTER)
              .map(RemoteEnvironment::toBuilder)
              .orElseGet(() -> RemoteEnvironment.builder(EnvironmentNames.DEV_CLUSTER));
      RemoteEnvironment env =
          b.gatewayUrl(state.gatewayUrl().toString())
              .restUrl(state.restUrl().toString())
              .savepointDir(state.layout().savepoints().toUri().toString())
              .build();
      envs.put(env);
      err.println(
          "Registered it as the environment '"
              + EnvironmentNames.DEV_CLUSTER
              + "' (streamwright env test "
              + EnvironmentNames.DEV_CLUSTER
              + ").");
    } catch (WorkspaceLockedException e) {
      err.println(
          "note: the workspace "
              + dir
              + " is open in another Streamwright, so the environment '"
              + EnvironmentNames.DEV_CLUSTER
              + "' was not registered; close it and run 'streamwright dev-cluster start' again.");
    } catch (WorkspaceException | EnvironmentException e) {
      LOG.warn("Could not register the dev cluster as an environment", e);
      err.println(
          "note: the environment '"
              + EnvironmentNames.DEV_CLUSTER
              + "' was not registered: "
              + e.getMessage());
    }
  }

  /** Runs {@code body} holding the folder's lock, so two commands never start or stop at once. */
  int locked(PrintWriter err, LockedBody body) {
    Path folder = folder();
    try {
      Files.createDirectories(folder);
    } catch (IOException e) {
      err.println(
          "error: cannot create the dev cluster's folder "
              + folder
              + " ("
              + e.getMessage()
              + "); make the data folder writable or point STREAMWRIGHT_HOME elsewhere.");
      return ExitCodes.RUNTIME_FAILURE;
    }
    try (FileChannel channel =
            FileChannel.open(
                folder.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.lock()) {
      return body.run(folder);
    } catch (DevClusterException e) {
      LOG.warn("dev-cluster failed", e);
      err.println("error: " + e.getMessage());
      return ExitCodes.RUNTIME_FAILURE;
    } catch (IOException e) {
      LOG.warn("dev-cluster failed", e);
      err.println("error: " + e.getMessage() + " (in " + folder + ")");
      return ExitCodes.RUNTIME_FAILURE;
    } finally {
      err.flush();
    }
  }

  /** The work of a subcommand, done under the lock. */
  @FunctionalInterface
  interface LockedBody {
    int run(Path folder) throws IOException;
  }

  /** The two URLs a user needs, as {@code start} and {@code status} print them. */
  static void printUrls(PrintWriter out, DevClusterState state) {
    out.println("Flink REST:   " + state.restUrl());
    out.println("SQL Gateway:  " + state.gatewayUrl());
  }

  /** {@code JobManager 101, TaskManager 102, SQL Gateway 103}, with liveness if asked. */
  static String describe(List<ClusterProcess> processes, boolean withLiveness) {
    return processes.stream()
        .map(
            p ->
                p.role().title()
                    + " "
                    + p.pid()
                    + (withLiveness ? (p.isAlive() ? " up" : " gone") : ""))
        .collect(Collectors.joining(", "));
  }

  /** A start time as users read it: to the second, in UTC. */
  static String shown(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** {@code streamwright dev-cluster start}. */
  @Command(
      name = "start",
      description = {
        "Start the dev cluster and return once it can run jobs; it keeps running after this"
            + " command ends. Prints the Flink REST URL and the SQL Gateway URL. If one is"
            + " already running, prints its URLs."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {"0:the dev cluster runs", "2:usage error", "3:it could not start"})
  static final class Start implements Callable<Integer> {

    @ParentCommand private DevClusterCommand parent;

    @Spec private CommandSpec spec;

    @Option(
        names = "--workspace",
        paramLabel = "DIR",
        description =
            "The workspace to register the cluster in as the environment 'dev-cluster' (default:"
                + " <data folder>/workspace, the studio's).")
    private Path workspace;

    @Mixin private HelpOption help = new HelpOption();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      return parent.locked(err, folder -> start(folder, out, err));
    }

    private int start(Path folder, PrintWriter out, PrintWriter err) throws IOException {
      Optional<DevClusterState> existing = DevClusterState.read(folder);
      if (existing.isPresent()) {
        DevClusterState state = existing.get();
        if (state.allAlive()) {
          err.println(
              "A dev cluster is already running (started " + shown(state.startedAt()) + ").");
          printUrls(out, state);
          out.flush();
          parent.register(state, workspace, err);
          return ExitCodes.OK;
        }
        DevCluster.stop(state);
        state.delete();
        err.println(
            "Cleared the state of a dev cluster that was no longer running ("
                + describe(state.processes(), true)
                + ").");
      }
      err.println(
          "Starting the dev cluster (JobManager, TaskManager, SQL Gateway) in " + folder + "…");
      err.flush();
      long t0 = System.nanoTime();
      ExitActions.Registration onCtrlC =
          parent
              .context
              .exitActions()
              .add("stop the dev cluster being started", () -> DevCluster.stopChildren(folder));
      DevCluster cluster;
      try {
        cluster = DevCluster.in(folder).detached().start();
      } finally {
        onCtrlC.close();
      }
      DevClusterState state = cluster.state();
      try {
        state.write();
      } catch (IOException e) {
        DevCluster.stop(state);
        throw e;
      }
      err.printf(
          Locale.ROOT,
          "The dev cluster runs (%.1f s to start; %s). Stop it with: streamwright dev-cluster"
              + " stop%n",
          (System.nanoTime() - t0) / 1e9,
          describe(state.processes(), false));
      printUrls(out, state);
      out.flush();
      parent.register(state, workspace, err);
      return ExitCodes.OK;
    }
  }

  /** {@code streamwright dev-cluster status}. */
  @Command(
      name = "status",
      description = {
        "Say whether the dev cluster runs: its processes and whether the Flink REST API and the"
            + " SQL Gateway answer. The state of a cluster whose processes are all gone is"
            + " removed."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:the dev cluster is up",
        "2:usage error",
        "3:it is not running, or only partly"
      })
  static final class Status implements Callable<Integer> {

    @ParentCommand private DevClusterCommand parent;

    @Spec private CommandSpec spec;

    @Mixin private HelpOption help = new HelpOption();

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      return parent.locked(err, folder -> status(folder, out, err));
    }

    private int status(Path folder, PrintWriter out, PrintWriter err) throws IOException {
      Optional<DevClusterState> found = DevClusterState.read(folder);
      if (found.isEmpty()) {
        out.println("dev cluster: down");
        out.flush();
        err.println("No dev cluster is running. Start one with: streamwright dev-cluster start");
        return ExitCodes.RUNTIME_FAILURE;
      }
      DevClusterState state = found.get();
      if (state.allGone()) {
        DevCluster.stop(state); // deletes what its processes left in tmp/
        state.delete();
        out.println("dev cluster: down");
        out.flush();
        err.println(
            "The dev cluster started at "
                + shown(state.startedAt())
                + " is no longer running (its processes "
                + describe(state.processes(), false)
                + " are gone); removed its state. Start a new one with: streamwright"
                + " dev-cluster start");
        return ExitCodes.RUNTIME_FAILURE;
      }
      Optional<ClusterProbe.Overview> overview = ClusterProbe.overview(state.restUrl());
      Optional<String> gateway = ClusterProbe.gatewayVersion(state.gatewayUrl());
      boolean up =
          state.allAlive()
              && overview.map(ClusterProbe.Overview::canRunJobs).orElse(false)
              && gateway.isPresent();
      out.println("dev cluster: " + (up ? "up" : "degraded"));
      out.println(
          "Flink REST:   "
              + state.restUrl()
              + overview
                  .map(
                      o ->
                          String.format(
                              Locale.ROOT,
                              " up (%d TaskManager%s, %d slots, Flink %s)",
                              o.taskManagers(),
                              o.taskManagers() == 1 ? "" : "s",
                              o.slotsTotal(),
                              o.flinkVersion()))
                  .orElse(" down"));
      out.println(
          "SQL Gateway:  "
              + state.gatewayUrl()
              + gateway.map(v -> " up (Flink " + v + ")").orElse(" down"));
      out.println("processes:    " + describe(state.processes(), true));
      out.println("started:      " + shown(state.startedAt()));
      out.println("folder:       " + state.folder());
      out.flush();
      if (!up) {
        err.println(
            "Part of the dev cluster is not working; restart it: streamwright dev-cluster stop,"
                + " then streamwright dev-cluster start. Its logs are in "
                + state.layout().logs());
        return ExitCodes.RUNTIME_FAILURE;
      }
      return ExitCodes.OK;
    }
  }

  /** {@code streamwright dev-cluster stop}. */
  @Command(
      name = "stop",
      description = {
        "Stop the dev cluster and delete its temp files; its logs, savepoints and checkpoints"
            + " stay in its folder, and the environment 'dev-cluster' stays registered."
      },
      exitCodeListHeading = "%nExit codes:%n",
      exitCodeList = {
        "0:stopped, or none was running",
        "2:usage error",
        "3:a process could not be stopped"
      })
  static final class Stop implements Callable<Integer> {

    @ParentCommand private DevClusterCommand parent;

    @Spec private CommandSpec spec;

    @Mixin private HelpOption help = new HelpOption();

    @Override
    public Integer call() {
      PrintWriter err = spec.commandLine().getErr();
      return parent.locked(err, folder -> stop(folder, err));
    }

    private int stop(Path folder, PrintWriter err) throws IOException {
      Optional<DevClusterState> found = DevClusterState.read(folder);
      if (found.isEmpty()) {
        err.println("No dev cluster is running.");
        return ExitCodes.OK;
      }
      DevClusterState state = found.get();
      boolean wasRunning = !state.allGone();
      DevCluster.stop(state);
      state.delete();
      err.println(
          wasRunning
              ? "Stopped the dev cluster (" + describe(state.processes(), false) + ")."
              : "The dev cluster was no longer running; removed its state.");
      return ExitCodes.OK;
    }
  }
}
