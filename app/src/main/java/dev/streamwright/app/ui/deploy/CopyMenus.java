package dev.streamwright.app.ui.deploy;

import dev.streamwright.app.deploy.DeploymentView;
import dev.streamwright.app.ui.deploy.DeploymentsViewModel.HistoryLine;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * The Deployments tab's context menus, which copy what its cells show shortened: job and deployment
 * ids and savepoint paths in full.
 */
final class CopyMenus {

  private CopyMenus() {}

  static TableRow<DeploymentView> deploymentRow() {
    TableRow<DeploymentView> row = new TableRow<>();
    MenuItem job = copy("copy-job-id", "Copy job id", () -> row.getItem().jobId());
    MenuItem deployment =
        copy("copy-deployment-id", "Copy deployment id", () -> row.getItem().id());
    MenuItem savepoint =
        copy(
            "copy-savepoint-path",
            "Copy savepoint path",
            () -> row.getItem().latestSavepoint().map(sp -> sp.path()).orElse(""));
    ContextMenu menu = new ContextMenu(job, deployment, savepoint);
    menu.setOnShowing(
        e -> {
          DeploymentView v = row.getItem();
          job.setDisable(v == null || v.jobId().isEmpty());
          deployment.setDisable(v == null);
          savepoint.setDisable(v == null || v.latestSavepoint().isEmpty());
        });
    row.contextMenuProperty()
        .bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null).otherwise(menu));
    return row;
  }

  static TableRow<HistoryLine> historyRow() {
    TableRow<HistoryLine> row = new TableRow<>();
    MenuItem job = copy("copy-job-id", "Copy job id", () -> row.getItem().jobId());
    MenuItem savepoint =
        copy("copy-savepoint-path", "Copy savepoint path", () -> row.getItem().savepoint());
    ContextMenu menu = new ContextMenu(job, savepoint);
    menu.setOnShowing(
        e -> {
          HistoryLine h = row.getItem();
          job.setDisable(h == null || h.jobId().isEmpty());
          savepoint.setDisable(h == null || h.savepoint().isEmpty());
        });
    row.contextMenuProperty()
        .bind(Bindings.when(row.emptyProperty()).then((ContextMenu) null).otherwise(menu));
    return row;
  }

  static MenuItem copy(String id, String text, Supplier<String> value) {
    MenuItem item = new MenuItem(text, new FontIcon(MaterialDesignC.CONTENT_COPY));
    item.setId(id);
    item.setOnAction(e -> copyToClipboard(value.get()));
    return item;
  }

  private static void copyToClipboard(String text) {
    ClipboardContent content = new ClipboardContent();
    content.putString(text);
    Clipboard.getSystemClipboard().setContent(content);
  }
}
