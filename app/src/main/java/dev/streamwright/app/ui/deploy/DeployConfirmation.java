package dev.streamwright.app.ui.deploy;

import dev.streamwright.runtime.model.Pipeline;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Deploy's confirmation: which pipeline, which version, which environment, and optionally the
 * savepoint or retained checkpoint to start from.
 */
public final class DeployConfirmation {

  /** Id of the from-savepoint field, for tests. */
  public static final String FROM_SAVEPOINT = "deploy-from-savepoint";

  private DeployConfirmation() {}

  /**
   * Asks on the FX thread.
   *
   * @param version the pipeline's latest saved version, 0 when it has none
   * @param unsaved whether the designer holds edits not saved yet (they are deployed as they are)
   * @return the request, or empty when the user cancelled
   */
  public static Optional<DeployViewModel.Request> ask(
      Window owner, Pipeline pipeline, long version, boolean unsaved, String environment) {
    TextField from = new TextField();
    from.setId(FROM_SAVEPOINT);
    from.setAccessibleText("Start from savepoint");
    from.setPromptText("optional: a savepoint or retained checkpoint path to start from");
    Label fromLabel = new Label("Start from savepoint");
    fromLabel.setLabelFor(from);
    String v =
        version <= 0
            ? "not saved yet"
            : "version " + version + (unsaved ? " plus the unsaved edits shown" : "");
    boolean go =
        Confirm.ask(
            owner,
            "Deploy",
            "Deploy '" + pipeline.name() + "' to " + environment + "?",
            "Pipeline: "
                + pipeline.name()
                + " ("
                + pipeline.id()
                + ")\nVersion: "
                + v
                + "\nEnvironment: "
                + environment
                + "\n\nStreamwright submits the job and waits until it runs; the Deployments tab"
                + " then shows it.",
            new VBox(4, fromLabel, from),
            "Deploy");
    return go
        ? Optional.of(
            new DeployViewModel.Request(
                pipeline, unsaved ? 0 : version, environment, from.getText()))
        : Optional.empty();
  }
}
