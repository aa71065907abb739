package dev.streamwright.designer.ui;

import dev.streamwright.runtime.model.Position;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code .onnx} files dropped on the canvas: the studio registers them as models, then points the
 * Model score node they were dropped on at the first one, or adds a Model score node for each at
 * the drop point.
 *
 * @param files the dropped model files, in the order the platform gave them
 * @param at where on the canvas they were dropped
 * @param modelNodeId the Model score node under the pointer, if any
 */
public record ModelDrop(List<Path> files, Position at, Optional<String> modelNodeId) {

  public ModelDrop {
    files = List.copyOf(files);
  }

  /** The files of a drag that are model files, by their {@code .onnx} extension. */
  public static List<Path> modelFiles(List<Path> dragged) {
    return dragged.stream()
        .filter(f -> String.valueOf(f.getFileName()).toLowerCase(Locale.ROOT).endsWith(".onnx"))
        .toList();
  }
}
