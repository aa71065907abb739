package dev.streamwright.app.ui.dialogs;

import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.Window;

/**
 * The operating system's file and folder choosers. Kept apart from {@link FxDialogService} because
 * native choosers cannot be driven headless: GUI tests replace only this and click everything else.
 */
public interface FilePicker {

  /** A pipeline file to read, or empty when cancelled. */
  Optional<Path> open(Window owner, String title);

  /** A model file ({@code .onnx}) to read, or empty when cancelled. */
  default Optional<Path> openModel(Window owner, String title) {
    return open(owner, title);
  }

  /** Where to write a pipeline file, or empty when cancelled. */
  Optional<Path> save(Window owner, String title, String suggestedName);

  /** A folder, or empty when cancelled. */
  Optional<Path> folder(Window owner, String title);
}
