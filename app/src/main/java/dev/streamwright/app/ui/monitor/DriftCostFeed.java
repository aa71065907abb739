package dev.streamwright.app.ui.monitor;

import dev.streamwright.app.workspace.Workspace;
import dev.streamwright.app.workspace.WorkspacePrices;
import dev.streamwright.app.workspace.WorkspaceReferences;
import dev.streamwright.monitor.Monitor;
import dev.streamwright.monitor.cost.DeploymentCost;
import dev.streamwright.monitor.cost.PriceProfile;
import dev.streamwright.monitor.drift.live.DriftReport;
import dev.streamwright.monitor.drift.live.LiveReference;
import dev.streamwright.monitor.ui.CostView;
import dev.streamwright.monitor.ui.DriftPanel;
import dev.streamwright.monitor.ui.MonitorView;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.models.ModelCard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds the Monitor view's Drift and Cost tabs and the canvas with what the watched deployment's
 * {@link Monitor} reports: each drift report becomes the Drift panel's last-window and sliding
 * views and the canvas' drift badges ({@link DriftViews}); each cost becomes the Cost panel's view
 * (its price profile read from the workspace, the pipeline's tags for the showback) and the canvas'
 * node costs. Runs on the monitor's thread; the panels and {@link LiveDriftCost} coalesce what
 * reaches the FX thread. It also freezes a column's last hour as its reference in the workspace,
 * off the FX thread.
 */
final class DriftCostFeed {

  private static final Logger LOG = LoggerFactory.getLogger(DriftCostFeed.class);

  /** The type of a Model score node, whose references are kept per model version. */
  static final String MODEL_SCORE = "model-score";

  /** The deployment shown and the view showing it; set on the FX thread. */
  record Shown(String deploymentId, MonitorView view) {}

  private final MonitorViewModel model;
  private final Supplier<Shown> shown;
  private final LiveDriftCost canvas;
  private final Map<String, Optional<PriceProfile>> profiles = new ConcurrentHashMap<>();
  private volatile Monitor monitor;

  DriftCostFeed(MonitorViewModel model, Supplier<Shown> shown, LiveDriftCost canvas) {
    this.model = Objects.requireNonNull(model, "model");
    this.shown = Objects.requireNonNull(shown, "shown");
    this.canvas = Objects.requireNonNull(canvas, "canvas");
  }

  /** Listens to a monitor before it starts polling; on the FX thread. */
  void start(Monitor m) {
    monitor = m;
    profiles.clear();
    m.onDrift(this::drift);
    m.onCost(c -> cost(m, c));
  }

  private void drift(DriftReport report) {
    Shown s = shown.get();
    if (s == null || !s.deploymentId().equals(report.deploymentId())) {
      return; // a monitor still stopping
    }
    DriftViews v = DriftViews.of(report);
    s.view().drift().show(v.window(), v.sliding());
    canvas.offerDrift(report.deploymentId(), v.byNode());
  }

  private void cost(Monitor m, DeploymentCost c) {
    Shown s = shown.get();
    if (s == null || !s.deploymentId().equals(c.deploymentId())) {
      return;
    }
    List<String> tags = m.target().pipeline().tags();
    Instant at = c.to().orElseGet(Instant::now);
    CostView view =
        profile(c.prices())
            .map(p -> CostView.of(at, c, tags, p))
            .orElseGet(
                () -> new CostView(at, List.of(c), Map.of(c.deploymentId(), tags), Map.of()));
    s.view().cost().show(view);
    canvas.offerCost(c);
  }

  /** The price profile of that name, read from the workspace once per monitor. */
  private Optional<PriceProfile> profile(String name) {
    return profiles.computeIfAbsent(
        name,
        n -> {
          Workspace w = model.workspaceNow();
          try {
            return w == null ? Optional.empty() : WorkspacePrices.of(w).profile(n);
          } catch (RuntimeException e) {
            LOG.warn("Price profile {} could not be read", n, e);
            return Optional.empty();
          }
        });
  }

  /**
   * Freezes the last hour of a column of the watched deployment as its reference, keeps it in the
   * workspace (for the model version of a Model score node, else for the node) and compares with it
   * from the next window on; the panel says what happened in words. On the FX thread.
   */
  void useLastHour(String nodeId, String column, DriftPanel panel) {
    Monitor m = monitor;
    if (m == null || m.stopped()) {
      panel.message("Nothing is watched now: run the pipeline or watch a deployment first.", true);
      return;
    }
    model
        .tasks()
        .supply(
            "use the last hour of " + nodeId + "/" + column + " as reference",
            () -> freeze(m, nodeId, column))
        .whenCompleteAsync(
            (text, error) -> {
              if (error == null) {
                panel.message(text, false);
              } else {
                Throwable cause =
                    error instanceof CompletionException && error.getCause() != null
                        ? error.getCause()
                        : error;
                if (!(cause instanceof IllegalArgumentException
                    || cause instanceof IllegalStateException)) {
                  LOG.warn("Freezing {}/{} failed", nodeId, column, cause);
                }
                panel.message(
                    "The last hour of " + column + " was not kept: " + cause.getMessage(), true);
              }
            },
            model.tasks().ui());
  }

  private String freeze(Monitor m, String nodeId, String column) {
    Workspace w = model.workspaceNow();
    if (w == null) {
      throw new IllegalStateException("no workspace is open to keep it in.");
    }
    LiveReference reference = m.drift().freezeLastHour(nodeId, column);
    Pipeline pipeline = m.target().pipeline();
    WorkspaceReferences references = WorkspaceReferences.of(w);
    Optional<ModelCard> card = card(pipeline, nodeId, w);
    String scope;
    if (card.isPresent()) {
      references.setForModel(card.get().id(), card.get().version(), column, reference);
      scope = "model " + card.get().id() + " v" + card.get().version();
    } else {
      references.setForNode(pipeline.id(), nodeId, column, reference);
      scope = "node " + nodeId + " of " + pipeline.name();
    }
    m.drift().references(model.driftReferences(m.target()));
    return "Column "
        + column
        + " of "
        + scope
        + " is now compared with "
        + reference.source()
        + ", kept in the workspace; the next window shows it.";
  }

  /** The model card of a Model score node, when the node is one and its card can be read. */
  static Optional<ModelCard> card(Pipeline pipeline, String nodeId, Workspace w) {
    Optional<Node> node = pipeline.nodes().stream().filter(n -> n.id().equals(nodeId)).findFirst();
    if (node.isEmpty() || !MODEL_SCORE.equals(node.get().type())) {
      return Optional.empty();
    }
    Object model = node.get().properties().get("model");
    if (model == null || model.toString().isBlank()) {
      return Optional.empty();
    }
    Path file = Path.of(model.toString().trim());
    if (!file.isAbsolute()) {
      file = w.directory().resolve("models").resolve(file);
    }
    Path cardFile = file.toAbsolutePath().normalize().resolveSibling(ModelCard.FILE_NAME);
    if (!Files.isRegularFile(cardFile)) {
      return Optional.empty();
    }
    try {
      return Optional.of(ModelCard.read(cardFile));
    } catch (RuntimeException e) {
      LOG.warn("The card of node {} could not be read: {}", nodeId, e.getMessage());
      return Optional.empty();
    }
  }
}
