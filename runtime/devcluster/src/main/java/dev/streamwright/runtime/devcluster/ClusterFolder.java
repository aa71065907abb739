package dev.streamwright.runtime.devcluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder a dev cluster owns; everything it writes stays inside:
 *
 * <pre>
 * conf/         config.yaml, log4j2.properties, one arguments file per JVM
 * log/          jobmanager.log/.out, taskmanager.log/.out, sql-gateway.log/.out
 * tmp/          Flink's temp files and the boot class; deleted when the cluster stops
 * savepoints/   where STOP JOB ... WITH SAVEPOINT writes (kept)
 * checkpoints/  retained checkpoints (kept)
 * </pre>
 *
 * @param root the folder
 */
public record ClusterFolder(Path root) {

  /** Flink's configuration folder ({@code FLINK_CONF_DIR}). */
  public Path conf() {
    return root.resolve("conf");
  }

  /** The log folder. */
  public Path logs() {
    return root.resolve("log");
  }

  /** Temp files of the cluster's JVMs. */
  public Path tmp() {
    return root.resolve("tmp");
  }

  /** The default savepoint folder. */
  public Path savepoints() {
    return root.resolve("savepoints");
  }

  /** The default checkpoint folder. */
  public Path checkpoints() {
    return root.resolve("checkpoints");
  }

  /** The class path folder holding {@link ChildMain}, the JVMs' main class. */
  Path boot() {
    return tmp().resolve("boot");
  }

  Path log4jConfig() {
    return conf().resolve("log4j2.properties");
  }

  /** The arguments file of one JVM. */
  Path argsFile(ClusterProcess.Role role) {
    return conf().resolve(role.fileName() + ".args");
  }

  /** Creates the folders and puts {@link ChildMain}'s class file into {@link #boot()}. */
  void prepare() throws IOException {
    deleteTmp();
    deleteTree(logs()); // each start writes its logs afresh
    for (Path dir : List.of(conf(), logs(), tmp(), savepoints(), checkpoints())) {
      Files.createDirectories(dir);
    }
    String resource = ChildMain.class.getSimpleName() + ".class";
    Path target =
        boot().resolve(ChildMain.class.getPackageName().replace('.', '/')).resolve(resource);
    Files.createDirectories(target.getParent());
    try (var in = ChildMain.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("the class file of " + ChildMain.class.getName() + " is missing");
      }
      Files.copy(in, target);
    }
  }

  /** Deletes {@link #tmp()} with everything in it. */
  public void deleteTmp() throws IOException {
    deleteTree(tmp());
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
