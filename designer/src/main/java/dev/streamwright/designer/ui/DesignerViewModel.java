package dev.streamwright.designer.ui;

import dev.streamwright.designer.document.Command;
import dev.streamwright.designer.document.CommandRefused;
import dev.streamwright.designer.document.ConnectionRules;
import dev.streamwright.designer.document.DocumentChange;
import dev.streamwright.designer.document.PipelineDocument;
import dev.streamwright.designer.document.Selection;
import dev.streamwright.designer.document.Subscription;
import dev.streamwright.designer.document.clipboard.Clipboard;
import dev.streamwright.designer.document.clipboard.Paste;
import dev.streamwright.designer.document.command.AddNode;
import dev.streamwright.designer.document.command.AutoLayout;
import dev.streamwright.designer.document.command.Connect;
import dev.streamwright.designer.document.command.DeleteSelection;
import dev.streamwright.designer.document.command.MoveNodes;
import dev.streamwright.designer.document.command.RenameNode;
import dev.streamwright.designer.document.command.RenameProperty;
import dev.streamwright.designer.document.command.SetProperty;
import dev.streamwright.designer.document.compile.CompileService;
import dev.streamwright.designer.document.compile.CompiledRevision;
import dev.streamwright.designer.document.models.ModelDetails;
import dev.streamwright.designer.document.models.ModelDetailsReader;
import dev.streamwright.plugin.api.NodeType;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.runtime.compile.Compilation;
import dev.streamwright.runtime.compile.NodeTypeRegistry;
import dev.streamwright.runtime.compile.PipelineCompiler;
import dev.streamwright.runtime.compile.Problem;
import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import dev.streamwright.runtime.model.Position;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state and actions of one open pipeline, for the designer's views to bind to: it owns the
 * {@link PipelineDocument} and its {@link CompileService}, holds the selection, and turns every
 * action into one undoable command. It never touches a scene-graph node, so it is tested without a
 * display; the compiler's results ({@link DesignerOutputs}) and the Edit-menu state ({@link
 * EditState}) are grouped in their own small objects.
 *
 * <p>Confined to the FX thread like the document: compiles run on the injected worker and come back
 * through the publisher ({@link Platform#runLater} in the studio, the calling thread in tests).
 */
public final class DesignerViewModel implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DesignerViewModel.class);

  private final PipelineDocument document;
  private final NodeTypeRegistry registry;
  private final CompileService compiler;
  private final Clipboard clipboard = new Clipboard();
  private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
  private final List<Consumer<String>> revealListeners = new CopyOnWriteArrayList<>();

  private final ReadOnlyObjectWrapper<Pipeline> pipeline;
  private final ObjectProperty<Selection> selection =
      new SimpleObjectProperty<>(this, "selection", Selection.empty());
  private final ReadOnlyObjectWrapper<Node> selectedNode =
      new ReadOnlyObjectWrapper<>(this, "selectedNode");
  private final ObjectProperty<Position> insertionPoint =
      new SimpleObjectProperty<>(this, "insertionPoint", new Position(80, 80));
  private final EditState edit = new EditState();
  private final ObjectProperty<Consumer<ModelDrop>> modelDropHandler =
      new SimpleObjectProperty<>(this, "modelDropHandler");
  private final DesignerOutputs outputs;
  private final java.util.Map<String, String> environment;
  private final Executor worker;
  private final Executor publisher;
  private final ModelDetailsReader models = new ModelDetailsReader();
  private final DriftEdits drift;
  private String copied;

  /**
   * A view model for a new document holding {@code pipeline}; results are published on the FX
   * thread.
   *
   * @param worker runs the compiles (one background thread is plenty: compiles coalesce)
   */
  public DesignerViewModel(Pipeline pipeline, NodeTypeRegistry registry, Executor worker) {
    this(pipeline, registry, worker, java.util.Map.of());
  }

  /**
   * A view model whose compiles see an environment, e.g. {@code models.dir} for model nodes'
   * relative paths.
   */
  public DesignerViewModel(
      Pipeline pipeline,
      NodeTypeRegistry registry,
      Executor worker,
      java.util.Map<String, String> environment) {
    this(new PipelineDocument(pipeline), registry, worker, Platform::runLater, environment);
  }

  /**
   * A view model for an existing document.
   *
   * @param worker runs the compiles
   * @param publisher delivers compile results to this view model; must run them on the thread that
   *     owns the document (the FX thread, or the test's thread with a same-thread executor)
   */
  public DesignerViewModel(
      PipelineDocument document, NodeTypeRegistry registry, Executor worker, Executor publisher) {
    this(document, registry, worker, publisher, java.util.Map.of());
  }

  /** A view model for an existing document, compiling in the given environment. */
  public DesignerViewModel(
      PipelineDocument document,
      NodeTypeRegistry registry,
      Executor worker,
      Executor publisher,
      java.util.Map<String, String> environment) {
    this.document = Objects.requireNonNull(document, "document");
    this.registry = Objects.requireNonNull(registry, "registry");
    PipelineCompiler pipelineCompiler = new PipelineCompiler(registry);
    java.util.Map<String, String> env = java.util.Map.copyOf(environment);
    this.environment = env;
    this.worker = Objects.requireNonNull(worker, "worker");
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.compiler = new CompileService(p -> pipelineCompiler.compile(p, env), worker, publisher);
    this.pipeline = new ReadOnlyObjectWrapper<>(this, "pipeline", document.pipeline());
    this.outputs = new DesignerOutputs(registry, document::pipeline);
    selection.addListener(
        (obs, old, now) -> {
          if (now == null) {
            selection.set(Selection.empty());
          } else {
            updateSelectedNode();
          }
        });
    edit.update(document, -1);
    outputs.pipelineChanged(document.revision());
    subscriptions.add(document.addListener(this::documentChanged));
    subscriptions.add(compiler.addListener(this::compiled));
    subscriptions.add(compiler.follow(document));
    this.drift = new DriftEdits(this, worker, publisher, this::execute);
  }

  // ---- state ----------------------------------------------------------------------------------

  /** The environment compiles see, e.g. {@code models.dir}; empty when none was given. */
  public java.util.Map<String, String> environment() {
    return environment;
  }

  /**
   * Reads what the property sheet shows about the model file a Model score node's {@code model}
   * property names (signature, card, checksum), resolved against the environment's {@code
   * models.dir}. The reading runs on the worker, since it starts ONNX Runtime and hashes the file;
   * {@code done} runs with the result on the thread that owns the document.
   */
  public void readModel(String modelProperty, Consumer<ModelDetails> done) {
    Path file =
        ModelDetailsReader.resolve(modelProperty, environment.get(ModelDetailsReader.MODELS_DIR));
    if (file == null) {
      done.accept(
          ModelDetails.unreadable(
              null,
              modelProperty == null || modelProperty.isBlank()
                  ? "Set the model file to see its inputs and outputs."
                  : "'" + modelProperty + "' is not a valid path."));
      return;
    }
    worker.execute(
        () -> {
          ModelDetails details = models.read(file);
          publisher.execute(() -> done.accept(details));
        });
  }

  /** The document; the app saves it and marks it saved. */
  public PipelineDocument document() {
    return document;
  }

  /** The node types the palette offers and the canvas draws. */
  public NodeTypeRegistry registry() {
    return registry;
  }

  /** The pipeline as it is now; a new value after every change. */
  public ReadOnlyObjectProperty<Pipeline> pipelineProperty() {
    return pipeline.getReadOnlyProperty();
  }

  /** The pipeline as it is now. */
  public Pipeline pipeline() {
    return pipeline.get();
  }

  /** The selected nodes and edges; views set it on clicks, commands keep it valid. */
  public ObjectProperty<Selection> selectionProperty() {
    return selection;
  }

  /** The selection. */
  public Selection selection() {
    return selection.get();
  }

  /** The single selected node the property sheet shows, or null. */
  public ReadOnlyObjectProperty<Node> selectedNodeProperty() {
    return selectedNode.getReadOnlyProperty();
  }

  /**
   * Where nodes added without a drop point go (palette double-click): the canvas keeps it at the
   * middle of what it shows.
   */
  public ObjectProperty<Position> insertionPointProperty() {
    return insertionPoint;
  }

  /** Undo, redo, dirty, revision and the last refusal message, for menus and the status bar. */
  public EditState edit() {
    return edit;
  }

  /** The compiler's latest results: problems, SQL, compiling flag. */
  public DesignerOutputs outputs() {
    return outputs;
  }

  /** The latest compilation, or null before the first one finished. */
  public Compilation lastCompilation() {
    return outputs.lastCompilation();
  }

  /** The pipeline's drift settings and their edits, for the inspector's Drift sections. */
  public DriftEdits drift() {
    return drift;
  }

  /** The node type with this id. */
  public Optional<NodeType> nodeType(String typeId) {
    return registry.find(typeId);
  }

  // ---- actions ----------------------------------------------------------------------------------

  /**
   * Adds a node of the type at a canvas position and selects it; returns its id. The node starts
   * with its required properties' defaults (and for some types a working example, see {@link
   * NodeStarters}), so it is not in error before the user touched it.
   */
  public Optional<String> addNode(String typeId, Position at) {
    Optional<NodeType> type = registry.find(typeId);
    if (type.isEmpty()) {
      edit.tell("There is no node type '" + typeId + "'; install the plugin that provides it");
      return Optional.empty();
    }
    AddNode add = AddNode.of(document.pipeline(), type.get(), at, NodeStarters.of(type.get()));
    if (!execute(add)) {
      return Optional.empty();
    }
    selection.set(Selection.ofNodes(add.nodeId()));
    return Optional.of(add.nodeId());
  }

  /** The id of the node type that scores rows with an ONNX model. */
  public static final String MODEL_SCORE_TYPE = "model-score";

  /**
   * Adds a Model score node scoring with the model file at {@code modelPath} (as the node's {@code
   * model} property takes it) and selects it, as one edit; returns its id.
   */
  public Optional<String> addModelNode(String modelPath, Position at) {
    Optional<NodeType> type = registry.find(MODEL_SCORE_TYPE);
    if (type.isEmpty()) {
      edit.tell("There is no Model score node type; install the plugin that provides it");
      return Optional.empty();
    }
    java.util.Map<String, Object> properties =
        new java.util.LinkedHashMap<>(NodeStarters.of(type.get()));
    properties.put("model", modelPath);
    AddNode add = AddNode.of(document.pipeline(), type.get(), at, properties);
    if (!execute(add)) {
      return Optional.empty();
    }
    selection.set(Selection.ofNodes(add.nodeId()));
    return Optional.of(add.nodeId());
  }

  /**
   * Points a Model score node at another model file as one edit; false (with the reason as {@link
   * EditState#messageProperty()}) when the node is not a Model score node.
   */
  public boolean setModel(String nodeId, String modelPath) {
    Optional<Node> node = document.pipeline().node(nodeId);
    if (node.isEmpty() || !MODEL_SCORE_TYPE.equals(node.get().type())) {
      edit.tell("Only a Model score node takes a model file; '" + nodeId + "' is not one");
      return false;
    }
    Optional<PropertySpec> spec =
        registry.find(MODEL_SCORE_TYPE).stream()
            .flatMap(t -> t.properties().stream())
            .filter(p -> p.name().equals("model"))
            .findFirst();
    return spec.isPresent() && setProperty(nodeId, spec.get(), modelPath);
  }

  /**
   * Who handles {@code .onnx} files dropped on the canvas (the studio registers them); while null,
   * the canvas does not accept such drops.
   */
  public ObjectProperty<Consumer<ModelDrop>> modelDropHandlerProperty() {
    return modelDropHandler;
  }

  /** Shows a one-line message in the status bar, e.g. what a registration did. */
  public void tell(String text) {
    edit.tell(text);
  }

  /** Hands dropped model files to the {@link #modelDropHandlerProperty() handler}, if any. */
  public boolean dropModelFiles(ModelDrop drop) {
    Consumer<ModelDrop> handler = modelDropHandler.get();
    if (handler == null || drop.files().isEmpty()) {
      return false;
    }
    handler.accept(drop);
    return true;
  }

  /**
   * Adds a node at the {@link #insertionPointProperty() insertion point}, moved down and right past
   * nodes already sitting there so repeated additions stay visible.
   */
  public Optional<String> addNodeAtInsertionPoint(String typeId) {
    Position at = insertionPoint.get();
    boolean taken = true;
    for (int tries = 0; taken && tries < 50; tries++) {
      taken = false;
      for (Node n : document.pipeline().nodes()) {
        if (Math.abs(n.position().x() - at.x()) < 1 && Math.abs(n.position().y() - at.y()) < 1) {
          at = new Position(at.x() + Clipboard.PASTE_OFFSET, at.y() + Clipboard.PASTE_OFFSET);
          taken = true;
          break;
        }
      }
    }
    return addNode(typeId, at);
  }

  /** Why the edge may not be drawn, in the user's words; empty when it may. */
  public Optional<String> whyNotConnect(Edge edge) {
    return ConnectionRules.whyNot(document.pipeline(), lastCompilation(), registry, edge)
        .map(DesignerViewModel::sentence);
  }

  /** Draws the edge; false (with the reason as {@link EditState#messageProperty()}) if refused. */
  public boolean connect(Edge edge) {
    return execute(new Connect(edge, registry, lastCompilation()));
  }

  /** Deletes the selected nodes and edges as one edit. */
  public boolean deleteSelection() {
    Selection s = selection.get().retainExisting(document.pipeline());
    if (s.isEmpty()) {
      return false;
    }
    return execute(new DeleteSelection(s));
  }

  /**
   * Copies the selected nodes (and the edges among them) and returns the text for the system
   * clipboard; the copy is also kept here for {@link #paste()}.
   */
  public Optional<String> copySelection() {
    Optional<String> text = clipboard.copy(document.pipeline(), selection.get().nodes());
    text.ifPresentOrElse(
        t -> copied = t, () -> edit.tell("Nothing to copy: select one or more nodes first"));
    return text;
  }

  /** Copies the selection, then deletes it. */
  public Optional<String> cutSelection() {
    Optional<String> text = copySelection();
    text.ifPresent(t -> deleteSelection());
    return text;
  }

  /** Pastes the last copy made in this window. */
  public boolean paste() {
    return paste(copied);
  }

  /** Pastes pipeline JSON (from the system clipboard) and selects the pasted nodes. */
  public boolean paste(String text) {
    Paste paste;
    try {
      paste = clipboard.paste(document.pipeline(), text);
    } catch (CommandRefused e) {
      edit.tell(sentence(e.reason()));
      return false;
    }
    if (!execute(paste)) {
      return false;
    }
    selection.set(Selection.ofNodes(paste.nodeIds()));
    return true;
  }

  /** Moves nodes to new positions as one edit (the end of a drag). */
  public boolean moveNodes(Map<String, Position> positions) {
    return !positions.isEmpty() && execute(new MoveNodes(positions));
  }

  /** Sets (or with null, clears) a property of a node as one edit. */
  public boolean setProperty(String nodeId, PropertySpec spec, Object value) {
    return execute(new SetProperty(nodeId, spec, value));
  }

  /** Moves a node's value from one property key to another (a misspelled one to the right one). */
  public boolean renameProperty(String nodeId, String from, String to) {
    return execute(new RenameProperty(nodeId, from, to));
  }

  /** Changes the label a node shows; blank shows its id again. */
  public boolean renameNode(String nodeId, String label) {
    return execute(new RenameNode(nodeId, label));
  }

  /** Arranges all nodes left to right as one edit. */
  public boolean autoLayout() {
    return execute(new AutoLayout());
  }

  /** Reverts the last edit. */
  public boolean undo() {
    return document.undo();
  }

  /** Repeats the last undone edit. */
  public boolean redo() {
    return document.redo();
  }

  /** Selects every node and edge. */
  public void selectAll() {
    selection.set(Selection.all(document.pipeline()));
  }

  /** Selects nothing. */
  public void clearSelection() {
    selection.set(Selection.empty());
  }

  /** Selects the node and asks the canvas to bring it into view (double-click on a problem). */
  public void reveal(String nodeId) {
    if (nodeId == null || document.pipeline().node(nodeId).isEmpty()) {
      return;
    }
    selection.set(Selection.ofNodes(nodeId));
    revealListeners.forEach(l -> l.accept(nodeId));
  }

  /** Calls {@code listener} with each node {@link #reveal(String) revealed}. */
  public Subscription onReveal(Consumer<String> listener) {
    revealListeners.add(listener);
    return () -> revealListeners.remove(listener);
  }

  /**
   * Shows what a run of the pipeline found that the compiler cannot (Flink's planner refusing a
   * node, the job failing) in Problems and on the nodes' badges, until the next change of the
   * pipeline. Replaces the previous run's problems.
   *
   * @param revision the {@link EditState#revisionProperty() revision} that ran; when the pipeline
   *     has changed since, the problems may no longer hold and are not shown
   * @return whether they are shown
   */
  public boolean setRunProblems(long revision, List<Problem> problems) {
    if (revision != document.revision()) {
      return false;
    }
    outputs.setRunProblems(List.copyOf(problems));
    return true;
  }

  /** Opens another pipeline in this window: history and selection start afresh. */
  public void open(Pipeline next) {
    selection.set(Selection.empty());
    document.replace(next);
  }

  /** Stops following the document; later edits are no longer compiled. */
  @Override
  public void close() {
    subscriptions.forEach(Subscription::close);
    subscriptions.clear();
    revealListeners.clear();
  }

  // ---- internals ------------------------------------------------------------------------------

  private boolean execute(Command command) {
    try {
      boolean changed = document.execute(command);
      edit.tell("");
      return changed;
    } catch (CommandRefused e) {
      LOG.debug("Refused '{}': {}", command.description(), e.reason());
      edit.tell(sentence(e.reason()));
      return false;
    }
  }

  private void documentChanged(DocumentChange change) {
    pipeline.set(change.after());
    Selection kept = selection.get().retainExisting(change.after());
    if (kept != selection.get()) {
      selection.set(kept);
    } else {
      updateSelectedNode();
    }
    edit.update(document, change.revision());
    outputs.pipelineChanged(change.revision());
  }

  private void compiled(CompiledRevision result) {
    outputs.publish(result);
  }

  private void updateSelectedNode() {
    Selection s = selection.get();
    Node node = null;
    if (s.nodes().size() == 1) {
      node = document.pipeline().node(s.nodes().first()).orElse(null);
    }
    if (!Objects.equals(node, selectedNode.get())) {
      selectedNode.set(node);
    }
  }

  /** Core messages start in lower case to read inside sentences; alone, they start upper case. */
  static String sentence(String reason) {
    if (reason == null || reason.isEmpty()) {
      return "";
    }
    return Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
  }
}
