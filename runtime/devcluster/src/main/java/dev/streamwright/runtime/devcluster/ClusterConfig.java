package dev.streamwright.runtime.devcluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a dev cluster's JVMs start from: Flink's {@code config.yaml} (one for all three, as in
 * a distribution's {@code conf/}), the log4j2 setup, and one arguments file per JVM.
 */
final class ClusterConfig {

  static final String LOOPBACK = "127.0.0.1";

  /**
   * The flags of Flink's own {@code env.java.opts.all}: user SQL, Kryo and the planner's code
   * generation reach into these JDK packages.
   */
  static final List<String> FLINK_JVM_FLAGS =
      List.of(
          "-XX:+IgnoreUnrecognizedVMOptions",
          "--add-exports=java.base/sun.net.util=ALL-UNNAMED",
          "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.api=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.file=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.parser=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED",
          "--add-exports=jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED",
          "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
          "--add-opens=java.base/java.lang=ALL-UNNAMED",
          "--add-opens=java.base/java.net=ALL-UNNAMED",
          "--add-opens=java.base/java.io=ALL-UNNAMED",
          "--add-opens=java.base/java.nio=ALL-UNNAMED",
          "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
          "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
          "--add-opens=java.base/java.text=ALL-UNNAMED",
          "--add-opens=java.base/java.time=ALL-UNNAMED",
          "--add-opens=java.base/java.util=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
          "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");

  /** Task slots of the one TaskManager: room for a few small jobs side by side. */
  static final int SLOTS = 4;

  private ClusterConfig() {}

  /** The three ports the cluster's clients need to know; every other port is picked by Flink. */
  record Ports(int jobManagerRpc, int rest, int gateway) {

    /** Free ports on 127.0.0.1 for those given as 0. */
    Ports resolveFree() {
      try (ServerSocket a = freeSocket(jobManagerRpc);
          ServerSocket b = freeSocket(rest);
          ServerSocket c = freeSocket(gateway)) {
        return new Ports(port(a, jobManagerRpc), port(b, rest), port(c, gateway));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot find free ports on 127.0.0.1", e);
      }
    }

    private static ServerSocket freeSocket(int wanted) throws IOException {
      return wanted == 0 ? new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK)) : null;
    }

    private static int port(ServerSocket s, int wanted) {
      return s == null ? wanted : s.getLocalPort();
    }
  }

  /** The Flink settings of the cluster, in {@code config.yaml} order. */
  static Map<String, String> flinkSettings(ClusterFolder folder, Ports ports) {
    Map<String, String> c = new LinkedHashMap<>();
    // Nothing listens beyond loopback.
    c.put("jobmanager.rpc.address", LOOPBACK);
    c.put("jobmanager.rpc.port", Integer.toString(ports.jobManagerRpc()));
    c.put("jobmanager.bind-host", LOOPBACK);
    c.put("taskmanager.host", LOOPBACK);
    c.put("taskmanager.bind-host", LOOPBACK);
    c.put("rest.address", LOOPBACK);
    c.put("rest.bind-address", LOOPBACK);
    c.put("rest.port", Integer.toString(ports.rest()));
    c.put("rest.bind-port", Integer.toString(ports.rest()));
    c.put("sql-gateway.endpoint.rest.address", LOOPBACK);
    c.put("sql-gateway.endpoint.rest.bind-address", LOOPBACK);
    c.put("sql-gateway.endpoint.rest.port", Integer.toString(ports.gateway()));
    c.put("sql-gateway.endpoint.rest.bind-port", Integer.toString(ports.gateway()));
    // What Flink's start scripts compute for a TaskManager (BashJavaUtils); without them
    // TaskManagerRunner refuses to start. Sizes add up to the JVM flags of taskManagerFlags().
    c.put("taskmanager.numberOfTaskSlots", Integer.toString(SLOTS));
    c.put("taskmanager.cpu.cores", "2.0");
    c.put("taskmanager.memory.framework.heap.size", "128m");
    c.put("taskmanager.memory.task.heap.size", "256m");
    c.put("taskmanager.memory.framework.off-heap.size", "64m");
    c.put("taskmanager.memory.task.off-heap.size", "0m");
    c.put("taskmanager.memory.network.min", "64m");
    c.put("taskmanager.memory.network.max", "64m");
    c.put("taskmanager.memory.managed.size", "128m");
    c.put("taskmanager.memory.jvm-metaspace.size", "256m");
    c.put("taskmanager.memory.jvm-overhead.min", "128m");
    c.put("taskmanager.memory.jvm-overhead.max", "128m");
    // A TaskManager that starts before the JobManager retries within a second, not ten.
    c.put("cluster.registration.error-delay", "1s");
    c.put("cluster.registration.refused-registration-delay", "1s");
    c.put("cluster.registration.max-timeout", "5s");
    // Every file the cluster writes stays in its folder.
    c.put("io.tmp.dirs", folder.tmp().toString());
    c.put("web.tmpdir", folder.tmp().resolve("web").toString());
    c.put("execution.checkpointing.dir", folder.checkpoints().toUri().toString());
    c.put("execution.checkpointing.savepoint-dir", folder.savepoints().toUri().toString());
    // The SQL Gateway's sessions submit to this cluster.
    c.put("execution.target", "remote");
    c.put("parallelism.default", "1");
    // Node health reads job metrics through the REST API while a job runs (Flink's default
    // refresh is 10 s); the refresh happens only when someone asks.
    c.put("metrics.fetcher.update-interval", "500ms");
    c.put("security.delegation.tokens.enabled", "false");
    return c;
  }

  /**
   * Writes {@code conf/config.yaml} and {@code conf/log4j2.properties}; {@code overrides} replace
   * or add to {@link #flinkSettings}.
   */
  static void writeConf(ClusterFolder folder, Ports ports, Map<String, String> overrides)
      throws IOException {
    Files.createDirectories(folder.conf());
    StringBuilder yaml = new StringBuilder("# Written by Streamwright for its dev cluster.\n");
    Map<String, String> settings = flinkSettings(folder, ports);
    settings.putAll(overrides);
    settings.forEach((k, v) -> yaml.append(k).append(": ").append(yamlString(v)).append('\n'));
    Files.writeString(folder.conf().resolve("config.yaml"), yaml, StandardCharsets.UTF_8);
    Files.writeString(folder.log4jConfig(), LOG4J, StandardCharsets.UTF_8);
  }

  private static final String LOG4J =
      String.join(
          "\n",
          "# Written by Streamwright for its dev cluster: one log file per JVM, log.file names it.",
          "# Appending: Flink opens several logger contexts per JVM, and each would truncate it.",
          "rootLogger.level = INFO",
          "rootLogger.appenderRef.file.ref = file",
          "appender.file.type = File",
          "appender.file.name = file",
          "appender.file.fileName = ${sys:log.file}",
          "appender.file.append = true",
          "appender.file.layout.type = PatternLayout",
          "appender.file.layout.pattern = %d{yyyy-MM-dd HH:mm:ss,SSS} %-5p %c - %m%n",
          "logger.pekko.name = org.apache.pekko",
          "logger.pekko.level = WARN",
          "# A TaskManager starting before its JobManager retries quietly.",
          "logger.pekkoremote.name = org.apache.pekko.remote",
          "logger.pekkoremote.level = ERROR",
          "logger.netty.name = org.apache.flink.shaded.netty4",
          "logger.netty.level = WARN",
          "");

  /** A YAML double-quoted scalar. */
  static String yamlString(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  /**
   * The command line of one JVM after {@code java}: its flags, class path, {@link ChildMain} and
   * the Flink entry point with its arguments.
   */
  static List<String> jvmArguments(
      ClusterFolder folder,
      ClusterProcess.Role role,
      List<Path> classpath,
      boolean watchParent,
      Map<String, String> systemProperties) {
    List<String> args = new ArrayList<>();
    // TaskManager: framework heap + task heap of flinkSettings().
    args.add("-Xmx384m");
    args.add("-XX:+UseSerialGC");
    args.add("-XX:MaxMetaspaceSize=256m");
    if (role == ClusterProcess.Role.TASK_MANAGER) {
      // framework + task off-heap + network, as Flink's scripts would pass it.
      args.add("-XX:MaxDirectMemorySize=128m");
    }
    args.addAll(FLINK_JVM_FLAGS);
    args.add("-Djava.io.tmpdir=" + folder.tmp());
    args.add("-Dlog.file=" + folder.logs().resolve(role.fileName() + ".log"));
    args.add("-Dlog4j.configurationFile=" + folder.log4jConfig().toUri());
    args.add("-D" + ChildMain.WATCH_PARENT + "=" + watchParent);
    args.add("-D" + ChildMain.PARENT_PID + "=" + ProcessHandle.current().pid());
    systemProperties.forEach((k, v) -> args.add("-D" + k + "=" + v));
    List<String> cp = new ArrayList<>();
    cp.add(folder.boot().toString());
    classpath.forEach(p -> cp.add(p.toString()));
    args.add("-cp");
    args.add(String.join(java.io.File.pathSeparator, cp));
    args.add(ChildMain.class.getName());
    args.add(role.mainClass());
    if (role != ClusterProcess.Role.SQL_GATEWAY) {
      // The gateway reads FLINK_CONF_DIR instead.
      args.add("--configDir");
      args.add(folder.conf().toString());
    }
    return args;
  }

  /** An arguments file as {@code java @file} reads it: one quoted argument per line. */
  static String argsFile(List<String> args) {
    StringBuilder b = new StringBuilder();
    for (String a : args) {
      b.append('"').append(a.replace("\\", "\\\\").replace("\"", "\\\"")).append("\"\n");
    }
    return b.toString();
  }
}
