package dev.streamwright.plugin.onnx;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * CPU time of the JVM's threads while a benchmark job runs, summed by role (the model's task
 * thread, the source's, ...). Flink's task threads end with their job, so their times are polled
 * while it runs and the last value seen counts. On a shared machine, CPU time per row is steadier
 * than rows per second of wall-clock time, which waits whenever other processes hold the cores.
 */
final class ThreadCpu implements AutoCloseable {

  private static final long POLL_MILLIS = 20;

  private final ThreadMXBean mx = ManagementFactory.getThreadMXBean();
  private final Function<String, String> role;
  private final Map<Long, Long> before = new HashMap<>();
  private final Map<Long, Long> last = new HashMap<>();
  private final Map<Long, String> names = new HashMap<>();
  private final Thread poller;
  private volatile boolean running = true;

  /** Starts polling; {@code role} names a thread's role from its name. */
  ThreadCpu(Function<String, String> role) {
    this.role = role;
    for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (t != null) {
        before.put(t.getThreadId(), Math.max(0, mx.getThreadCpuTime(t.getThreadId())));
      }
    }
    poller =
        new Thread(
            () -> {
              while (running) {
                poll();
                try {
                  Thread.sleep(POLL_MILLIS);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "bench-thread-cpu");
    poller.setDaemon(true);
    poller.start();
  }

  private synchronized void poll() {
    for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
      if (t == null || t.getThreadId() == poller.getId()) {
        continue;
      }
      long cpu = mx.getThreadCpuTime(t.getThreadId());
      if (cpu >= 0) {
        last.put(t.getThreadId(), cpu);
        names.put(t.getThreadId(), t.getThreadName());
      }
    }
  }

  /** Stops polling and returns CPU nanoseconds per role since the start. */
  synchronized Map<String, Long> byRole() {
    poll();
    Map<String, Long> out = new TreeMap<>();
    last.forEach(
        (id, cpu) ->
            out.merge(
                role.apply(names.get(id)),
                Math.max(0, cpu - before.getOrDefault(id, 0L)),
                Long::sum));
    return out;
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    poller.interrupt();
    poller.join();
  }
}
