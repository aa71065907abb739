package dev.streamwright.monitor.alerts.channels;

import dev.streamwright.monitor.alerts.ChannelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a channel's program with input, a bounded time and its error output kept for messages. */
final class Processes {

  /** How much of a program's error output a message quotes, at most (its end). */
  static final int ERROR_TAIL = 400;

  private Processes() {}

  /**
   * Runs the program to its end.
   *
   * @param what how messages name the program, e.g. {@code command 'page-me.sh'}
   * @throws ChannelException when it cannot start, outlives the timeout (it is then stopped) or
   *     exits with a code other than 0 (the message quotes the end of its error output)
   */
  static void run(
      String what, List<String> command, Map<String, String> env, byte[] input, Duration timeout)
      throws ChannelException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new ChannelException(
          "cannot run " + what + ": " + e.getMessage() + ". Check the program's path.", e);
    }
    StringBuilder errors = new StringBuilder();
    Thread reader = new Thread(() -> drain(p.getErrorStream(), errors), "alert-command-stderr");
    reader.setDaemon(true);
    reader.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(input);
    } catch (IOException e) {
      // The program does not read its input (or closed it early); its exit code says the rest.
    }
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new ChannelException(
            what + " did not finish within " + timeout.toMillis() + " ms and was stopped");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      throw e;
    }
    reader.join(1000);
    if (p.exitValue() != 0) {
      String tail;
      synchronized (errors) {
        tail = errors.toString().strip();
      }
      throw new ChannelException(
          what
              + " exited with code "
              + p.exitValue()
              + (tail.isEmpty() ? "" : "; its error output ends: " + tail));
    }
  }

  private static void drain(InputStream err, StringBuilder into) {
    byte[] buf = new byte[1024];
    try (err) {
      int n;
      while ((n = err.read(buf)) >= 0) {
        synchronized (into) {
          into.append(new String(buf, 0, n, StandardCharsets.UTF_8));
          if (into.length() > ERROR_TAIL) {
            into.delete(0, into.length() - ERROR_TAIL);
          }
        }
      }
    } catch (IOException e) {
      // The process ended and closed its pipe.
    }
  }
}
