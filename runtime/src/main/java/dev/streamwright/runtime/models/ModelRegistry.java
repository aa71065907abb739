package dev.streamwright.runtime.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
  public static java.util.Optional<Path> near(Path pipelineFile) {
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
        return java.util.Optional.of(candidate);
      }
    }
    return java.util.Optional.empty();
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
   * file's SHA-256. Registering an id again makes a new version.
   *
   * @param inputs the model's inputs as its signature gives them
   * @param output the model's output
   */
  public ModelCard register(
      Path modelFile, String id, List<ModelCard.Input> inputs, ModelCard.Output output) {
    if (!ID.matcher(id).matches()) {
      throw new ModelException(
          "'"
              + id
              + "' is not a model id: use lower-case letters, digits, '.', '_' and '-', e.g."
              + " fraud-scorer");
    }
    if (!Files.isRegularFile(modelFile)) {
      throw new ModelException("There is no model file " + modelFile + ".");
    }
    int version = 1;
    if (Files.isRegularFile(cardFile(id))) {
      version = card(id).version() + 1;
    }
    String name = id + ".onnx";
    Path folder = dir.resolve(id);
    try {
      Files.createDirectories(folder);
      Path target = folder.resolve(name);
      if (!target.equals(modelFile.toAbsolutePath().normalize())) {
        Files.copy(modelFile, target, StandardCopyOption.REPLACE_EXISTING);
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
      Files.writeString(
          cardFile(id), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(card) + "\n");
    } catch (IOException e) {
      throw new ModelException(
          "Cannot register model '" + id + "' in " + folder + ": " + e.getMessage(), e);
    }
    return card(id);
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
