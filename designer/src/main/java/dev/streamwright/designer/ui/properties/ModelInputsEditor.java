package dev.streamwright.designer.ui.properties;

import dev.streamwright.designer.document.models.ModelDetails;
import dev.streamwright.designer.document.models.ModelDetails.Slot;
import dev.streamwright.designer.document.models.ModelDetails.Verification;
import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.plugin.api.SqlTypes;
import dev.streamwright.plugin.onnx.OnnxModelSignature.Tensor;
import dev.streamwright.runtime.models.ModelCard;
import dev.streamwright.runtime.nodes.ModelScore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The model section of a Model score node: the model's signature (inputs and outputs with element
 * types and shapes), its card (ranges, meanings, whether the file is the registered one) and one
 * column picker per model input slot, which stores the node's {@code inputs} as one undoable edit.
 * The model is read on the view model's worker whenever the model path changes or a compile
 * finishes; reads coalesce, so at most one is in flight and the last wish wins.
 */
final class ModelInputsEditor extends PropertyEditor {

  /** The style class of the signature table. */
  static final String SIGNATURE = "model-signature";

  /** The style class of the card. */
  static final String CARD = "model-card";

  /** The style class of the mapping table. */
  static final String MAPPING = "model-mapping";

  /** The style class of the card's checksum line; pseudo-class {@code error} when it changed. */
  static final String VERIFICATION = "model-verification";

  /** SQL types the Model score node feeds to float tensors (as the node checks them). */
  private static final Set<String> NUMERIC =
      Set.of("FLOAT", "DOUBLE", "INT", "BIGINT", "SMALLINT", "TINYINT");

  private final Label status = new Label();
  private final GridPane signature = new GridPane();
  private final VBox card = new VBox(2);
  private final Label verification = new Label();
  private final GridPane mapping = new GridPane();
  private final List<ComboBox<Choice>> pickers = new ArrayList<>();
  private final List<Label> flags = new ArrayList<>();
  private List<Slot> slots = List.of();
  private List<Column> columns = List.of();
  private ModelDetails details;
  private Object stored;
  private String modelText;
  private boolean reading;
  private boolean readAgain;
  private boolean updating;
  private boolean shown;

  /** Whether this editor edits the property: a Model score node's inputs. */
  static boolean edits(String typeId, PropertySpec spec) {
    return ModelScore.ID.equals(typeId) && "inputs".equals(spec.name());
  }

  ModelInputsEditor(PropertySpec spec, EditorContext context) {
    super(spec, context);
    status.setWrapText(true);
    signature.getStyleClass().add(SIGNATURE);
    signature.setHgap(8);
    signature.setVgap(2);
    signature.setAccessibleText("Model signature");
    card.getStyleClass().add(CARD);
    verification.getStyleClass().add(VERIFICATION);
    verification.setWrapText(true);
    mapping.getStyleClass().addAll(DesignerStyles.TABLE_EDITOR, MAPPING);
    mapping.setHgap(6);
    mapping.setVgap(4);
    mapping.setAccessibleText("Input mapping");
    // Input names stay whole; the pickers take the rest of the width.
    ColumnConstraints names = new ColumnConstraints();
    names.setMinWidth(Region.USE_PREF_SIZE);
    ColumnConstraints pickerColumn = new ColumnConstraints();
    pickerColumn.setHgrow(Priority.ALWAYS);
    pickerColumn.setFillWidth(true);
    mapping.getColumnConstraints().setAll(names, pickerColumn);
    signature.getColumnConstraints().setAll(new ColumnConstraints(), names);
  }

  @Override
  protected Node control() {
    return new VBox(
        6,
        status,
        heading("Signature"),
        signature,
        heading("Card"),
        card,
        heading("Input mapping"),
        mapping);
  }

  @Override
  void show(Object value) {
    shown = true;
    stored = value;
    Object model = context.property("model");
    String text = model == null ? null : String.valueOf(model);
    if (!Objects.equals(text, modelText) || details == null) {
      modelText = text;
      read();
    }
    showMapping();
  }

