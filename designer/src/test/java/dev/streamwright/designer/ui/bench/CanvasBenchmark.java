package dev.streamwright.designer.ui.bench;

import atlantafx.base.theme.PrimerLight;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.designer.ui.canvas.CanvasView;
import dev.streamwright.designer.ui.canvas.NodeOverlay;
import dev.streamwright.designer.ui.sql.SqlView;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/**
 * How the canvas copes with a generated 500-node pipeline ({@link LargePipelines#chains(int)}: 50
 * chains of a source, eight filters and a sink), headless with software rendering, as the studio's
 * performance goals ask: open, fit to view, pan (median frame under 16 ms) and a property edit
 * reaching the SQL view (under 100 ms).
 *
 * <p><b>Method.</b> Monocle's headless glass has no display refresh to time, so a frame is measured
 * on the FX thread as one pan step followed by {@code scene.snapshot(null)}: the snapshot runs the
 * pending CSS and layout passes and renders the whole scene with the same software (Prism sw)
 * renderer a pulse uses, synchronously. Its time is therefore a frame's work (CSS + layout + render
 * + read-back of the 1600x1000 image), an upper bound of what a pulse costs; the screen's own
 * present is not included. Each measurement is repeated and the median (with p90 and max) is
 * reported, after warm-up frames that let the JIT settle. The edit is timed from the {@code
 * SetProperty} call on the FX thread until the SQL view's text holds the new script (compile on the
 * worker thread, hand-back through {@code Platform.runLater}, text set), and then until the SQL
 * view has been rendered once more (a snapshot of it).
 *
 * <p><b>Run</b> (from the repository root, after {@code mvn -o -q install -DskipTests -pl
 * plugins/api,runtime} and {@code mvn -o -q test-compile -pl designer}):
 *
 * <pre>
 * cd designer
 * mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp -Dmdep.includeScope=test
 * java -cp "target/test-classes:target/classes:$(cat target/bench.cp)" \
 *   dev.streamwright.designer.ui.bench.CanvasBenchmark
 * </pre>
 *
 * <p>It sets the headless Monocle properties itself unless they are given on the command line.
 * Results go to standard output: this is a measuring tool, not part of the studio.
 */
public final class CanvasBenchmark {

  private static final int CHAINS = 50;
  private static final int WARM_UP_FRAMES = 30;
  private static final int FRAMES = 100;
  private static final int EDITS = 15;
  private static final double PAN_STEP = 6;

