package dev.streamwright.app.ui.models;

import dev.streamwright.app.ui.dialogs.DialogService;
import dev.streamwright.app.ui.dialogs.DialogService.Choice;
import dev.streamwright.app.ui.tasks.TaskExecutor;
import dev.streamwright.designer.ui.DesignerViewModel;
import dev.streamwright.designer.ui.ModelDrop;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Position;
import dev.streamwright.runtime.models.ModelCard;
import dev.streamwright.runtime.models.ModelException;
import dev.streamwright.runtime.models.ModelRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workspace's model registry as the studio uses it: the sample models copied in when the
 * workspace opens, and {@code .onnx} files registered from File &gt; Register model… or dropped on
 * the canvas. A registered model is then scored by a Model score node: the one it was dropped on
 * (or the selected one, from the menu), else a new one. A file the node could not score with is
 * refused with the reason and changes nothing. Confined to the FX thread; file work runs on the
 * task executor.
 */
public final class ModelsViewModel {

  private static final Logger LOG = LoggerFactory.getLogger(ModelsViewModel.class);

  /** The title of the studio's registration dialogs. */
  static final String TITLE = "Register model";

  /** How far apart the nodes of several dropped models are placed. */
  private static final long SPREAD = 40;

  private final TaskExecutor tasks;
  private final DialogService dialogs;
  private final DesignerViewModel designer;
  private final ModelRegistry registry;

  /**
   * @param registry the workspace's registry; the designer's {@code models.dir} must be its folder,
   *     so the nodes' relative model paths name its models
   */
  public ModelsViewModel(
      TaskExecutor tasks,
      DialogService dialogs,
      DesignerViewModel designer,
      ModelRegistry registry) {
    this.tasks = Objects.requireNonNull(tasks, "tasks");
    this.dialogs = Objects.requireNonNull(dialogs, "dialogs");
    this.designer = Objects.requireNonNull(designer, "designer");
    this.registry = Objects.requireNonNull(registry, "registry");
    designer.modelDropHandlerProperty().set(this::drop);
  }

  /** The workspace's models. */
  public ModelRegistry registry() {
    return registry;
  }

  /**
   * Copies the models of {@code samples} (the samples' models folder) that the workspace lacks or
   * holds in an older version, so the sample pipelines' model nodes find them. Never fails: a
   * folder that cannot be written is logged and the models stay where they are.
   *
   * @return the ids copied
   */
  public CompletableFuture<List<String>> adoptSamples(Optional<Path> samples) {
    if (samples.isEmpty() || !Files.isDirectory(samples.get())) {
      return CompletableFuture.completedFuture(List.of());
    }
    ModelRegistry from = ModelRegistry.at(samples.get());
    return tasks
        .supply("copy the sample models", () -> registry.adopt(from))
        .exceptionally(
            e -> {
              LOG.warn(
                  "The sample models could not be copied into {}: {}",
                  registry.directory(),
                  unwrap(e).getMessage());
              return List.of();
            });
  }

  /**
   * Asks for an {@code .onnx} file and registers it; the selected Model score node then scores with
   * it, else a new Model score node does.
   */
  public void registerFromFile() {
    Optional<Path> file = dialogs.chooseModelFile("Register a model (.onnx)");
    if (file.isEmpty()) {
      return;
    }
    register(List.of(file.get()), designer.insertionPointProperty().get(), selectedModelNode());
  }

  /** A registered model as the model list shows it, with the outcome of its hash check. */
  record Listed(ModelCard card, Optional<String> problem) {

    String describe() {
      return card.id()
          + "  v"
          + card.version()
          + "  —  "
          + card.inputs().size()
          + (card.inputs().size() == 1 ? " input" : " inputs")
          + " → "
          + card.output().name()
          + (problem.isPresent() ? "  (file changed since registered)" : "")
          + (card.description().isBlank() ? "" : "  —  " + card.description());
    }
  }

  /**
   * Lists the workspace's models (File &gt; Models…); the one picked is scored with by the selected
   * Model score node, else by a new one. A model whose file changed since it was registered is
   * listed as such and refused when picked.
   *
   * @return completes on the FX thread once the user picked or cancelled
   */
  public CompletableFuture<Void> chooseRegistered() {
    Optional<String> target = selectedModelNode();
    Position at = designer.insertionPointProperty().get();
    return tasks
        .supply(
            "list the workspace's models",
            () ->
                registry.list().stream()
                    .map(
                        c ->
                            new Listed(
                                c,
                                ModelRegistry.registrationProblem(
                                    c.modelFile(
                                        registry
                                            .directory()
                                            .resolve(c.id())
                                            .resolve(ModelCard.FILE_NAME)))))
                    .toList())
        .handleAsync(
            (listed, error) -> {
              if (error != null) {
                refused("the workspace's models", error);
                return null;
              }
              if (listed.isEmpty()) {
                dialogs.showInformation(
                    "Models",
                    "No models are registered yet",
                    "Register an .onnx file with File > Register model…, or drop it on the"
                        + " canvas.");
                return null;
              }
              dialogs
                  .pick(
                      "Models",
                      "The workspace's models (" + registry.directory() + ")",
                      listed,
                      Listed::describe,
                      "Score with it")
                  .ifPresent(
                      chosen -> {
                        if (chosen.problem().isPresent()) {
                          dialogs.showError(
                              "Models",
                              chosen.card().id() + " cannot be scored with",
                              chosen.problem().get());
                        } else {
                          use(chosen.card(), at, target);
                        }
                      });
              return null;
            },
            tasks.ui());
  }