  @Override
  void showColumns(List<String> names) {
    List<Column> next = context.model().outputs().inputSchemaColumns(context.nodeId());
    if (!next.equals(columns)) {
      columns = next;
      buildMapping();
    }
    // A compile ran: the file may have changed on disk. Cached reads only stat it.
    if (shown) {
      read();
    }
  }

  // ---- reading the model ----------------------------------------------------------------------

  private void read() {
    if (reading) {
      readAgain = true;
      return;
    }
    reading = true;
    String wanted = modelText;
    if (details == null) {
      setStatus("Reading the model…", false);
    }
    context
        .model()
        .readModel(
            wanted,
            d -> {
              reading = false;
              if (Objects.equals(wanted, modelText)) {
                apply(d);
              }
              if (readAgain) {
                readAgain = false;
                read();
              }
            });
  }

  private void apply(ModelDetails next) {
    if (next.equals(details)) {
      return;
    }
    details = next;
    setStatus(next.problem() == null ? "" : next.problem(), true);
    showSignature();
    showCard();
    List<Slot> nextSlots = next.slots();
    if (!nextSlots.equals(slots)) {
      slots = nextSlots;
      buildMapping();
    }
  }

  private void setStatus(String text, boolean problem) {
    status.setText(text);
    status.getStyleClass().remove(DesignerStyles.FIELD_PROBLEM);
    if (problem) {
      status.getStyleClass().add(DesignerStyles.FIELD_PROBLEM);
    }
    status.setVisible(!text.isEmpty());
    status.setManaged(!text.isEmpty());
  }

  // ---- signature and card ---------------------------------------------------------------------

  private void showSignature() {
    signature.getChildren().clear();
    if (details.signature() == null) {
      signature.add(new Label("Unknown until the model file can be read."), 0, 0, 4, 1);
      return;
    }
    String[] headers = {"", "Name", "Type", "Shape"};
    for (int c = 0; c < headers.length; c++) {
      Label h = new Label(headers[c]);
      h.getStyleClass().add(DesignerStyles.PROPERTY_LABEL);
      signature.add(h, c, 0);
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
      Label why = new Label("Not usable: " + t.unsupportedReason());
      why.getStyleClass().add(DesignerStyles.FIELD_PROBLEM);
      why.setWrapText(true);
      signature.add(why, 1, ++row, 3, 1);
    }
    return row + 1;
  }

