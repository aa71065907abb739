package dev.streamwright.app.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Writes what a scene shows to a PNG file, as {@code scene.snapshot()} renders it. */
final class Snapshots {

  private Snapshots() {}

  /** Renders the scene on the FX thread and writes it to {@code file}. */
  static Path write(Scene scene, Path file) throws Exception {
    WaitForAsyncUtils.waitForFxEvents();
    WritableImage image = WaitForAsyncUtils.asyncFx(() -> scene.snapshot(null)).get();
    Files.createDirectories(file.toAbsolutePath().getParent());
    if (!ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile())) {
      throw new IOException("no PNG writer for " + file);
    }
    return file;
  }
}
