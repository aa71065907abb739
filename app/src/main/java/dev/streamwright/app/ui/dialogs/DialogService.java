package dev.streamwright.app.ui.dialogs;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The questions and messages the studio puts to the user, as calls a view model can make without
 * touching a window: the studio shows real dialogs, tests of view models can answer them. Messages
 * are always sentences a user can act on, never stack traces.
 */
public interface DialogService {

  /** One button of a {@link #choose} dialog. */
  record Choice<T>(String label, T value) {}

  /** Shows an error and waits until the user closes it. */
  void showError(String title, String header, String message);

  /** Shows a plain message and waits until the user closes it. */
  void showInformation(String title, String header, String message);

  /**
   * Asks the user to pick one of several answers, one button each; empty when the dialog is closed
   * without an answer.
   */
  <T> Optional<T> choose(String title, String header, String message, List<Choice<T>> choices);

  /** Asks the user to pick one item of a list; empty when cancelled or the list is empty. */
  <T> Optional<T> pick(
      String title, String header, List<T> items, Function<T, String> describe, String okLabel);

  /** Asks for a pipeline file to read. */
  Optional<Path> chooseFileToOpen(String title);

  /** Asks for a model file ({@code .onnx}) to read. */
  default Optional<Path> chooseModelFile(String title) {
    return chooseFileToOpen(title);
  }

  /** Asks where to write a pipeline file, proposing {@code suggestedName}. */
  Optional<Path> chooseFileToSave(String title, String suggestedName);

  /** Asks for a folder. */
  Optional<Path> chooseFolder(String title);
}