  private void showCard() {
    card.getChildren().clear();
    ModelCard c = details.card();
    if (c == null) {
      String text =
          details.cardProblem() != null
              ? details.cardProblem()
              : details.signature() == null ? "" : details.verificationText();
      Label none = wrapped(text.isEmpty() ? "No card." : text);
      if (details.cardProblem() != null) {
        none.getStyleClass().add(DesignerStyles.FIELD_PROBLEM);
      }
      card.getChildren().add(none);
      return;
    }
    Label title = new Label(c.id() + "  ·  version " + c.version());
    title.getStyleClass().add(DesignerStyles.PROPERTY_LABEL);
    card.getChildren().add(title);
    if (!c.description().isEmpty()) {
      card.getChildren().add(wrapped(c.description()));
    }
    for (ModelCard.Input in : c.inputs()) {
      String range =
          Double.isNaN(in.min()) ? "" : " expects " + number(in.min()) + " to " + number(in.max());
      card.getChildren()
          .add(
              wrapped(
                  in.name() + range + (in.description().isEmpty() ? "" : ". " + in.description())));
    }
    card.getChildren()
        .add(
            wrapped(
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

  // ---- input mapping --------------------------------------------------------------------------

  /** An upstream column offered for a slot; a null column is the slot's default (same name). */
  private record Choice(String column, String type, boolean known) {

    boolean numeric() {
      return type == null || SqlTypes.isUnknown(type) || NUMERIC.contains(SqlTypes.base(type));
    }
  }

  private void buildMapping() {
    updating = true;
    try {
      mapping.getChildren().clear();
      pickers.clear();
      flags.clear();
      if (slots.isEmpty()) {
        mapping.add(
            wrapped(
                details == null || details.signature() == null
                    ? "Pick a readable model file to map its inputs."
                    : "The model has no input this node can feed."),
            0,
            0,
            3,
            1);
        return;
      }
      Label inputHeader = new Label("Model input");
      inputHeader.getStyleClass().add(DesignerStyles.PROPERTY_LABEL);
      Label columnHeader = new Label("Column");
      columnHeader.getStyleClass().add(DesignerStyles.PROPERTY_LABEL);
      mapping.addRow(0, inputHeader, columnHeader);
      for (int i = 0; i < slots.size(); i++) {
        Slot slot = slots.get(i);
        Label name = new Label(slot.label());
        ComboBox<Choice> picker = picker(slot);
        name.setLabelFor(picker);
        Label flag = new Label();
        flag.getStyleClass().add(DesignerStyles.FIELD_PROBLEM);
        flag.setWrapText(true);
        flag.setVisible(false);
        flag.setManaged(false);
        mapping.addRow(2 * i + 1, name, picker);
        mapping.add(flag, 1, 2 * i + 2);
        pickers.add(picker);
        flags.add(flag);
      }
    } finally {
      updating = false;
    }
    showMapping();
  }

  private ComboBox<Choice> picker(Slot slot) {
    ComboBox<Choice> picker = new ComboBox<>();
    picker.getStyleClass().add(DesignerStyles.COLUMN_PICKER);
    picker.setMaxWidth(Double.MAX_VALUE);
    picker.setAccessibleText("Column for model input " + slot.label());
    ModelCard.Input fromCard = details == null ? null : details.cardInput(slot.input());
    picker.setTooltip(
        new Tooltip(
            "The input column that feeds model input "
                + slot.label()
                + (fromCard == null || fromCard.description().isEmpty()
                    ? ""
                    : "\n" + fromCard.description())
                + "\nNumeric columns are listed first."));
    picker.setPromptText(slot.matrix() ? "Pick a column" : "");
    List<Choice> items = new ArrayList<>();
    if (!slot.matrix()) {
      items.add(new Choice(null, null, true));
    }
    columns.stream().filter(c -> numeric(c.type())).forEach(c -> items.add(choice(c)));
    columns.stream().filter(c -> !numeric(c.type())).forEach(c -> items.add(choice(c)));
    picker.getItems().setAll(items);
    picker.setCellFactory(list -> new ChoiceCell(slot, false));
    picker.setButtonCell(new ChoiceCell(slot, true));
    picker.setOnAction(
        e -> {
          if (!updating) {
            store();
          }
        });
    return picker;
  }

  private static Choice choice(Column c) {
    return new Choice(c.name(), c.type(), true);
  }

  private static boolean numeric(String type) {
    return SqlTypes.isUnknown(type) || NUMERIC.contains(SqlTypes.base(type));
  }

  /** Shows the stored mapping in the pickers, without storing anything. */
  private void showMapping() {
    if (pickers.size() != slots.size()) {
      return;
    }
    Map<String, List<String>> mapped = mapped(stored);
    updating = true;
    try {
      for (int i = 0; i < slots.size(); i++) {
        Slot slot = slots.get(i);
        List<String> listed = mapped.getOrDefault(slot.input(), List.of());
        String column = slot.index() < listed.size() ? listed.get(slot.index()) : null;
        if (column != null && column.isEmpty()) {
          column = null;
        }
        ComboBox<Choice> picker = pickers.get(i);
        Choice value = find(picker, column);
        if (value == null && column != null) {
          value = new Choice(column, null, false);
          picker.getItems().add(value);
        }
        picker.setValue(value);
        flag(i, slot, value);
      }
    } finally {
      updating = false;
    }
  }

  private static Choice find(ComboBox<Choice> picker, String column) {
    for (Choice c : picker.getItems()) {
      if (Objects.equals(c.column(), column)) {
        return c;
      }
    }
    return null;
  }

  /** Flags a row whose column cannot feed the model: missing, or not a number. */
  private void flag(int i, Slot slot, Choice value) {
    String text = "";
    String column = value == null || value.column() == null ? null : value.column();
    if (column == null && slot.matrix()) {
      text = "Pick the column for value " + (slot.index() + 1) + " of " + slot.input() + ".";
    } else {
      String name = column == null ? slot.input() : column;
      Column c = columns.stream().filter(col -> col.name().equals(name)).findFirst().orElse(null);
      if (c == null && !columns.isEmpty()) {
        text =
            column == null
                ? "The input has no column " + name + "; pick the column that feeds it."
                : name + " is not a column of the input; pick another.";
      } else if (c != null && !numeric(c.type())) {
        text =
            name
                + " is "
                + c.type()
                + ", not a number; model input "
                + slot.input()
                + " is a float tensor. Pick a numeric column or compute one upstream.";
      }
    }
    Label flag = flags.get(i);
    flag.setText(text);
    flag.setVisible(!text.isEmpty());
    flag.setManaged(!text.isEmpty());
    pickers.get(i).pseudoClassStateChanged(DesignerStyles.ERROR, !text.isEmpty());
  }

  /**
   * The picked columns as the inputs property: one record per mapped slot, in the model's order.
   */
  private void store() {
    List<Map<String, Object>> out = new ArrayList<>();
    Set<String> inputs = new LinkedHashSet<>();
    slots.forEach(s -> inputs.add(s.input()));
    for (String input : inputs) {
      List<String> picked = new ArrayList<>();
      boolean matrix = false;
      for (int i = 0; i < slots.size(); i++) {
        if (slots.get(i).input().equals(input)) {
          Choice c = pickers.get(i).getValue();
          picked.add(c == null ? null : c.column());
          matrix |= slots.get(i).matrix();
        }
      }
      if (picked.stream().allMatch(Objects::isNull)) {
        continue;
      }
      // An [N,k] input is listed k times in order, so an unpicked value keeps its place.
      for (String column : matrix ? picked : picked.subList(0, 1)) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("input", input);
        if (column != null) {
          record.put("column", column);
        }
        out.add(record);
      }
    }
    // Entries for inputs the model does not have stay, so the node keeps reporting them.
    if (stored instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && !inputs.contains(String.valueOf(m.get("input")))) {
          Map<String, Object> copy = new LinkedHashMap<>();
          m.forEach((k, v) -> copy.put(String.valueOf(k), v));
          out.add(copy);
        }
      }
    }
    Object value = out.isEmpty() ? null : out;
    if (!Objects.equals(value, stored)) {
      stored = value;
      context.store(spec, value);
    }
    showMapping();
  }

