package dev.streamwright.runtime.devcluster;

import dev.streamwright.runtime.devcluster.ClusterProcess.Role;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A real Flink session cluster on 127.0.0.1: a JobManager, a TaskManager and a SQL Gateway, each in
 * a JVM of its own, built from the Flink jars on this JVM's class path (see {@link
 * ClusterClasspath}) and keeping all its files in one folder (see {@link ClusterFolder}).
 *
 * <pre>{@code
 * try (DevCluster cluster = DevCluster.in(folder).start()) {
 *   URI gateway = cluster.gatewayUrl(); // POST /v3/sessions ...
 * }
 * }</pre>
 *
 * <p>{@link Builder#start()} returns once the JobManager's REST API reports a TaskManager with
 * slots and the SQL Gateway answers. By default the three JVMs end on their own when this JVM ends,
 * however it ends; {@link Builder#detached()} makes them outlive it, to be stopped later through
 * their {@link DevClusterState}.
 */
public final class DevCluster implements AutoCloseable {

  /** How long a start may take before it is given up; Flink needs ~7 s on an idle laptop. */
  public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);

  /** How long the JVMs get to run Flink's shutdown hooks before they are killed. */
  public static final Duration STOP_GRACE = Duration.ofSeconds(15);

  private static final Duration POLL = Duration.ofMillis(250);

  /** How many times a start with free ports is tried when one of them was taken meanwhile. */
  private static final int PORT_ATTEMPTS = 3;

  private static final int TAIL_LINES = 25;

  private volatile DevClusterState state;
  private final Map<Role, Process> processes;
  private final boolean watchParent;
  private boolean closed;

  private DevCluster(DevClusterState state, Map<Role, Process> processes, boolean watchParent) {
    this.state = state;
    this.processes = new EnumMap<>(processes);
    this.watchParent = watchParent;
  }

  /** A cluster that will keep its files in {@code folder} (created if missing). */
  public static Builder in(Path folder) {
    return new Builder(folder.toAbsolutePath().normalize());
  }

  /** The JobManager's REST API and web UI, e.g. {@code http://127.0.0.1:40123}. */
  public URI restUrl() {
    return state.restUrl();
  }

  /** The SQL Gateway's REST API, e.g. {@code http://127.0.0.1:40125}. */
  public URI gatewayUrl() {
    return state.gatewayUrl();
  }

  /** Its pids, ports, URLs and folder. */
  public DevClusterState state() {
    return state;
  }

  /** Its folders. */
  public ClusterFolder folder() {
    return state.layout();
  }

  /** Stops the three JVMs (Flink's shutdown hooks first, killed after a grace period). */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stop(state);
    for (Process p : processes.values()) {
      closeQuietly(p.getOutputStream());
    }
  }

  /**
   * Kills one of the cluster's JVMs at once (SIGKILL, no shutdown hooks), as a crash or a lost
   * machine would, and waits until it is gone: for tests of how deployments survive faults.
   *
   * @throws DevClusterException if it survives being killed
   */
  public synchronized void kill(Role role) {
    requireOpen();
    ClusterProcess p = state.process(role);
    p.handle()
        .ifPresent(
            h -> {
              h.destroyForcibly();
              try {
                h.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
              } catch (TimeoutException | ExecutionException e) {
                throw new DevClusterException(
                    "The dev cluster's "
                        + role.title()
                        + " (pid "
                        + p.pid()
                        + ") survived a kill.");
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DevClusterException("Interrupted while killing " + role.title(), e);
              }
            });
    closeQuietly(processes.get(role).getOutputStream());
  }

  /**
   * Starts one of the cluster's JVMs again, with its configuration, ports and folder (the one
   * running now, if any, is killed first), and waits until it is back: a JobManager answers and has
   * a TaskManager with slots, a new TaskManager has registered, a SQL Gateway answers. A restarted
   * JobManager of this cluster (no high availability) knows none of the jobs that ran before.
   *
   * @throws DevClusterException naming the JVM, its root cause and the tail of its log if it does
   *     not come back within the start timeout
   */
  public synchronized void relaunch(Role role, Duration timeout) {
    requireOpen();
    kill(role);
    ClusterFolder layout = state.layout();
    Set<String> taskManagersBefore = ClusterProbe.taskManagerIds(state.restUrl());
    Process p = spawn(layout, role, watchParent, true);
    processes.put(role, p);
    List<ClusterProcess> recorded = new ArrayList<>();
    for (ClusterProcess old : state.processes()) {
      recorded.add(
          old.role() == role
              ? new ClusterProcess(
                  role, p.pid(), p.info().startInstant().orElse(Instant.now()), old.argsFile())
              : old);
    }
    DevClusterState s = state;
    state =
        new DevClusterState(
            s.folder(),
            s.restUrl(),
            s.gatewayUrl(),
            s.jobManagerRpcPort(),
            s.startedAt(),
            recorded);
    ClusterProcess now = state.process(role);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!ready(role, taskManagersBefore)) {
      if (!p.isAlive()) {
        throw failed(now, "exited while restarting (exit code " + p.exitValue() + ")");
      }
      if (System.nanoTime() - deadline > 0) {
        throw failed(now, "was not back within " + timeout.toSeconds() + " s");
      }
      pause();
    }
  }

  private boolean ready(Role role, Set<String> taskManagersBefore) {
    return switch (role) {
      case JOB_MANAGER ->
          ClusterProbe.overview(state.restUrl())
              .map(ClusterProbe.Overview::canRunJobs)
              .orElse(false);
      case TASK_MANAGER ->
          ClusterProbe.taskManagerIds(state.restUrl()).stream()
              .anyMatch(id -> !taskManagersBefore.contains(id));
      case SQL_GATEWAY -> ClusterProbe.gatewayVersion(state.gatewayUrl()).isPresent();
    };
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the dev cluster is closed");
    }
  }

  /**
   * Stops a cluster's JVMs, this JVM's or another's, and deletes its temp files. Only processes
   * that are still the ones recorded (same pid and start time) are signalled.
   *
   * @throws DevClusterException if one of them survives being killed
   */
  public static void stop(DevClusterState state) {
    boolean gone = ClusterProcess.stopAll(state.processes(), STOP_GRACE);
    try {
      state.layout().deleteTmp();
    } catch (IOException e) {
      throw new DevClusterException(
          "The dev cluster stopped, but its temp folder "
              + state.layout().tmp()
              + " could not be deleted: "
              + e.getMessage(),
          e);
    }
    if (!gone) {
      throw new DevClusterException(
          "A process of the dev cluster did not end after being killed: "
              + state.processes().stream()
                  .filter(ClusterProcess::isAlive)
                  .map(p -> p.role().title() + " (pid " + p.pid() + ")")
                  .toList());
    }
  }

  /**
   * Stops the JVMs this JVM has started for the cluster in {@code folder}, whether or not its start
   * has finished: for a Ctrl-C that interrupts a start of a detached cluster.
   */
  public static void stopChildren(Path folder) {
    String conf = new ClusterFolder(folder.toAbsolutePath().normalize()).conf().toString();
    List<ProcessHandle> children =
        ProcessHandle.current()
            .children()
            .filter(
                h ->
                    h.info()
                        .arguments()
                        .map(args -> List.of(args).stream().anyMatch(a -> a.contains(conf)))
                        .orElse(false))
            .toList();
    children.forEach(ProcessHandle::destroy);
    for (ProcessHandle h : children) {
      try {
        h.onExit().get(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        h.destroyForcibly();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        h.destroyForcibly();
      }
    }
  }

  /** Configures and starts a {@link DevCluster}. */
  public static final class Builder {

    private final Path folder;
    private boolean watchParent = true;
    private Duration startTimeout = DEFAULT_START_TIMEOUT;
    private int jobManagerRpcPort;
    private int restPort;
    private int gatewayPort;
    private final Map<String, String> systemProperties = new LinkedHashMap<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private final Set<ClusterClasspath.Part> leftOff = EnumSet.noneOf(ClusterClasspath.Part.class);

    private Builder(Path folder) {
      this.folder = folder;
      // ONNX Runtime's native library: unpacked once into the same folder as this JVM's.
      String nativeCache = System.getProperty("streamwright.onnx.native-cache");
      if (nativeCache != null) {
        systemProperties.put("streamwright.onnx.native-cache", nativeCache);
      }
    }

    /**
     * Lets the JVMs outlive this one: they do not watch it, their stdin is {@code /dev/null}, and
     * (where {@code setsid} exists) they run in a session of their own, so closing the terminal
     * does not stop them. Stop them with {@link DevCluster#stop(DevClusterState)}.
     */
    public Builder detached() {
      this.watchParent = false;
      return this;
    }

    /** How long {@link #start()} waits for the cluster to be ready. */
    public Builder startTimeout(Duration timeout) {
      this.startTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    /** Fixed ports instead of free ones (0: pick a free one). */
    public Builder ports(int jobManagerRpc, int rest, int gateway) {
      this.jobManagerRpcPort = jobManagerRpc;
      this.restPort = rest;
      this.gatewayPort = gateway;
      return this;
    }

    /**
     * A Flink setting of the cluster's {@code config.yaml} in place of (or besides) the dev
     * cluster's own, e.g. shorter {@code heartbeat.timeout} so that a test sees a lost TaskManager
     * within seconds.
     */
    public Builder setting(String key, String value) {
      settings.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Leaves a part off the cluster's class path, for a cluster that lacks what a user's cluster
     * may lack (its jobs then need {@code ADD JAR}).
     */
    public Builder without(ClusterClasspath.Part part) {
      leftOff.add(Objects.requireNonNull(part, "part"));
      return this;
    }

    /**
     * Starts the three JVMs and waits until the cluster can run jobs and the gateway answers.
     *
     * @throws DevClusterException naming the process that failed, its root cause and the tail of
     *     its log; nothing of the cluster is left running
     */
    public DevCluster start() {
      List<Path> cp = ClusterClasspath.ofCurrentJvm(leftOff);
      boolean free = jobManagerRpcPort == 0 || restPort == 0 || gatewayPort == 0;
      for (int attempt = 1; ; attempt++) {
        try {
          return start(cp);
        } catch (DevClusterException e) {
          // A free port is found by binding and releasing it before the JVMs start, so another
          // process on a busy machine can take it in between: choose new ones, a bounded number
          // of times. Fixed ports and other failures are the user's to see at once.
          if (!free || attempt == PORT_ATTEMPTS || !lostPort(e)) {
            throw e;
          }
          System.getLogger(DevCluster.class.getName())
              .log(System.Logger.Level.WARNING, "A port was taken while starting; other ports", e);
        }
      }
    }

    private static boolean lostPort(DevClusterException e) {
      String m = String.valueOf(e.getMessage());
      return m.contains("BindException") || m.contains("Address already in use");
    }

    private DevCluster start(List<Path> cp) {
      ClusterFolder layout = new ClusterFolder(folder);
      ClusterConfig.Ports ports =
          new ClusterConfig.Ports(jobManagerRpcPort, restPort, gatewayPort).resolveFree();
      try {
        layout.prepare();
        ClusterConfig.writeConf(layout, ports, settings);
      } catch (IOException e) {
        throw new DevClusterException(
            "Cannot prepare the dev cluster's folder " + folder + ": " + e.getMessage(), e);
      }
      Instant startedAt = Instant.now();
      Map<Role, Process> started = new EnumMap<>(Role.class);
      List<ClusterProcess> recorded = new ArrayList<>();
      try {
        for (Role role : Role.values()) {
          Process p = launch(layout, role, cp);
          started.put(role, p);
          recorded.add(
              new ClusterProcess(
                  role, p.pid(), p.info().startInstant().orElse(startedAt), layout.argsFile(role)));
        }
        DevClusterState state =
            new DevClusterState(
                folder,
                URI.create("http://" + ClusterConfig.LOOPBACK + ":" + ports.rest()),
                URI.create("http://" + ClusterConfig.LOOPBACK + ":" + ports.gateway()),
                ports.jobManagerRpc(),
                startedAt,
                recorded);
        awaitReady(state, started);
        return new DevCluster(state, started, watchParent);
      } catch (RuntimeException | Error e) {
        ClusterProcess.stopAll(recorded, STOP_GRACE);
        for (Process p : started.values()) {
          p.destroyForcibly(); // no-op for those already gone
          closeQuietly(p.getOutputStream());
        }
        try {
          layout.deleteTmp();
        } catch (IOException cleanup) {
          e.addSuppressed(cleanup);
        }
        throw e;
      }
    }

    private Process launch(ClusterFolder layout, Role role, List<Path> cp) {
      List<String> jvm =
          ClusterConfig.jvmArguments(layout, role, cp, watchParent, systemProperties);
      try {
        Files.writeString(
            layout.argsFile(role), ClusterConfig.argsFile(jvm), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new DevClusterException(
            "Cannot start the dev cluster's " + role.title() + ": " + e.getMessage(), e);
      }
      return spawn(layout, role, watchParent, false);
    }

    private void awaitReady(DevClusterState state, Map<Role, Process> started) {
      long deadline = System.nanoTime() + startTimeout.toNanos();
      boolean jobManagerUp = false;
      boolean taskManagerUp = false;
      boolean gatewayUp = false;
      while (true) {
        for (ClusterProcess p : state.processes()) {
          Process process = started.get(p.role());
          if (!process.isAlive()) {
            throw failed(p, "exited while starting (exit code " + process.exitValue() + ")");
          }
        }
        Optional<ClusterProbe.Overview> overview = ClusterProbe.overview(state.restUrl());
        jobManagerUp |= overview.isPresent();
        taskManagerUp |= overview.map(ClusterProbe.Overview::canRunJobs).orElse(false);
        gatewayUp |= ClusterProbe.gatewayVersion(state.gatewayUrl()).isPresent();
        if (jobManagerUp && taskManagerUp && gatewayUp) {
          return;
        }
        if (System.nanoTime() > deadline) {
          String secs = startTimeout.toSeconds() + " s";
          if (!jobManagerUp) {
            throw failed(
                state.process(Role.JOB_MANAGER),
                "did not answer on " + state.restUrl() + " within " + secs);
          }
          if (!taskManagerUp) {
            throw failed(
                state.process(Role.TASK_MANAGER),
                "did not register with the JobManager within " + secs);
          }
          throw failed(
              state.process(Role.SQL_GATEWAY),
              "did not answer on " + state.gatewayUrl() + " within " + secs);
        }
        try {
          TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new DevClusterException("Interrupted while the dev cluster was starting.", e);
        }
      }
    }
  }

  /** Starts {@code java @<args file>} of one role; its output goes to its {@code .out} file. */
  private static Process spawn(
      ClusterFolder layout, Role role, boolean watchParent, boolean appendOutput) {
    List<String> command = new ArrayList<>();
    if (!watchParent && setsid().isPresent()) {
      command.add(setsid().get());
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@" + layout.argsFile(role));
    File out = layout.logs().resolve(role.fileName() + ".out").toFile();
    try {
      ProcessBuilder pb =
          new ProcessBuilder(command)
              .directory(layout.root().toFile())
              .redirectErrorStream(true)
              .redirectOutput(
                  appendOutput
                      ? ProcessBuilder.Redirect.appendTo(out)
                      : ProcessBuilder.Redirect.to(out));
      pb.redirectInput(
          watchParent ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(devNull()));
      Map<String, String> env = pb.environment();
      env.keySet().removeIf(k -> k.startsWith("FLINK_") || k.equals("HADOOP_CLASSPATH"));
      env.put("FLINK_CONF_DIR", layout.conf().toString());
      // ONNX Runtime's native code writes its debug log to $TMPDIR.
      env.put("TMPDIR", layout.tmp().toString());
      return pb.start();
    } catch (IOException e) {
      throw new DevClusterException(
          "Cannot start the dev cluster's " + role.title() + ": " + e.getMessage(), e);
    }
  }

  private static void pause() {
    try {
      TimeUnit.MILLISECONDS.sleep(POLL.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DevClusterException("Interrupted while the dev cluster was starting.", e);
    }
  }

  private static DevClusterException failed(ClusterProcess p, String what) {
    String cause = p.rootCause().map(c -> ": " + c).orElse("");
    return new DevClusterException(
        "The dev cluster's "
            + p.role().title()
            + " (pid "
            + p.pid()
            + ") "
            + what
            + cause
            + ". Its log: "
            + p.logFile()
            + "\n"
            + p.tail(TAIL_LINES));
  }

  private static Optional<String> setsid() {
    for (String dir : List.of("/usr/bin", "/bin")) {
      Path p = Path.of(dir, "setsid");
      if (Files.isExecutable(p)) {
        return Optional.of(p.toString());
      }
    }
    return Optional.empty();
  }

  private static File devNull() {
    return new File(File.separatorChar == '\\' ? "NUL" : "/dev/null");
  }

  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException e) {
      // The process is gone; its pipe may already be broken.
    }
  }
}
