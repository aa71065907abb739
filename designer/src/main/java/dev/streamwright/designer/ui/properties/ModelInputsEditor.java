package dev.streamwright.designer.ui.properties;

import dev.streamwright.designer.document.models.InputMapping;
import dev.streamwright.designer.document.models.ModelDetails;
import dev.streamwright.designer.document.models.ModelDetails.Slot;
import dev.streamwright.designer.ui.DesignerStyles;
import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.plugin.api.SqlTypes;
import dev.streamwright.runtime.models.ModelCard;
import dev.streamwright.runtime.nodes.ModelScore;
import java.util.ArrayList;
import java.util.List;
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
 * types and shapes) and card ({@link ModelSummaryView}), then one column picker per model input
 * slot, which stores the node's {@code inputs} as one undoable edit. The model is read on the view
 * model's worker whenever the model path changes or a compile finishes; reads coalesce, so at most
 * one is in flight and the last wish wins.
 */
final class ModelInputsEditor extends PropertyEditor {

  /** The style class of the mapping table. */
  static final String MAPPING = "model-mapping";

  /** SQL types the Model score node feeds to float tensors (as the node checks them). */
  private static final Set<String> NUMERIC =
      Set.of("FLOAT", "DOUBLE", "INT", "BIGINT", "SMALLINT", "TINYINT");

  private final ModelSummaryView summary = new ModelSummaryView();
  private final GridPane mapping = new GridPane();
  private final List<ComboBox<Choice>> pickers = new ArrayList<>();
  private final List<Label> flags = new ArrayList<>();
  private List<Slot> slots = List.of();
  private List<Column> columns = List.of();
  private ModelDetails details;
  private Object stored;
  private String modelText;
  private String detailsFor;
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
  }

  @Override
  protected Node control() {
    return new VBox(6, summary, heading("Input mapping"), mapping);
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
    if (details == null || !Objects.equals(wanted, detailsFor)) {
      summary.reading();
    }
    context
        .model()
        .readModel(
            wanted,
            d -> {
              reading = false;
              if (Objects.equals(wanted, modelText)) {
                detailsFor = wanted;
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
    summary.show(next);
    List<Slot> nextSlots = next.slots();
    if (!nextSlots.equals(slots)) {
      slots = nextSlots;
      buildMapping();
    }
  }

  // ---- input mapping --------------------------------------------------------------------------

  /** An upstream column offered for a slot; a null column is the slot's default (same name). */
  private record Choice(String column, String type, boolean known) {

    boolean numeric() {
      return type == null || ModelInputsEditor.numeric(type);
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
    List<String> mapped = InputMapping.columns(slots, stored);
    updating = true;
    try {
      for (int i = 0; i < slots.size(); i++) {
        Slot slot = slots.get(i);
        String column = mapped.get(i);
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

  /** Stores the picks as the inputs property, one undoable edit. */
  private void store() {
    List<String> picked = new ArrayList<>();
    for (ComboBox<Choice> picker : pickers) {
      picked.add(picker.getValue() == null ? null : picker.getValue().column());
    }
    Object value = InputMapping.value(slots, picked, stored);
    if (!Objects.equals(value, stored)) {
      stored = value;
      context.store(spec, value);
    }
    showMapping();
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

  static Label heading(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(DesignerStyles.PROPERTY_LABEL);
    return l;
  }

  static Label wrapped(String text) {
    Label l = new Label(text);
    l.setWrapText(true);
    return l;
  }
}
