package dev.streamwright.app.ui;

import dev.streamwright.app.ui.dialogs.FilePicker;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import javafx.stage.Window;

/**
 * The file choosers of a GUI test: native choosers cannot be driven headless, so the test queues
 * the answers the user would give; every other dialog stays real and is clicked.
 */
final class ScriptedFilePicker implements FilePicker {

  private final Deque<Path> answers = new ArrayDeque<>();

  /** The next chooser of any kind answers with this path. */
  void willChoose(Path path) {
    answers.add(path);
  }

  @Override
  public Optional<Path> open(Window owner, String title) {
    return Optional.ofNullable(answers.poll());
  }

  @Override
  public Optional<Path> save(Window owner, String title, String suggestedName) {
    return Optional.ofNullable(answers.poll());
  }

  @Override
  public Optional<Path> folder(Window owner, String title) {
    return Optional.ofNullable(answers.poll());
  }
}
