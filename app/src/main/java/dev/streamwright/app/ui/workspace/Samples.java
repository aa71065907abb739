package dev.streamwright.app.ui.workspace;

import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.codec.PipelineFileException;
import dev.streamwright.runtime.model.Pipeline;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sample pipelines a new workspace starts with: {@code samples/<name>/pipeline.json} next to
 * the installation. The folder is the one given (launcher option or system property), else the
 * first {@code samples} folder found above the app's jar or the working folder.
 */
public final class Samples {

  /** The system property naming the samples folder; the launcher script sets it. */
  public static final String PROPERTY = "streamwright.samples";

  /** The sample every first start opens. */
  public static final String QUICKSTART = "quickstart";

  private static final Logger LOG = LoggerFactory.getLogger(Samples.class);

  /** How far up from the jar or working folder to look: app/target/x.jar is three levels deep. */
  private static final int SEARCH_DEPTH = 4;

  private Samples() {}

  /** The samples folder: {@code explicit}, else the system property, else found near the app. */
  public static Optional<Path> locate(Path explicit) {
    if (explicit != null) {
      return Optional.of(explicit);
    }
    String property = System.getProperty(PROPERTY);
    if (property != null && !property.isBlank()) {
      return Optional.of(Path.of(property));
    }
    List<Path> starts = new ArrayList<>();
    codeLocation().ifPresent(starts::add);
    starts.add(Path.of("").toAbsolutePath());
    for (Path start : starts) {
      Path p = start;
      for (int i = 0; i < SEARCH_DEPTH && p != null; i++, p = p.getParent()) {
        Path candidate = p.resolve("samples");
        if (Files.isRegularFile(candidate.resolve(QUICKSTART).resolve("pipeline.json"))) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<Path> codeLocation() {
    try {
      return Optional.of(
          Path.of(Samples.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * Reads every {@code <folder>/<name>/pipeline.json}, in name order. A sample that cannot be read
   * is logged and left out: a broken sample must not keep the studio from starting.
   */
  public static List<Pipeline> read(Path folder) {
    if (!Files.isDirectory(folder)) {
      LOG.warn("The samples folder {} does not exist; the workspace starts empty", folder);
      return List.of();
    }
    PipelineCodec codec = new PipelineCodec();
    List<Pipeline> out = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(folder)) {
      for (Path dir : dirs.sorted().toList()) {
        Path file = dir.resolve("pipeline.json");
        if (Files.isRegularFile(file)) {
          try {
            out.add(codec.read(file));
          } catch (PipelineFileException e) {
            LOG.warn("Sample {} left out: {}", file, e.getMessage());
          }
        }
      }
    } catch (IOException e) {
      LOG.warn("Cannot list the samples folder {}", folder, e);
    }
    return out;
  }
}