  private final ExecutorService worker =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "benchmark-compile");
            t.setDaemon(true);
            return t;
          });
  private DesignerViewModel model;
  private CanvasView canvas;
  private SqlView sql;
  private Scene scene;

  private CanvasBenchmark() {}

  public static void main(String[] args) throws Exception {
    headless();
    CountDownLatch started = new CountDownLatch(1);
    Platform.startup(started::countDown);
    started.await();
    CanvasBenchmark bench = new CanvasBenchmark();
    try {
      bench.run();
    } finally {
      bench.worker.shutdownNow();
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
    Pipeline pipeline = LargePipelines.chains(CHAINS);
    long openStart = System.nanoTime();
    fx(() -> open(pipeline));
    waitUntil(
        () -> model.lastCompilation() != null && !model.outputs().sqlProperty().get().isEmpty());
    fx(() -> scene.snapshot(null));
    double openMs = ms(System.nanoTime() - openStart);

    // The canvas fits a new pipeline into view when it opens; start the fit from 100 % instead.
    fx(() -> time(() -> zoomTo100()));
    double fitMs =
        fx(
            () ->
                time(
                    () -> {
                      canvas.fitToView();
                      scene.snapshot(null);
                    }));
    double fitZoom = fx(canvas::getZoom);
    List<Double> fitted = pan();
    fx(() -> time(() -> zoomTo100()));
    List<Double> full = pan();
    fx(() -> time(() -> zoomTo(0.85)));
    List<Double> fullSteps = zoomSteps();
    double compactMs = fx(() -> time(() -> zoomTo(0.5)));
    List<Double> zoomSteps = zoomSteps();
    List<Double> live = liveFigures();
    List<Double> edits = new ArrayList<>();
    List<Double> rendered = new ArrayList<>();
    for (int i = 0; i < EDITS; i++) {
      double[] t = edit("amount > " + (1000 + i));
      edits.add(t[0]);
      rendered.add(t[1]);
    }

    System.out.printf(
        Locale.ROOT,
        "Canvas benchmark: %d nodes, %d edges, %s, %s%n",
        pipeline.nodes().size(),
        pipeline.edges().size(),
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors() + " cores");
    System.out.printf(
        Locale.ROOT, "open (views built, first compile, first frame): %.0f ms%n", openMs);
    System.out.printf(
        Locale.ROOT,
        "fit to view from 100 %% zoom, with its frame: %.1f ms (zoom %.3f)%n",
        fitMs,
        fitZoom);
    report("pan frame at fit zoom (bare boxes)", fitted);
    report("pan frame at 100 % zoom (full detail)", full);
    System.out.printf(
        Locale.ROOT,
        "zoom 100 %% -> 50 %% (every box turns compact), with its frame: %.1f ms%n",
        compactMs);
    report("zoom step between 85 and 95 % (full detail), with its frame", fullSteps);
    report("zoom step between 50 and 60 % (compact), with its frame", zoomSteps);
    report("20 boxes' live figures changed at 50 %, with the frame", live);
    report("property edit -> SQL view text", edits);
    report("property edit -> SQL view rendered", rendered);
  }

  private Void open(Pipeline pipeline) {
    Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    model = new DesignerViewModel(pipeline, NodeTypeRegistry.load(), worker);
    canvas = new CanvasView(model);
    sql = new SqlView(model);
    sql.setPrefHeight(220);
    scene = new Scene(new BorderPane(canvas, null, null, sql, null), 1600, 1000);
    Stage stage = new Stage();
    stage.setScene(scene);
    stage.show();
    return null;
  }

  private void zoomTo100() {
    canvas.zoomAt(1 / canvas.getZoom(), 400, 300);
    scene.snapshot(null);
  }

  private void zoomTo(double zoom) {
    canvas.zoomAt(zoom / canvas.getZoom(), 400, 300);
    scene.snapshot(null);
  }

  /** Frame times of wheel-sized zoom steps back and forth over +10 %, after warm-up. */
  private List<Double> zoomSteps() throws Exception {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < WARM_UP_FRAMES + FRAMES; i++) {
      double factor = (i / 4) % 2 == 0 ? 1.05 : 1 / 1.05;
      double t =
          fx(
              () ->
                  time(
                      () -> {
                        canvas.zoomAt(factor, 400, 300);
                        scene.snapshot(null);
                      }));
      if (i >= WARM_UP_FRAMES) {
        times.add(t);
      }
    }
    return times;
  }

  /**
   * Frame times of a monitor poll's worth of live figures: 20 boxes in view get new records/s and
   * badge texts (a changed backpressure level on some), then a frame.
   */
  private List<Double> liveFigures() throws Exception {
    fx(() -> time(() -> zoomTo(0.5)));
    List<String> inView =
        fx(
            () ->
                model.pipeline().nodes().stream()
                    .map(n -> n.id())
                    .filter(
                        id ->
                            canvas
                                .nodeBoundsOnScreen(id)
                                .map(
                                    b ->
                                        b.intersects(
                                            canvas.localToScreen(canvas.getLayoutBounds())))
                                .orElse(false))
                    .limit(20)
                    .toList());
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < WARM_UP_FRAMES + FRAMES; i++) {
      Map<String, NodeOverlay> figures = new HashMap<>();
      for (int n = 0; n < inView.size(); n++) {
        NodeOverlay.Level level = NodeOverlay.Level.values()[1 + (i / 10 + n) % 3];
        figures.put(
            inView.get(n),
            new NodeOverlay(
                String.format(Locale.ROOT, "%.1fk/s", (i * 7 + n) % 100 / 10.0),
                level,
                n % 4 == 0 ? "lag " + (i % 50) + " · 2 s" : "",
                level,
                n % 3 == 0,
                ""));
      }
      double t =
          fx(
              () ->
                  time(
                      () -> {
                        canvas.setOverlays(figures);
                        scene.snapshot(null);
                      }));
      if (i >= WARM_UP_FRAMES) {
        times.add(t);
      }
    }
    return times;
  }

  /** Frame times of panning right then left, after warm-up. */
  private List<Double> pan() throws Exception {
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < WARM_UP_FRAMES + FRAMES; i++) {
      double dx = (i / 20) % 2 == 0 ? PAN_STEP : -PAN_STEP;
      double t =
          fx(
              () ->
                  time(
                      () -> {
                        canvas.panBy(dx, PAN_STEP / 3);
                        scene.snapshot(null);
                      }));
      if (i >= WARM_UP_FRAMES) {
        times.add(t);
      }
    }
    return times;
  }

  /** Edits a filter condition; returns ms until the SQL view has the text, and until rendered. */
  private double[] edit(String condition) throws Exception {
    CompletableFuture<Long> textSet = new CompletableFuture<>();
    AtomicLong start = new AtomicLong();
    ChangeListener<String> listener =
        (obs, old, now) -> {
          if (now.contains(condition) && sql.getSql().contains(condition)) {
            textSet.complete(System.nanoTime());
          }
        };
    fx(
        () -> {
          model.outputs().sqlProperty().addListener(listener);
          PropertySpec spec = model.nodeType("filter").orElseThrow().properties().get(0);
          start.set(System.nanoTime());
          model.setProperty("filter_" + (CHAINS / 2) + "_4", spec, condition);
          return null;
        });
    long set = textSet.get(30, TimeUnit.SECONDS);
    long drawn =
        fx(
            () -> {
              sql.snapshot(null, null);
              return System.nanoTime();
            });
    fx(
        () -> {
          model.outputs().sqlProperty().removeListener(listener);
          return null;
        });
    return new double[] {ms(set - start.get()), ms(drawn - start.get())};
  }

  private static double time(Runnable r) {
    long t0 = System.nanoTime();
    r.run();
    return ms(System.nanoTime() - t0);
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }

  private static void report(String what, List<Double> times) {
    List<Double> sorted = new ArrayList<>(times);
    Collections.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%s: median %.1f ms, p90 %.1f ms, max %.1f ms (%d samples)%n",
        what,
        sorted.get(sorted.size() / 2),
        sorted.get((int) (sorted.size() * 0.9)),
        sorted.get(sorted.size() - 1),
        sorted.size());
  }

  private static <T> T fx(Callable<T> action) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            result.complete(action.call());
          } catch (Throwable e) {
            result.completeExceptionally(e);
          }
        });
    return result.get(60, TimeUnit.SECONDS);
  }

  private static void waitUntil(Callable<Boolean> condition) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!fx(condition)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("timed out");
      }
      Thread.sleep(10);
    }
  }
}
