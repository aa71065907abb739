package dev.streamwright.monitor.ui;

import atlantafx.base.theme.PrimerLight;
import dev.streamwright.monitor.figures.CheckpointFigures;
import dev.streamwright.monitor.figures.MonitorSnapshot;
import dev.streamwright.monitor.lag.LagStatus;
import dev.streamwright.monitor.ui.MonitorView.Panel;
import io.fair_acc.chartfx.renderer.Renderer;
import io.fair_acc.chartfx.renderer.datareduction.DefaultDataReducer;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * How the Monitor view copes with 50 live series at 1 Hz (a pipeline of 50 nodes, each with its
 * records-per-second series on the Throughput chart, plus a lag group and two sinks), headless with
 * software rendering, as issue 12 asks: FX thread busy under 10 % and no frame over 50 ms.
 *
 * <p><b>Method.</b> The charts start with a full 15-minute window of history per node (as after
 * watching for 15 minutes; {@code -Dbench.history=false} starts them empty), then a poller thread
 * offers one snapshot per second for {@code bench.seconds} (default 60) after a 10 s warm-up; the
 * Throughput panel is showing ({@code -Dbench.panel=HEALTH} shows a panel without chart, for the
 * renderer's floor). Measured over the run: the FX thread's CPU time over wall time (everything the
 * FX thread does: animation timers, CSS, layout, ChartFX's canvas drawing, scene sync), the
 * renderer thread's likewise, the time per pulse from the first animation timer to the last
 * post-layout pulse listener ("pulse work"), and the frame gaps between consecutive pulses as an
 * animation timer sees them (a frame over 50 ms is a gap over 50 ms).
 *
 * <p><b>Run</b> with the module's bench profile, {@code mvn -pl monitor -Pbench exec:exec
 * -Dbench.class=dev.streamwright.monitor.ui.MonitorViewBenchmark}, or from the test class path
 * (from the repository root, after {@code mvn -o -q -pl monitor -am test-compile}):
 *
 * <pre>
 * cd monitor
 * mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp "target/test-classes:target/classes:$(cat target/bench.cp)" \
 *   dev.streamwright.monitor.ui.MonitorViewBenchmark
 * </pre>
 *
 * <p>It sets the headless Monocle properties itself unless they are given on the command line.
 * Results go to standard output: this is a measuring tool, not part of the studio.
 */
public final class MonitorViewBenchmark {

  private static final int SERIES = Integer.getInteger("bench.series", 50);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
  private static final int WARM_UP_SECONDS = 10;

  /** Whether the charts start with a full window of history, as after 15 minutes of watching. */
  private static final boolean HISTORY =
      Boolean.parseBoolean(System.getProperty("bench.history", "true"));

  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final Random random = new Random(12);
  private final double[] rates = new double[SERIES];
  private final List<Long> gaps = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> drawGaps = Collections.synchronizedList(new ArrayList<>());
  private final List<Long> work = Collections.synchronizedList(new ArrayList<>());
  private MonitorView view;
  private long fxThreadId;
  private long pulseStart;
  private long lastFrame;
  private long lastRedraws;
  private volatile boolean measuring;
  private int tick;

  private MonitorViewBenchmark() {}

  public static void main(String[] args) throws Exception {
    headless();
    CountDownLatch started = new CountDownLatch(1);
    Platform.startup(started::countDown);
    started.await();
    try {
      new MonitorViewBenchmark().run();
    } finally {
      Platform.exit();
    }
  }

  private static void headless() {
    setIfAbsent("glass.platform", "Monocle");
    setIfAbsent("monocle.platform", "Headless");
    setIfAbsent("prism.order", "sw");
    setIfAbsent("prism.text", "t2k");
    setIfAbsent("headless.geometry", "1600x1000-32");
    setIfAbsent("java.awt.headless", "true");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  private void run() throws Exception {
    fx(this::open);
    if (HISTORY) {
      view.offerHistory(history());
    }
    ScheduledExecutorService poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "benchmark-poller");
              t.setDaemon(true);
              return t;
            });
    // -Dbench.idle=true: one snapshot, then none, for the cost of an open view that shows no news.
    long period = Boolean.getBoolean("bench.idle") ? 1_000_000 : 1;
    poller.scheduleAtFixedRate(() -> view.offer(next()), 0, period, TimeUnit.SECONDS);
    Thread.sleep(TimeUnit.SECONDS.toMillis(WARM_UP_SECONDS));

    if (Boolean.getBoolean("bench.chartAll")) {
      // Select every row: the chart then draws all series, not the busiest ten.
      fx(
          () -> {
            view.throughput().table().getSelectionModel().selectAll();
            return null;
          });
    }
    fx(this::variant);
    long renderThread = threadId("QuantumRenderer");
    long redraws0 = fx(view::redraws);
    long pulses0 = fx(view::pulses);
    long fxCpu0 = threads.getThreadCpuTime(fxThreadId);
    long renderCpu0 = renderThread < 0 ? 0 : threads.getThreadCpuTime(renderThread);
    long wall0 = System.nanoTime();
    measuring = true;
    Thread.sleep(TimeUnit.SECONDS.toMillis(SECONDS));
    measuring = false;
    long wall = System.nanoTime() - wall0;
    long fxCpu = threads.getThreadCpuTime(fxThreadId) - fxCpu0;
    long renderCpu = renderThread < 0 ? 0 : threads.getThreadCpuTime(renderThread) - renderCpu0;
    long redraws = fx(view::redraws) - redraws0;
    long pulses = fx(view::pulses) - pulses0;
    poller.shutdownNow();
    int points = fx(() -> view.throughput().chart().points("node-00"));
    fx(
        () -> {
          view.dispose();
          return null;
        });

    List<Long> g;
    List<Long> d;
    List<Long> w;
    synchronized (gaps) {
      g = new ArrayList<>(gaps);
    }
    synchronized (drawGaps) {
      d = new ArrayList<>(drawGaps);
    }
    Collections.sort(d);
    synchronized (work) {
      w = new ArrayList<>(work);
    }
    Collections.sort(g);
    Collections.sort(w);
    long workSum = w.stream().mapToLong(Long::longValue).sum();
    System.out.printf(
        Locale.ROOT,
        "Monitor view benchmark: %d live series at 1 Hz for %d s (after %d s warm-up), %s,"
            + " %d cores, load average at the end %.2f%n",
        SERIES,
        SECONDS,
        WARM_UP_SECONDS,
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.printf(
        Locale.ROOT,
        "redraws %d, pulses %d, points per series at the end %d%n",
        redraws,
        pulses,
        points);
    System.out.printf(
        Locale.ROOT,
        "FX thread CPU / wall: %.2f %%; renderer thread CPU / wall: %.2f %%%n",
        100.0 * fxCpu / wall,
        100.0 * renderCpu / wall);
    System.out.printf(
        Locale.ROOT,
        "per snapshot drawn: FX thread CPU %.2f ms (redraw, CSS, layout, chart drawing),"
            + " renderer thread CPU %.2f ms%n",
        ms(fxCpu) / Math.max(1, redraws),
        ms(renderCpu) / Math.max(1, redraws));
    System.out.printf(
        Locale.ROOT,
        "pulse work (animation timers to last post-layout listener) / wall: %.2f %%;"
            + " per pulse median %.2f ms, p99 %.2f ms, max %.2f ms%n",
        100.0 * workSum / wall,
        ms(pct(w, 50)),
        ms(pct(w, 99)),
        ms(pct(w, 100)));
    gapLine("frame gaps after a frame that drew a snapshot", d);
    gapLine("frame gaps after the other frames (the machine's own noise)", g);
  }

  /**
   * Variants that change one thing at a time, to see what a drawing frame's time depends on: {@code
   * bench.charted=N} selects the first N rows (N series drawn), {@code bench.hide=table} or {@code
   * chart} hides that part of the Throughput panel, {@code bench.grid=false} hides the chart's grid
   * lines.
   */
  private Void variant() {
    int charted = Integer.getInteger("bench.charted", 0);
    if (charted > 0) {
      view.throughput().table().getSelectionModel().selectRange(0, charted);
    }
    String hide = System.getProperty("bench.hide", "");
    if (hide.equals("table")) {
      view.throughput().table().setVisible(false);
    } else if (hide.equals("detach")) {
      view.throughput().chart().attach(false); // out of the scene, as on a panel that is hidden
    } else if (hide.equals("chart")) {
      view.throughput().chart().node().setVisible(false);
    }
    String reducer = System.getProperty("bench.reducer", "");
    if (!reducer.isEmpty()) {
      for (Renderer r : view.throughput().chart().chart().getRenderers()) {
        if (r instanceof ErrorDataSetRenderer e) {
          e.rendererDataReducerProperty()
              .set(
                  reducer.startsWith("envelope:")
                      ? new EnvelopeReducer(Double.parseDouble(reducer.substring(9)))
                      : new DefaultDataReducer());
        }
      }
    }
    if (!Boolean.parseBoolean(System.getProperty("bench.grid", "true"))) {
      view.throughput()
          .chart()
          .chart()
          .getGridRenderer()
          .getHorizontalMajorGrid()
          .setVisible(false);
      view.throughput().chart().chart().getGridRenderer().getVerticalMajorGrid().setVisible(false);
    }
    return null;
  }

  private Void open() {
    fxThreadId = Thread.currentThread().getId();
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    // Started before the view's own timer, so it runs first in every pulse.
    new AnimationTimer() {
      @Override
      public void handle(long now) {
        pulseStart = System.nanoTime();
        // This timer runs before the view's: a change in its redraw count since the last pulse
        // means the last pulse drew a snapshot, and the gap that follows is that frame's.
        long redraws = view == null ? 0 : view.redraws();
        if (measuring && lastFrame != 0) {
          (redraws != lastRedraws ? drawGaps : gaps).add(now - lastFrame);
        }
        lastRedraws = redraws;
        lastFrame = now;
      }
    }.start();
    view = new MonitorView();
    String[] size = System.getProperty("bench.size", "1600x1000").split("x");
    Scene scene = new Scene(view, Integer.parseInt(size[0]), Integer.parseInt(size[1]));
    Stage stage = new Stage();
    stage.setScene(scene);
    stage.show();
    view.showPanel(Panel.valueOf(System.getProperty("bench.panel", "THROUGHPUT")), null);
    // Registered after the charts' own pulse hooks, so it runs last.
    Platform.runLater(
        () ->
            scene.addPostLayoutPulseListener(
                () -> {
                  if (measuring && pulseStart != 0) {
                    work.add(System.nanoTime() - pulseStart);
                  }
                }));
    return null;
  }

  /**
   * A node's next rate. {@code bench.rates=walk} (the harsh case): a random walk from 1,000/s with
   * steps of 50/s, so after 15 minutes each line spans much of the chart. The default, {@code
   * steady}: each node holds its own level (100 to 5,000/s) with 5 % noise, as a pipeline that
   * keeps up does.
   */
  private double rate(int node, double previous) {
    if ("walk".equals(System.getProperty("bench.rates"))) {
      return Math.max(0, (previous == 0 ? 1_000 : previous) + random.nextGaussian() * 50);
    }
    double level = 100 + node * 4_900.0 / Math.max(1, SERIES - 1);
    return Math.max(0, level * (1 + random.nextGaussian() * 0.05));
  }

  /** A full chart window of past values (one per second) for every node's series. */
  private ChartHistory history() {
    Instant now = Instant.now();
    int points = (int) LiveChart.WINDOW.toSeconds();
    java.util.Map<ChartHistory.Series, List<ChartHistory.Point>> past = new java.util.HashMap<>();
    for (int i = 0; i < SERIES; i++) {
      List<ChartHistory.Point> values = new ArrayList<>();
      double rate = 0;
      for (int k = points; k > 0; k--) {
        rate = rate(i, rate);
        values.add(new ChartHistory.Point(now.minusSeconds(k), rate));
      }
      past.put(
          new ChartHistory.Series(
              ChartHistory.Figure.RECORDS_PER_SECOND, String.format(Locale.ROOT, "node-%02d", i)),
          values);
    }
    return new ChartHistory(past);
  }

  /** The next poll's snapshot: every node's rate walks randomly. */
  private MonitorSnapshot next() {
    int t = tick++;
    Snapshots s =
        Snapshots.at(Instant.now())
            .job("RUNNING", 0, List.of(), CheckpointFigures.NONE)
            .sink("alerts", 1_000, 100 + t % 50, 300, 400 + (t % 30) * 30, 1_500, 2_000)
            .sink("scores", 2_000, 50, 80, 120, 150, 300);
    for (int i = 0; i < SERIES; i++) {
      rates[i] = rate(i, rates[i]);
      double bp = (i % 7) / 10.0;
      s.node(String.format(Locale.ROOT, "node-%02d", i), rates[i], rates[i], 0.3, bp, 0.7 - bp);
    }
    s.group(
        "bench-group",
        "node-00",
        Snapshots.partition(
            "t",
            0,
            10_000L + t * 100,
            9_000L + t * 95,
            Duration.ofSeconds(3),
            null,
            Duration.ofSeconds(60),
            LagStatus.OK),
        Snapshots.partition(
            "t",
            1,
            10_000L + t * 100,
            9_500L + t * 99,
            Duration.ofSeconds(1),
            null,
            Duration.ofSeconds(10),
            LagStatus.OK));
    return s.build();
  }

  private static void gapLine(String what, List<Long> sorted) {
    long over = sorted.stream().filter(x -> x > TimeUnit.MILLISECONDS.toNanos(50)).count();
    System.out.printf(
        Locale.ROOT,
        "%s: %d, median %.1f ms, p99 %.1f ms, max %.1f ms, over 50 ms: %d%n",
        what,
        sorted.size(),
        ms(pct(sorted, 50)),
        ms(pct(sorted, 99)),
        ms(pct(sorted, 100)),
        over);
  }

  private long threadId(String prefix) {
    for (ThreadInfo info : threads.dumpAllThreads(false, false)) {
      if (info.getThreadName().startsWith(prefix)) {
        return info.getThreadId();
      }
    }
    return -1;
  }

  private static long pct(List<Long> sorted, int p) {
    if (sorted.isEmpty()) {
      return 0;
    }
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static <T> T fx(Callable<T> action) throws Exception {
    FutureTask<T> task = new FutureTask<>(action);
    Platform.runLater(task);
    return task.get(30, TimeUnit.SECONDS);
  }
}
