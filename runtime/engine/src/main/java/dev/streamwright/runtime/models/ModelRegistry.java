package dev.streamwright.runtime.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamwright.plugin.onnx.OnnxModelException;
import dev.streamwright.plugin.onnx.OnnxModelInspector;
import dev.streamwright.plugin.onnx.OnnxModelSignature;
import dev.streamwright.plugin.onnx.OnnxModelSignature.Tensor;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The models a user has registered, on disk: one folder per model id holding the model file and its
 * {@link ModelCard}. The card keeps the file's SHA-256 from registration, so a model file replaced
 * or damaged behind Streamwright's back is refused with the reason instead of scoring silently with
 * other weights. samples/models is such a folder.
 */
public final class ModelRegistry {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path dir;

  private ModelRegistry(Path dir) {
    this.dir = dir.toAbsolutePath().normalize();
  }

  /** The environment key the model node resolves relative model paths against. */
  public static final String ENVIRONMENT_KEY = "models.dir";

  /**
   * The model folder a pipeline file's relative model paths start at: a {@code models} folder
   * beside the pipeline file, else beside its folder (samples/&lt;name&gt;/pipeline.json finds
   * samples/models).
   */
  public static Optional<Path> near(Path pipelineFile) {
    Path folder = pipelineFile.toAbsolutePath().normalize().getParent();
    List<Path> candidates = new ArrayList<>();
    if (folder != null) {
      candidates.add(folder.resolve("models"));
      if (folder.getParent() != null) {
        candidates.add(folder.getParent().resolve("models"));
      }
    }
    for (Path candidate : candidates) {
      if (Files.isDirectory(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** The registry in this folder (it need not exist before the first registration). */
  public static ModelRegistry at(Path dir) {
    return new ModelRegistry(dir);
  }

  public Path directory() {
    return dir;
  }

  /** The registered models' cards, by id. */
  public List<ModelCard> list() {
    List<ModelCard> cards = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return cards;
    }
    try (Stream<Path> folders = Files.list(dir)) {
      for (Path folder : folders.sorted().toList()) {
        Path card = folder.resolve(ModelCard.FILE_NAME);
        if (Files.isRegularFile(card)) {
          cards.add(ModelCard.read(card));
        }
      }
    } catch (IOException e) {
      throw new ModelException("Cannot list the models in " + dir + ": " + e.getMessage(), e);
    }
    return cards;
  }

  /** The card of a registered model. */
  public ModelCard card(String id) {
    Path card = cardFile(id);
    if (!Files.isRegularFile(card)) {
      List<String> known = list().stream().map(ModelCard::id).toList();
      throw new ModelException(
          "There is no model '"
              + id
              + "' in "
              + dir
              + (known.isEmpty() ? "; register one first." : "; registered: " + known + "."));
    }
    return ModelCard.read(card);
  }

  /**
   * The model file of a registered model, after checking it is the file that was registered.
   *
   * @throws ModelException when it is missing or its SHA-256 differs from the card's
   */
  public Path verifiedFile(String id) {
    ModelCard card = card(id);
    Path file = card.modelFile(cardFile(id));
    checkHash(card, file);
    return file;
  }

  /** Hash checks by file, so live checks hash a model again only when it changed on disk. */
  private static final Map<Path, Checked> CHECKED = new ConcurrentHashMap<>();

  private record Checked(long size, long modified, String cardSha, Optional<String> problem) {}

  /**
   * Why a model file may not be scored with although it loads: when a {@code card.json} next to it
   * describes it (same file name), the file's SHA-256 must be the card's. Empty for a file without
   * a card, or one that matches. Cached by size and modification time.
   */
  public static Optional<String> registrationProblem(Path modelFile) {
    Path file = modelFile.toAbsolutePath().normalize();
    Path cardFile = file.resolveSibling(ModelCard.FILE_NAME);
    if (!Files.isRegularFile(cardFile) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    ModelCard card;
    try {
      card = ModelCard.read(cardFile);
    } catch (ModelException e) {
      return Optional.of(e.getMessage());
    }
    if (!card.file().equals(String.valueOf(file.getFileName()))) {
      return Optional.empty();
    }
    long size;
    long modified;
    try {
      size = Files.size(file);
      modified = Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return Optional.empty(); // the model check itself reports an unreadable file
    }
    Checked cached = CHECKED.get(file);
    if (cached != null
        && cached.size() == size
        && cached.modified() == modified
        && cached.cardSha().equals(card.sha256())) {
      return cached.problem();
    }
    Optional<String> problem;
    try {
      checkHash(card, file);
      problem = Optional.empty();
    } catch (ModelException e) {
      problem = Optional.of(e.getMessage());
    }
    CHECKED.put(file, new Checked(size, modified, card.sha256(), problem));
    return problem;
  }

  /** Checks that the file is the one the card was made for. */
  public static void checkHash(ModelCard card, Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ModelException(
          "Model '"
              + card.id()
              + "': its file "
              + file
              + " is missing; restore it or register the model again.");
    }
    String actual = sha256(file);
    if (!actual.equalsIgnoreCase(card.sha256())) {
      throw new ModelException(
          "Model '"
              + card.id()
              + "': "
              + file.getFileName()
              + " changed since it was registered (SHA-256 "
              + actual.substring(0, 12)
              + "…, registered "
              + card.sha256().substring(0, Math.min(12, card.sha256().length()))
              + "…); restore the registered file or register the new one as a new version.");
    }
  }

  /**
   * Registers a model file under an id: copies it into the registry and writes its card with the
   * file's SHA-256. Registering other bytes under a registered id makes a new version that replaces
   * the file; registering the same bytes again returns the registered card unchanged.
   *
   * @param inputs the model's inputs as its signature gives them
   * @param output the model's output
   */
  public ModelCard register(
      Path modelFile, String id, List<ModelCard.Input> inputs, ModelCard.Output output) {
    checkId(id);
    if (!Files.isRegularFile(modelFile)) {
      throw new ModelException("There is no model file " + modelFile + ".");
    }
    int version = 1;
    Optional<ModelCard> registered = find(id);
    if (registered.isPresent()) {
      ModelCard card = registered.get();
      Path current = card.modelFile(cardFile(id));
      if (card.sha256().equalsIgnoreCase(sha256(modelFile)) && sameHash(card, current)) {
        return card;
      }
      version = card.version() + 1;
    }
    String name = id + ".onnx";
    Path folder = dir.resolve(id);
    try {
      Files.createDirectories(folder);
      Path target = folder.resolve(name);
      if (!target.equals(modelFile.toAbsolutePath().normalize())) {
        copyAtomically(modelFile, target);
      }
      ObjectNode card = JSON.createObjectNode();
      card.put("id", id);
      card.put("version", version);
      card.put("file", name);
      card.put("sha256", sha256(target));
      card.put("description", "");
      ArrayNode in = card.putArray("inputs");
      for (ModelCard.Input i : inputs) {
        ObjectNode n = in.addObject();
        n.put("name", i.name());
        n.put("elementType", i.elementType());
        n.put("description", i.description());
      }
      ObjectNode out = card.putObject("output");
      out.put("name", output.name());
      out.put("elementType", output.elementType());
      out.put("meaning", output.meaning());
      Path temp = folder.resolve(ModelCard.FILE_NAME + ".part");
      Files.writeString(
          temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(card) + "\n");
      Files.move(
          temp, cardFile(id), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new ModelException(
          "Cannot register model '" + id + "' in " + folder + ": " + e.getMessage(), e);
    }
    return card(id);
  }

  /**
   * What a model file's card says about its inputs and output, read from the file with ONNX
   * Runtime.
   *
   * @param inputs the model's inputs, in its order
   * @param output the first output a Model score node can score with
   */
  public record Described(List<ModelCard.Input> inputs, ModelCard.Output output) {
    public Described {
      inputs = List.copyOf(inputs);
    }
  }

  /**
   * Reads a model file's signature with ONNX Runtime, refusing a file a Model score node could not
   * score with: not ONNX, truncated, string or sequence inputs, no float or double output.
   *
   * @throws ModelException saying what is wrong with the file and what to do
   */
  public static Described describe(Path modelFile) {
    OnnxModelSignature signature;
    try {
      signature = OnnxModelInspector.inspect(modelFile);
    } catch (OnnxModelException e) {
      throw new ModelException(capitalised(e.getMessage()), e);
    }
    String file = String.valueOf(modelFile.getFileName());
    List<ModelCard.Input> inputs = new ArrayList<>();
    for (Tensor t : signature.inputs()) {
      if (!t.supported()) {
        throw new ModelException(
            file
                + " cannot be scored by a Model score node: its input '"
                + t.name()
                + "' is "
                + t.unsupportedReason()
                + ".");
      }
      inputs.add(new ModelCard.Input(t.name(), cardType(t), Double.NaN, Double.NaN, ""));
    }
    Tensor output =
        signature.outputs().stream()
            .filter(t -> t.supported() && t.oneValuePerRow())
            .findFirst()
            .orElseThrow(
                () ->
                    new ModelException(
                        file
                            + " has no float or double output of shape [N] or [N,1] to score"
                            + " with; export the model with such an output (e.g. the"
                            + " probability of the positive class)."));
    return new Described(inputs, new ModelCard.Output(output.name(), cardType(output), ""));
  }

  /**
   * Registers a model file as the studio and {@code model register} do: {@link #describe reads} its
   * signature first, so a file a Model score node could not score with is refused before anything
   * is written.
   */
  public ModelCard register(Path modelFile, String id) {
    checkId(id);
    Described d = describe(modelFile);
    return register(modelFile, id, d.inputs(), d.output());
  }

  /** An id not registered yet: {@code id}, else {@code id-2}, {@code id-3}, ... */
  public String freeId(String id) {
    String candidate = id;
    for (int i = 2; find(candidate).isPresent() || Files.exists(dir.resolve(candidate)); i++) {
      candidate = id + "-" + i;
    }
    return candidate;
  }

  /**
   * The id a model file is offered under: its file name without {@code .onnx}, lower-case, other
   * characters than letters, digits, '.', '_' and '-' made '-'.
   */
  public static String suggestId(Path modelFile) {
    String name = String.valueOf(modelFile.getFileName()).toLowerCase(Locale.ROOT);
    if (name.endsWith(".onnx")) {
      name = name.substring(0, name.length() - ".onnx".length());
    }
    String id = name.replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+", "");
    if (id.length() > 64) {
      id = id.substring(0, 64);
    }
    return id.isEmpty() ? "model" : id;
  }

  /** The card of the model registered under this id, if there is one. */
  public Optional<ModelCard> find(String id) {
    if (!ID.matcher(id).matches() || !Files.isRegularFile(cardFile(id))) {
      return Optional.empty();
    }
    return Optional.of(ModelCard.read(cardFile(id)));
  }

  /**
   * How a Model score node names a registered model when this registry is its {@value
   * #ENVIRONMENT_KEY}: {@code <id>/<file>}.
   */
  public static String modelPath(ModelCard card) {
    return card.id() + "/" + card.file();
  }

  /**
   * Copies into this registry the models of another one that this one lacks, or holds in an older
   * version: how the studio's workspace gets the sample models. Models registered here under the
   * same id and version stay as they are.
   *
   * @return the ids copied
   */
  public List<String> adopt(ModelRegistry other) {
    List<String> copied = new ArrayList<>();
    for (ModelCard card : other.list()) {
      Optional<ModelCard> here = find(card.id());
      if (here.isPresent() && here.get().version() >= card.version()) {
        continue;
      }
      Path from = other.cardFile(card.id());
      Path folder = dir.resolve(card.id());
      try {
        Files.createDirectories(folder);
        copyAtomically(card.modelFile(from), folder.resolve(card.file()));
        // The card last: a model is listed once its file is complete.
        copyAtomically(from, cardFile(card.id()));
      } catch (IOException e) {
        throw new ModelException(
            "Cannot copy model '" + card.id() + "' into " + dir + ": " + e.getMessage(), e);
      }
      copied.add(card.id());
    }
    return copied;
  }

  private static void copyAtomically(Path from, Path to) throws IOException {
    Path temp = to.resolveSibling(to.getFileName() + ".part");
    Files.copy(from, temp, StandardCopyOption.REPLACE_EXISTING);
    Files.move(temp, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static boolean sameHash(ModelCard card, Path file) {
    return Files.isRegularFile(file) && sha256(file).equalsIgnoreCase(card.sha256());
  }

  private static void checkId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new ModelException(
          "'"
              + id
              + "' is not a model id: use lower-case letters, digits, '.', '_' and '-', e.g."
              + " fraud-scorer");
    }
  }

  /** The element type as cards write it: float32, float64. */
  private static String cardType(Tensor t) {
    return switch (t.elementType()) {
      case "float" -> "float32";
      case "double" -> "float64";
      default -> t.elementType();
    };
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private Path cardFile(String id) {
    return dir.resolve(id.toLowerCase(Locale.ROOT)).resolve(ModelCard.FILE_NAME);
  }

  /** The file's SHA-256 in lower-case hex. */
  public static String sha256(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[64 * 1024];
      int n;
      while ((n = in.read(buffer)) > 0) {
        digest.update(buffer, 0, n);
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (IOException e) {
      throw new ModelException("Cannot read the model file " + file + ": " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JVM has no SHA-256", e);
    }
  }
}
