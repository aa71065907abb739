package dev.streamwright.designer.ui;

import dev.streamwright.designer.document.command.SetDrift;
import dev.streamwright.designer.document.compile.CompiledRevision;
import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.onnx.tap.TapKind;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.DriftDefaults;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.model.DriftColumn;
import dev.streamwright.runtime.model.DriftSettings;
import dev.streamwright.runtime.model.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The pipeline's drift settings as the inspector edits them: the tap's window, on or off, and per
 * column of a node's output whether it is monitored. Each change is one undoable edit of the
 * document; the columns a node monitors by default (a Model score node's model inputs and scores)
 * are read after each compile on the worker, since reading them may open the model file.
 *
 * <p>Confined to the FX thread like its {@link DesignerViewModel}.
 */
public final class DriftEdits {

  /**
   * One column of a node's output as the inspector shows it.
   *
   * @param column the node and column
   * @param type its SQL type
   * @param monitored whether the pipeline monitors it now
   * @param byDefault whether it is monitored when the settings say nothing about it
   * @param unsupported why the drift tap cannot profile it, or null when it can
   */
  public record Row(
      DriftColumn column, String type, boolean monitored, boolean byDefault, String unsupported) {}

  private final DesignerViewModel model;
  private final NodeTypeRegistry registry;
  private final Map<String, String> environment;
  private final Executor worker;
  private final Executor publisher;
  private final Function<dev.streamwright.designer.document.Command, Boolean> execute;
  private final ReadOnlyObjectWrapper<Map<String, List<String>>> defaults =
      new ReadOnlyObjectWrapper<>(this, "defaults", Map.of());
  private CompiledRevision asked;

  DriftEdits(
      DesignerViewModel model,
      Executor worker,
      Executor publisher,
      Function<dev.streamwright.designer.document.Command, Boolean> execute) {
    this.model = model;
    this.registry = model.registry();
    this.environment = model.environment();
    this.worker = worker;
    this.publisher = publisher;
    this.execute = execute;
    model.outputs().compiledProperty().addListener((obs, old, now) -> readDefaults(now));
    readDefaults(model.outputs().compiledProperty().get());
  }

  /** The pipeline's drift settings now. */
  public DriftSettings settings() {
    return model.pipeline().drift();
  }

  /**
   * The columns each node monitors by default, by node id, as of the last compile whose defaults
   * were read; a new map after each.
   */
  public ReadOnlyObjectProperty<Map<String, List<String>>> defaultsProperty() {
    return defaults.getReadOnlyProperty();
  }

  /**
   * Sets the drift window as one edit; text that is not a duration of 1s or more is refused, with
   * the reason as the {@link EditState#messageProperty() message}.
   */
  public boolean setWindow(String text) {
    return execute.apply(SetDrift.window(text));
  }

  /** Turns drift monitoring of the whole pipeline on or off as one edit. */
  public boolean setEnabled(boolean on) {
    return execute.apply(SetDrift.enabled(on));
  }

  /**
   * Monitors a column of a node's output or stops monitoring it, as one edit: a default column is
   * unmonitored by a removal in the settings, another column monitored by an addition.
   */
  public boolean setMonitored(String nodeId, String column, boolean monitored) {
    DriftColumn c = new DriftColumn(nodeId, column);
    return execute.apply(SetDrift.column(c, monitored, isDefault(c)));
  }

  /** Whether the node type monitors the column when the settings say nothing. */
  public boolean isDefault(DriftColumn column) {
    return defaults.get().getOrDefault(column.node(), List.of()).contains(column.column());
  }

  /** Whether the pipeline monitors the column now (whatever its type). */
  public boolean isMonitored(DriftColumn column) {
    DriftSettings s = settings();
    return s.add().contains(column) || (isDefault(column) && !s.remove().contains(column));
  }

  /**
   * The columns of the node's main output from the last compile, each with whether it is monitored;
   * then any column the settings name that the output does not give (so it can be unticked). Empty
   * until the node's output is known.
   */
  public List<Row> rows(String nodeId) {
    List<Row> rows = new ArrayList<>();
    Compilation c = model.lastCompilation();
    Optional<Node> node = model.pipeline().node(nodeId);
    if (node.isEmpty()) {
      return rows;
    }
    List<String> seen = new ArrayList<>();
    Optional<NodeType> type = registry.find(node.get().type());
    if (c != null && type.isPresent() && !type.get().outputs().isEmpty()) {
      c.schema(nodeId, mainPort(type.get()))
          .ifPresent(
              s -> {
                for (Column col : s.columns()) {
                  seen.add(col.name());
                  DriftColumn dc = new DriftColumn(nodeId, col.name());
                  rows.add(
                      new Row(
                          dc,
                          col.type(),
                          isMonitored(dc),
                          isDefault(dc),
                          TapKind.ofSqlType(col.type()).isPresent()
                              ? null
                              : col.type()
                                  + " cannot be profiled for drift: only numbers, text and"
                                  + " booleans can"));
                }
              });
    }
    for (DriftColumn dc : settings().add()) {
      if (dc.node().equals(nodeId) && !seen.contains(dc.column())) {
        rows.add(new Row(dc, "?", true, false, null));
      }
    }
    return rows;
  }

  private static String mainPort(NodeType type) {
    for (PortSpec p : type.outputs()) {
      if (PortSpec.OUT.equals(p.id())) {
        return p.id();
      }
    }
    return type.outputs().get(0).id();
  }

  private void readDefaults(CompiledRevision revision) {
    if (revision == null) {
      return;
    }
    asked = revision;
    Compilation compilation = revision.compilation();
    worker.execute(
        () -> {
          Map<String, List<String>> read;
          try {
            read = DriftDefaults.of(compilation, registry, environment);
          } catch (RuntimeException e) {
            read = Map.of(); // a node type failing here failed the compile too, and says why
          }
          Map<String, List<String>> result = read;
          publisher.execute(
              () -> {
                if (asked == revision) {
                  defaults.set(result);
                }
              });
        });
  }
}
