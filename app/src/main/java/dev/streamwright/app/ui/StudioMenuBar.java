package dev.streamwright.app.ui;

import dev.streamwright.app.ui.theme.Theme;
import dev.streamwright.app.workspace.PipelineInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

  /** Id of the Open recent menu, for tests. */
  static final String OPEN_RECENT = "open-recent";

  StudioMenuBar(MainViewModel model, StudioActions a) {
    Menu openRecent = new Menu("Open recent");
    openRecent.setId(OPEN_RECENT);
    MenuItem previous = a.openPrevious.menuItem();
    previous.setMnemonicParsing(false);
    ObservableList<PipelineInfo> pipelines = model.workspace().recentPipelines();
    pipelines.addListener(
        (ListChangeListener<PipelineInfo>) c -> fillOpenRecent(openRecent, previous, model));
    fillOpenRecent(openRecent, previous, model);

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
            openRecent,
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
    Menu run =
        new Menu(
            "_Run",
            null,
            a.run.menuItem(),
            a.stop.menuItem(),
            a.stopWithSavepoint.menuItem(),
            a.resume.menuItem(),
            new SeparatorMenuItem(),
            a.deploy.menuItem(),
            a.environments.menuItem());
    Menu monitor = new Menu("_Monitor", null, a.alerts.menuItem(), a.alertRules.menuItem());
    getMenus().setAll(file, edit, view, run, monitor);
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

  /**
   * The pipelines opened before the open one, most recent first; the first is the Open previous
   * action's item, which carries its shortcut.
   */
  private static void fillOpenRecent(Menu menu, MenuItem previous, MainViewModel model) {
    List<PipelineInfo> pipelines = model.workspace().recentPipelines();
    List<MenuItem> items = new ArrayList<>();
    items.add(previous);
    for (int i = 1; i < pipelines.size(); i++) {
      String id = pipelines.get(i).id();
      MenuItem item = new MenuItem(recentLabel(pipelines, i));
      item.setId("open-recent-" + i);
      item.setMnemonicParsing(false);
      item.setOnAction(e -> model.workspace().open(id));
      items.add(item);
    }
    menu.getItems().setAll(items);
  }

  /** What Open recent calls a pipeline: its name, with its id when another has the same name. */
  static String recentLabel(List<PipelineInfo> pipelines, int index) {
    PipelineInfo p = pipelines.get(index);
    boolean shared = pipelines.stream().filter(o -> o.name().equals(p.name())).count() > 1;
    return shared ? p.name() + "  (" + p.id() + ")" : p.name();
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
