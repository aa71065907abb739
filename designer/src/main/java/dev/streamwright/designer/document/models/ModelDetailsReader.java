package dev.streamwright.designer.document.models;

import dev.streamwright.designer.document.models.ModelDetails.Verification;
import dev.streamwright.plugin.onnx.OnnxModelException;
import dev.streamwright.plugin.onnx.OnnxModelInspector;
import dev.streamwright.plugin.onnx.OnnxModelSignature;
import dev.streamwright.runtime.models.ModelCard;
import dev.streamwright.runtime.models.ModelException;
import dev.streamwright.runtime.models.ModelRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a model file's {@link ModelDetails} off the FX thread. Opening a model starts ONNX Runtime
 * and hashing reads the whole file, so results are cached per file until its size or modification
 * time (or its card's) changes; reading again after an edit then only costs two file stats.
 */
public final class ModelDetailsReader {

  private static final Logger LOG = LoggerFactory.getLogger(ModelDetailsReader.class);

  /** The environment setting relative model paths start at, as the Model score node reads it. */
  public static final String MODELS_DIR = ModelRegistry.ENVIRONMENT_KEY;

  private final Map<Path, Cached> cache = new ConcurrentHashMap<>();

  private record Stamp(long size, long modified) {
    static Stamp of(Path file) {
      try {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new Stamp(a.size(), a.lastModifiedTime().toMillis());
      } catch (IOException e) {
        return new Stamp(-1, -1);
      }
    }
  }

  private record Cached(Stamp model, Stamp card, ModelDetails details) {}

  /**
   * The model file a {@code model} property names: absolute as written, else relative to {@code
   * models.dir} when set, else to the working directory (as the Model score node resolves it).
   *
   * @return the absolute file, or null when the text is blank or not a valid path
   */
  public static Path resolve(String model, String modelsDir) {
    if (model == null || model.isBlank()) {
      return null;
    }
    try {
      Path p = Path.of(model.trim());
      if (!p.isAbsolute() && modelsDir != null && !modelsDir.isBlank()) {
        p = Path.of(modelsDir.trim()).resolve(p);
      }
      return p.toAbsolutePath().normalize();
    } catch (RuntimeException e) { // InvalidPathException
      return null;
    }
  }

  /** Reads (or recalls) the details of the file; never throws. Runs on a worker thread. */
  public ModelDetails read(Path file) {
    Path cardFile = file.resolveSibling(ModelCard.FILE_NAME);
    Stamp model = Stamp.of(file);
    Stamp card = Stamp.of(cardFile);
    Cached cached = cache.get(file);
    if (cached != null && cached.model().equals(model) && cached.card().equals(card)) {
      return cached.details();
    }
    ModelDetails details = readNow(file, cardFile);
    cache.put(file, new Cached(model, card, details));
    return details;
  }

  private static ModelDetails readNow(Path file, Path cardFile) {
    OnnxModelSignature signature = null;
    String problem = null;
    try {
      signature = OnnxModelInspector.inspect(file);
    } catch (OnnxModelException e) {
      problem = e.getMessage();
    } catch (RuntimeException e) {
      LOG.warn("Could not read the model {}", file, e);
      problem = "cannot read " + file + ": " + e.getMessage();
    }
    if (!Files.isRegularFile(file)) {
      return ModelDetails.unreadable(file, problem);
    }
    if (!Files.isRegularFile(cardFile)) {
      return new ModelDetails(
          file,
          signature,
          problem,
          null,
          null,
          Verification.NO_CARD,
          "No card.json lies next to the model, so the file cannot be checked against a"
              + " registered one.");
    }
    ModelCard card;
    try {
      card = ModelCard.read(cardFile);
    } catch (ModelException e) {
      return new ModelDetails(
          file, signature, problem, null, e.getMessage(), Verification.NO_CARD, "");
    }
    if (!card.file().equals(String.valueOf(file.getFileName()))) {
      return new ModelDetails(
          file,
          signature,
          problem,
          null,
          "The card.json next to the model describes "
              + card.file()
              + ", not "
              + file.getFileName()
              + "; its ranges and checksum do not apply to this file.",
          Verification.NO_CARD,
          "");
    }
    // A damaged file is still compared with its card: "changed since registered" says what to do.
    String actual;
    try {
      actual = ModelRegistry.sha256(file);
    } catch (ModelException e) {
      return new ModelDetails(
          file, signature, problem, card, null, Verification.CHANGED, e.getMessage());
    }
    if (actual.equalsIgnoreCase(card.sha256())) {
      return new ModelDetails(
          file,
          signature,
          problem,
          card,
          null,
          Verification.VERIFIED,
          "Verified: the file's SHA-256 is the one registered for version " + card.version() + ".");
    }
    return new ModelDetails(
        file,
        signature,
        problem,
        card,
        null,
        Verification.CHANGED,
        file.getFileName()
            + " changed since it was registered as version "
            + card.version()
            + " (SHA-256 "
            + actual.substring(0, 12)
            + "…, registered "
            + card.sha256().substring(0, Math.min(12, card.sha256().length()))
            + "…). Restore the registered file, or register the new file as a new version so"
            + " its card, ranges and drift profile describe it.");
  }
}
