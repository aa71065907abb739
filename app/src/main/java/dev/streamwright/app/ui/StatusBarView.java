package dev.streamwright.app.ui;

import dev.streamwright.app.workspace.Workspace;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The status bar: the runtime's state ({@code embedded Flink: running job 3f2a91c0}), the last
 * refused edit, a read-only marker, and whether the workspace has saved the pipeline.
 */
final class StatusBarView extends HBox {

  /** Ids of the labels, for tests. */
  static final String RUNTIME = "status-runtime";

  static final String KAFKA = "status-kafka";
  static final String GENERATOR = "status-generator";
  static final String MESSAGE = "status-message";
  static final String READ_ONLY = "status-read-only";
  static final String SAVED = "status-saved";
  static final String WORKSPACE = "status-workspace";
  static final String DEPLOY = "status-deploy";

  StatusBarView(MainViewModel model) {
    getStyleClass().add("status-bar");
    setAlignment(Pos.CENTER_LEFT);
    setSpacing(8);

    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(14, 14);
    busy.setMaxSize(14, 14);
    busy.visibleProperty().bind(model.run().busyProperty());
    busy.managedProperty().bind(busy.visibleProperty());

    Label runtime = label(RUNTIME);
    runtime.textProperty().bind(model.run().statusProperty());
    runtime.setTooltip(new Tooltip("Where pipelines run, and what it is doing"));

    Label kafka = label(KAFKA);
    kafka.textProperty().bind(model.run().kafkaProperty());
    kafka.setTooltip(new Tooltip("The sandbox's Kafka broker: point your own tools at it"));
    kafka.visibleProperty().bind(model.run().kafkaProperty().isNotEmpty());
    kafka.managedProperty().bind(kafka.visibleProperty());

    Label generator = label(GENERATOR);
    generator.textProperty().bind(model.run().generator().statusProperty());
    generator.visibleProperty().bind(model.run().generator().statusProperty().isNotEmpty());
    generator.managedProperty().bind(generator.visibleProperty());

    Label deploy = label(DEPLOY);
    deploy.textProperty().bind(model.deploy().deploy().statusProperty());
    deploy.setMinWidth(0);
    deploy.setMaxWidth(520);
    deploy.setTooltip(new Tooltip());
    deploy.getTooltip().textProperty().bind(deploy.textProperty());
    deploy.visibleProperty().bind(deploy.textProperty().isNotEmpty());
    deploy.managedProperty().bind(deploy.visibleProperty());

    Label message = label(MESSAGE);
    message.textProperty().bind(model.designer().edit().messageProperty());
    message.getStyleClass().add("status-message");
    message.setMinWidth(0);
    message.setMaxWidth(Double.MAX_VALUE);
    HBox.setHgrow(message, Priority.ALWAYS);

    Label readOnly = label(READ_ONLY);
    readOnly.setText("Read-only");
    readOnly.getStyleClass().add("read-only-marker");
    readOnly.setTooltip(
        new Tooltip(
            "Another Streamwright holds this workspace: changes are not saved. Export the"
                + " pipeline to keep them."));
    readOnly.visibleProperty().bind(model.workspace().readOnlyProperty());
    readOnly.managedProperty().bind(readOnly.visibleProperty());

    Label saved = label(SAVED);
    saved.textProperty().bind(model.saveStatusProperty());

    Label folder = label(WORKSPACE);
    folder.getStyleClass().add("status-workspace");
    folder.setMinWidth(0);
    folder
        .textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> {
                  Workspace w = model.workspace().workspaceProperty().get();
                  return w == null ? "Opening the workspace…" : "Workspace " + shown(w.directory());
                },
                model.workspace().workspaceProperty()));

    getChildren()
        .addAll(
            busy,
            runtime,
            kafka,
            generator,
            deploy,
            separator(),
            message,
            readOnly,
            separator(),
            saved,
            separator(),
            folder);
  }

  /** Adds the alerts' bell at the end of the bar. */
  void addAlerts(javafx.scene.Node bell) {
    getChildren().addAll(separator(), bell);
  }

  /** The folder with the home folder written as ~, as a shell would show it. */
  static String shown(java.nio.file.Path folder) {
    java.nio.file.Path home = java.nio.file.Path.of(System.getProperty("user.home", "/"));
    return folder.startsWith(home) && !folder.equals(home)
        ? "~/" + home.relativize(folder).toString().replace('\\', '/')
        : folder.toString();
  }

  private static Label label(String id) {
    Label label = new Label();
    label.setId(id);
    label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    return label;
  }

  private static Separator separator() {
    return new Separator(Orientation.VERTICAL);
  }
}
