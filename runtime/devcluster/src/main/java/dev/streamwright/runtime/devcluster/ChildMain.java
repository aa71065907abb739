package dev.streamwright.runtime.devcluster;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * The main class of each dev cluster JVM: it runs a Flink entry point and, when asked to, ends the
 * JVM as soon as the process that started it is gone, so a test JVM that dies leaves no cluster
 * behind.
 *
 * <p>It is copied as a single class file into the cluster's {@code boot} folder and runs there
 * without the rest of Streamwright: it must stay one class using only the JDK (lambdas are fine,
 * nested classes are not).
 */
public final class ChildMain {

  /** System property: {@code true} to end this JVM when its parent ends or stdin closes. */
  static final String WATCH_PARENT = "streamwright.devcluster.watch-parent";

  /** System property: the pid of the parent to watch. */
  static final String PARENT_PID = "streamwright.devcluster.parent-pid";

  /** How long Flink's shutdown hooks may take before the JVM is halted. */
  private static final long HALT_AFTER_MILLIS = 15_000;

  private ChildMain() {}

  /**
   * Runs {@code args[0]}'s main method with the remaining arguments.
   *
   * @param args the entry point class, then its arguments
   */
  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: ChildMain <entry point class> [arguments]");
      System.exit(2);
    }
    if (Boolean.getBoolean(WATCH_PARENT)) {
      watchParent(Long.getLong(PARENT_PID, -1L));
    }
    Method main = Class.forName(args[0]).getMethod("main", String[].class);
    try {
      main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      // A failed start: the stack trace goes to this JVM's .out file, where the dev cluster
      // reads the cause from; then the JVM ends even if Flink left non-daemon threads behind.
      e.getCause().printStackTrace();
      System.err.flush();
      exit(1);
    }
    // The entry point returned: the JobManager keeps running on its own threads; the others
    // return only once they have stopped.
  }

  private static void watchParent(long parentPid) {
    Thread stdin =
        new Thread(
            () -> {
              try (InputStream in = System.in) {
                byte[] buffer = new byte[256];
                while (in.read(buffer) >= 0) {
                  // The parent never writes; reading only waits for the pipe to close.
                }
              } catch (IOException e) {
                // A broken pipe means the same: the parent is gone.
              }
              System.err.println("dev cluster: the parent process closed stdin; stopping");
              exit(0);
            },
            "dev-cluster-parent-watch");
    stdin.setDaemon(true);
    stdin.start();
    ProcessHandle.of(parentPid)
        .ifPresentOrElse(
            parent ->
                parent
                    .onExit()
                    .thenRun(
                        () -> {
                          System.err.println(
                              "dev cluster: parent process " + parentPid + " ended; stopping");
                          exit(0);
                        }),
            () -> {
              System.err.println("dev cluster: parent process " + parentPid + " is gone");
              exit(0);
            });
  }

  /** Ends the JVM through its shutdown hooks, and halts it if they hang. */
  private static void exit(int code) {
    Thread halt =
        new Thread(
            () -> {
              try {
                Thread.sleep(HALT_AFTER_MILLIS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              Runtime.getRuntime().halt(code);
            },
            "dev-cluster-halt");
    halt.setDaemon(true);
    halt.start();
    System.exit(code);
  }
}
