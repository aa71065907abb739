package dev.streamwright.app.deploy;

import dev.streamwright.runtime.codec.PipelineCodec;
import dev.streamwright.runtime.codec.PipelineFileException;
import dev.streamwright.runtime.model.Pipeline;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A pipeline to deploy, with the exact JSON the deployment records keep (so a rollback redeploys
 * the very same bytes) and the environment it compiles in.
 *
 * @param pipeline the pipeline
 * @param json its exact JSON: a file's own text, or the codec's rendering of an in-memory pipeline
 * @param workspaceVersion its version in the workspace, or 0 when it comes from a file
 * @param compileEnvironment the compiler's environment, e.g. the model folder and {@code ${data}}
 */
public record PipelineSource(
    Pipeline pipeline, String json, long workspaceVersion, Map<String, String> compileEnvironment) {

  public PipelineSource {
    Objects.requireNonNull(pipeline, "pipeline");
    Objects.requireNonNull(json, "json");
    compileEnvironment =
        Map.copyOf(new TreeMap<>(compileEnvironment == null ? Map.of() : compileEnvironment));
  }

  /** An in-memory pipeline (the studio's open one), rendered by the codec. */
  public static PipelineSource of(
      Pipeline pipeline, long workspaceVersion, Map<String, String> compileEnvironment) {
    return new PipelineSource(
        pipeline, new PipelineCodec().write(pipeline), workspaceVersion, compileEnvironment);
  }

  /**
   * A pipeline file, kept byte for byte.
   *
   * @throws DeployException of kind {@link DeployException.Kind#INVALID_PIPELINE} when the file
   *     cannot be read or is not a pipeline
   */
  public static PipelineSource read(Path file, Map<String, String> compileEnvironment)
      throws DeployException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new DeployException(
          DeployException.Kind.INVALID_PIPELINE,
          "Cannot read the pipeline file " + file + " (" + e.getMessage() + ").",
          e);
    }
    try {
      return new PipelineSource(new PipelineCodec().parse(text), text, 0, compileEnvironment);
    } catch (PipelineFileException e) {
      throw new DeployException(
          DeployException.Kind.INVALID_PIPELINE, file + ": " + e.getMessage(), e);
    }
  }

  /** A pipeline JSON the deployment records kept. */
  static PipelineSource recorded(String json, Map<String, String> compileEnvironment)
      throws DeployException {
    try {
      return new PipelineSource(new PipelineCodec().parse(json), json, 0, compileEnvironment);
    } catch (PipelineFileException e) {
      throw new DeployException(
          DeployException.Kind.FAILED,
          "The recorded pipeline can no longer be read (" + e.getMessage() + ").",
          e);
    }
  }
}
