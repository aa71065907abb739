package dev.streamwright.app.ui.dialogs;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The platform's own file and folder choosers, filtered to pipeline JSON files or ONNX models. */
public final class NativeFilePicker implements FilePicker {

  private static final FileChooser.ExtensionFilter JSON =
      new FileChooser.ExtensionFilter("Pipeline files (*.json)", "*.json");
  private static final FileChooser.ExtensionFilter ONNX =
      new FileChooser.ExtensionFilter("ONNX models (*.onnx)", "*.onnx");
  private static final FileChooser.ExtensionFilter ALL =
      new FileChooser.ExtensionFilter("All files", "*");

  private File lastFolder;

  @Override
  public Optional<Path> open(Window owner, String title) {
    FileChooser chooser = chooser(title);
    return remember(chooser.showOpenDialog(owner));
  }

  @Override
  public Optional<Path> openModel(Window owner, String title) {
    FileChooser chooser = chooser(title);
    chooser.getExtensionFilters().setAll(ONNX, ALL);
    return remember(chooser.showOpenDialog(owner));
  }

  @Override
  public Optional<Path> save(Window owner, String title, String suggestedName) {
    FileChooser chooser = chooser(title);
    chooser.setInitialFileName(suggestedName);
    return remember(chooser.showSaveDialog(owner));
  }

  @Override
  public Optional<Path> folder(Window owner, String title) {
    DirectoryChooser chooser = new DirectoryChooser();
    chooser.setTitle(title);
    if (lastFolder != null && lastFolder.isDirectory()) {
      chooser.setInitialDirectory(lastFolder);
    }
    return Optional.ofNullable(chooser.showDialog(owner)).map(File::toPath);
  }

  private FileChooser chooser(String title) {
    FileChooser chooser = new FileChooser();
    chooser.setTitle(title);
    chooser.getExtensionFilters().setAll(JSON, ALL);
    if (lastFolder != null && lastFolder.isDirectory()) {
      chooser.setInitialDirectory(lastFolder);
    }
    return chooser;
  }

  private Optional<Path> remember(File chosen) {
    if (chosen == null) {
      return Optional.empty();
    }
    lastFolder = chosen.getParentFile();
    return Optional.of(chosen.toPath());
  }
}
