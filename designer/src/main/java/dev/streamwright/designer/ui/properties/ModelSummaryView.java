package dev.streamwright.designer.ui.properties;

import dev.streamwright.designer.document.models.ModelDetails;
import dev.streamwright.designer.document.models.ModelDetails.Verification;
import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.plugin.onnx.OnnxModelSignature.Tensor;
import dev.streamwright.runtime.models.ModelCard;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The read-only part of a Model score node's model section: why the model cannot be read (if so),
 * its signature as a compact table, and its card with the checksum verdict.
 */
final class ModelSummaryView extends VBox {

  /** The style class of the signature table. */
  static final String SIGNATURE = "model-signature";

  /** The style class of the card. */
  static final String CARD = "model-card";

  /** The style class of the card's checksum line; pseudo-class {@code error} when it changed. */
  static final String VERIFICATION = "model-verification";

  private final Label status = ModelInputsEditor.wrapped("");
  private final GridPane signature = new GridPane();
  private final VBox card = new VBox(2);
  private final Label verification = ModelInputsEditor.wrapped("");

  ModelSummaryView() {
    super(6);
    signature.getStyleClass().add(SIGNATURE);
    signature.setHgap(8);
    signature.setVgap(2);
    signature.setAccessibleText("Model signature");
    ColumnConstraints names = new ColumnConstraints();
    names.setMinWidth(Region.USE_PREF_SIZE);
    signature.getColumnConstraints().setAll(new ColumnConstraints(), names);
    card.getStyleClass().add(CARD);
    card.setAccessibleText("Model card");
    verification.getStyleClass().add(VERIFICATION);
    getChildren()
        .addAll(
            status,
            ModelInputsEditor.heading("Signature"),
            signature,
            ModelInputsEditor.heading("Card"),
            card);
    showStatus("", false);
  }

  /** Says the model is being read, before anything about it is known. */
  void reading() {
    showStatus("Reading the model…", false);
  }

  /** Shows what is known about the model. */
  void show(ModelDetails details) {
    showStatus(details.problem() == null ? "" : details.problem(), true);
    showSignature(details);
    showCard(details);
  }

  private void showStatus(String text, boolean problem) {
    status.setText(text);
    status.getStyleClass().remove(DesignerStyles.FIELD_PROBLEM);
    if (problem) {
      status.getStyleClass().add(DesignerStyles.FIELD_PROBLEM);
    }
    status.setVisible(!text.isEmpty());
    status.setManaged(!text.isEmpty());
  }

  private void showSignature(ModelDetails details) {
    signature.getChildren().clear();
    if (details.signature() == null) {
      signature.add(new Label("Unknown until the model file can be read."), 0, 0, 4, 1);
      return;
    }
    String[] headers = {"", "Name", "Type", "Shape"};
    for (int c = 0; c < headers.length; c++) {
      signature.add(ModelInputsEditor.heading(headers[c]), c, 0);
    }
    int row = 1;
    for (Tensor t : details.signature().inputs()) {
      row = tensorRow("Input", t, row);
    }
    for (Tensor t : details.signature().outputs()) {
      row = tensorRow("Output", t, row);
    }
  }

  private int tensorRow(String role, Tensor t, int row) {
    Label name = new Label(t.name());
    name.setAccessibleText(
        role + " " + t.name() + ", " + t.elementType() + ", shape " + t.describeShape());
    signature.addRow(
        row, new Label(role), name, new Label(t.elementType()), new Label(t.describeShape()));
    if (!t.supported()) {
      Label why = ModelInputsEditor.wrapped("Not usable: " + t.unsupportedReason());
      why.getStyleClass().add(DesignerStyles.FIELD_PROBLEM);
      signature.add(why, 1, ++row, 3, 1);
    }
    return row + 1;
  }

  private void showCard(ModelDetails details) {
    card.getChildren().clear();
    ModelCard c = details.card();
    if (c == null) {
      String text =
          details.cardProblem() != null
              ? details.cardProblem()
              : details.signature() == null ? "" : details.verificationText();
      Label none = ModelInputsEditor.wrapped(text.isEmpty() ? "No card." : text);
      if (details.cardProblem() != null) {
        none.getStyleClass().add(DesignerStyles.FIELD_PROBLEM);
      }
      card.getChildren().add(none);
      return;
    }
    Label title = ModelInputsEditor.heading(c.id() + "  ·  version " + c.version());
    card.getChildren().add(title);
    if (!c.description().isEmpty()) {
      card.getChildren().add(ModelInputsEditor.wrapped(c.description()));
    }
    for (ModelCard.Input in : c.inputs()) {
      String range =
          Double.isNaN(in.min()) ? "" : " expects " + number(in.min()) + " to " + number(in.max());
      card.getChildren()
          .add(
              ModelInputsEditor.wrapped(
                  in.name() + range + (in.description().isEmpty() ? "" : ". " + in.description())));
    }
    card.getChildren()
        .add(
            ModelInputsEditor.wrapped(
                "Output "
                    + c.output().name()
                    + (c.output().meaning().isEmpty() ? "" : ": " + c.output().meaning())));
    verification.setText(details.verificationText());
    verification.pseudoClassStateChanged(
        DesignerStyles.ERROR, details.verification() == Verification.CHANGED);
    verification.setAccessibleText("Checksum: " + details.verificationText());
    card.getChildren().add(verification);
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
