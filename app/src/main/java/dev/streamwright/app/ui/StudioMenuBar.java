package dev.streamwright.app.ui;

import dev.streamwright.app.ui.theme.Theme;
import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;

/** The studio's menu bar: File, Edit, View and Run, built from {@link StudioActions}. */
final class StudioMenuBar extends MenuBar {

  /** Id of the Recent files menu, for tests. */
  static final String RECENT = "recent-files";

  StudioMenuBar(MainViewModel model, StudioActions a) {
    Menu recent = new Menu("Recent files");
    recent.setId(RECENT);
    ObservableList<Path> files = model.workspace().files().recentFiles();
    files.addListener((ListChangeListener<Path>) c -> fillRecent(recent, model, files));
    fillRecent(recent, model, files);
    recent.disableProperty().bind(model.workspace().readOnlyProperty());

    Menu file =
        new Menu(
            "_File",
            null,
            a.newPipeline.menuItem(),
            a.open.menuItem(),
            new SeparatorMenuItem(),
            a.importFile.menuItem(),
            a.export.menuItem(),
            recent,
            new SeparatorMenuItem(),
            a.registerModel.menuItem(),
            a.models.menuItem(),
            new SeparatorMenuItem(),
            a.history.menuItem(),
            new SeparatorMenuItem(),
            a.quit.menuItem());
    Menu edit =
        new Menu(
            "_Edit",
            null,
            a.undo.menuItem(),
            a.redo.menuItem(),
            new SeparatorMenuItem(),
            a.cut.menuItem(),
            a.copy.menuItem(),
            a.paste.menuItem(),
            a.delete.menuItem(),
            new SeparatorMenuItem(),
            a.selectAll.menuItem());
    Menu view =
        new Menu(
            "_View",
            null,
            a.fit.menuItem(),
            a.zoomIn.menuItem(),
            a.zoomOut.menuItem(),
            a.autoLayout.menuItem(),
            new SeparatorMenuItem(),
            a.findNodeType.menuItem(),
            new SeparatorMenuItem(),
            themeItem(model, Theme.LIGHT),
            themeItem(model, Theme.DARK),
            a.toggleTheme.menuItem());
    Menu run = new Menu("_Run", null, a.run.menuItem(), a.stop.menuItem());
    getMenus().setAll(file, edit, view, run);
    for (Menu m : getMenus()) {
      m.setId("menu-" + m.getText().replace("_", "").toLowerCase(java.util.Locale.ROOT));
    }
  }

  private final ToggleGroup themes = new ToggleGroup();

  private MenuItem themeItem(MainViewModel model, Theme theme) {
    RadioMenuItem item = new RadioMenuItem(theme.label() + " theme");
    item.setId("theme-" + theme.settingValue());
    item.setToggleGroup(themes);
    item.setSelected(model.themeProperty().get() == theme);
    model.themeProperty().addListener((obs, old, now) -> item.setSelected(now == theme));
    item.setOnAction(e -> model.themeProperty().set(theme));
    return item;
  }

  private static void fillRecent(Menu recent, MainViewModel model, ObservableList<Path> files) {
    recent.getItems().clear();
    if (files.isEmpty()) {
      MenuItem none = new MenuItem("No recent files");
      none.setDisable(true);
      recent.getItems().add(none);
      return;
    }
    for (Path f : files) {
      MenuItem item = new MenuItem(f.getFileName() + "  —  " + f.getParent());
      item.setMnemonicParsing(false);
      item.setOnAction(e -> model.workspace().files().importFile(f));
      recent.getItems().add(item);
    }
  }
}