  /** The columns the stored value lists per model input, in order. */
  private static Map<String, List<String>> mapped(Object value) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (value instanceof List<?> list) {
      for (Object o : list) {
        if (o instanceof Map<?, ?> m && m.get("input") != null) {
          Object column = m.get("column");
          out.computeIfAbsent(String.valueOf(m.get("input")).trim(), k -> new ArrayList<>())
              .add(column == null ? "" : String.valueOf(column).trim());
        }
      }
    }
    return out;
  }

  /** A choice in the list and on the button: the column with its type, or the default. */
  private static final class ChoiceCell extends ListCell<Choice> {
    private final Slot slot;
    private final boolean button;

    /** The button is narrow and sits beside the input's name, so its default is terse. */
    ChoiceCell(Slot slot, boolean button) {
      this.slot = slot;
      this.button = button;
    }

    @Override
    protected void updateItem(Choice item, boolean empty) {
      super.updateItem(item, empty);
      if (empty || item == null) {
        setText(slot.matrix() ? "Pick a column" : null);
      } else if (item.column() == null) {
        setText(button ? "Same name" : "Same name (" + slot.input() + ")");
      } else if (!item.known()) {
        setText(item.column() + " (not in the input)");
      } else {
        setText(item.column() + "  ·  " + item.type() + (item.numeric() ? "" : "  (not numeric)"));
      }
      setAccessibleText(getText());
    }
  }

  private static Label heading(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(DesignerStyles.PROPERTY_LABEL);
    return l;
  }

  private static Label wrapped(String text) {
    Label l = new Label(text);
    l.setWrapText(true);
    return l;
  }
}