  private Path modelFile(ModelCard card) {
    return card.modelFile(registry.directory().resolve(card.id()).resolve(ModelCard.FILE_NAME));
  }

  private Optional<String> selectedModelNode() {
    Node selected = designer.selectedNodeProperty().get();
    return Optional.ofNullable(selected)
        .filter(n -> DesignerViewModel.MODEL_SCORE_TYPE.equals(n.type()))
        .map(Node::id);
  }

  /** Registers model files dropped on the canvas. */
  public void drop(ModelDrop drop) {
    register(drop.files(), drop.at(), drop.modelNodeId());
  }

  /**
   * Registers the files one after the other. The first one goes to {@code modelNode} when given;
   * every other one gets a new Model score node, from {@code at} down and to the right.
   *
   * @return completes on the FX thread when all are done (refusals were shown)
   */
  public CompletableFuture<Void> register(
      List<Path> files, Position at, Optional<String> modelNode) {
    CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
    for (int i = 0; i < files.size(); i++) {
      Path file = files.get(i);
      Position place = new Position(at.x() + i * SPREAD, at.y() + i * SPREAD);
      Optional<String> target = i == 0 ? modelNode : Optional.empty();
      chain = chain.thenCompose(v -> registerOne(file, place, target));
    }
    return chain;
  }

  /** What registering one file found out before anything is written. */
  private record Plan(
      Path file,
      ModelRegistry.Described described,
      String id,
      Optional<ModelCard> registered,
      boolean sameBytes) {}

  private CompletableFuture<Void> registerOne(Path file, Position at, Optional<String> modelNode) {
    String name = String.valueOf(file.getFileName());
    return tasks
        .supply(
            "read the model " + name,
            () -> {
              ModelRegistry.Described described = ModelRegistry.describe(file);
              String id = ModelRegistry.suggestId(file);
              Optional<ModelCard> registered = registry.find(id);
              boolean same =
                  registered.isPresent()
                      && registered.get().sha256().equalsIgnoreCase(ModelRegistry.sha256(file));
              return new Plan(file, described, id, registered, same);
            })
        .thenComposeAsync(plan -> chooseId(plan), tasks.ui())
        .thenCompose(
            plan ->
                plan.isEmpty()
                    ? CompletableFuture.completedFuture(Optional.<ModelCard>empty())
                    : tasks.supply(
                        "register the model " + name,
                        () ->
                            Optional.of(
                                registry.register(
                                    file,
                                    plan.get().id(),
                                    plan.get().described().inputs(),
                                    plan.get().described().output()))))
        .handleAsync(
            (card, error) -> {
              if (error != null) {
                refused(name, error);
              } else {
                card.ifPresent(c -> use(c, at, modelNode));
              }
              return null;
            },
            tasks.ui());
  }

  /**
   * The id to register under: the suggested one, unless other bytes are registered under it; then
   * the user chooses a new version of that model or a new id (or cancels: empty).
   */
  private CompletableFuture<Optional<Plan>> chooseId(Plan plan) {
    Optional<ModelCard> registered = plan.registered();
    if (registered.isEmpty() || plan.sameBytes()) {
      return CompletableFuture.completedFuture(Optional.of(plan));
    }
    return tasks
        .supply("find a free model id", () -> registry.freeId(plan.id()))
        .thenApplyAsync(
            free -> {
              ModelCard card = registered.get();
              Optional<String> id =
                  dialogs.choose(
                      TITLE,
                      "A model '" + card.id() + "' is already registered",
                      "Version "
                          + card.version()
                          + " of '"
                          + card.id()
                          + "' is another file. Register "
                          + plan.file().getFileName()
                          + " as version "
                          + (card.version() + 1)
                          + " (every pipeline scoring with '"
                          + card.id()
                          + "' then uses it), or as a new model '"
                          + free
                          + "'?",
                      List.of(
                          new Choice<>("New model '" + free + "'", free),
                          new Choice<>("Version " + (card.version() + 1), card.id()),
                          new Choice<>("Cancel", (String) null)));
              return id.map(
                  chosen ->
                      new Plan(plan.file(), plan.described(), chosen, Optional.empty(), false));
            },
            tasks.ui());
  }

  /** Points the node at the registered model, or adds a node for it. */
  private void use(ModelCard card, Position at, Optional<String> modelNode) {
    String path = ModelRegistry.modelPath(card);
    boolean done =
        modelNode.isPresent()
            ? designer.setModel(modelNode.get(), path)
            : designer.addModelNode(path, at).isPresent();
    if (done) {
      designer.tell(
          "Scoring with model '"
              + card.id()
              + "' version "
              + card.version()
              + ": "
              + card.inputs().size()
              + (card.inputs().size() == 1 ? " input" : " inputs")
              + " → "
              + card.output().name());
    }
  }

  private void refused(String name, Throwable error) {
    Throwable e = unwrap(error);
    if (e instanceof ModelException) {
      LOG.info("The model {} was not registered: {}", name, e.getMessage());
      dialogs.showError(TITLE, name + " was not registered", e.getMessage());
    } else {
      LOG.error("Registering the model {} failed", name, e);
      dialogs.showError(
          TITLE,
          name + " was not registered",
          "Registering it failed ("
              + e.getClass().getSimpleName()
              + (e.getMessage() == null ? "" : ": " + e.getMessage())
              + "). The log has the details.");
    }
  }

  private static Throwable unwrap(Throwable error) {
    Throwable e = error;
    while (e instanceof CompletionException && e.getCause() != null) {
      e = e.getCause();
    }
    return e;
  }
}
