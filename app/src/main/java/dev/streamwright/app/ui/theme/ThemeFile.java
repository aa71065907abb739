package dev.streamwright.app.ui.theme;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A copy of the theme setting in a tiny file beside the workspace's store, readable in a moment
 * before the workspace has opened, so the window shows in its theme from the first frame instead of
 * switching once the settings load. The workspace setting stays the one that counts; this file only
 * saves the flicker and may be missing or stale.
 */
public final class ThemeFile {

  private static final Logger LOG = LoggerFactory.getLogger(ThemeFile.class);

  /** The file's name in the workspace folder, hidden like the {@code .lock} next to it. */
  public static final String NAME = ".theme";

  /** More than any theme name: a bigger file is not ours and is not read. */
  private static final long MAX_SIZE = 64;

  private ThemeFile() {}

  /** The theme remembered in the workspace folder; empty when there is none to read. */
  public static Optional<Theme> read(Path workspace) {
    Path file = workspace.resolve(NAME);
    try {
      if (!Files.isRegularFile(file) || Files.size(file) > MAX_SIZE) {
        return Optional.empty();
      }
      return Optional.of(Theme.fromSetting(Files.readString(file, StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException e) {
      LOG.debug("Could not read the theme from {}", file, e);
      return Optional.empty();
    }
  }

  /** Remembers the theme in the workspace folder; a failure only costs the next start a flicker. */
  public static void write(Path workspace, Theme theme) {
    Path file = workspace.resolve(NAME);
    try {
      Path tmp = workspace.resolve(NAME + ".tmp");
      Files.writeString(tmp, theme.settingValue(), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      LOG.debug("Could not remember the theme in {}", file, e);
    }
  }
}
