package dev.streamwright.app.ui.deploy;

import dev.streamwright.app.environments.SecretField;
import dev.streamwright.app.ui.dialogs.FxDialogService;
import dev.streamwright.app.ui.theme.Theme;
import dev.streamwright.app.ui.theme.Themes;
import java.util.Locale;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;

/**
 * Run > Environments: the workspace's environments on the left ({@code embedded} first, not
 * editable), and on the right either the form of the one being added or edited, with each problem
 * under its field, or what the last Test found, one line per check.
 */
public final class EnvironmentsDialog extends Dialog<Void> {

  /** Ids, for tests. */
  public static final String TABLE = "env-table";

  public static final String CHECKS = "env-checks";
  public static final String STATUS = "env-status";

  private final EnvironmentsViewModel model;
  private final TableView<EnvironmentsViewModel.Row> table = new TableView<>();
  private final StackPane right = new StackPane();
  private final VBox checksPane;

  public EnvironmentsDialog(EnvironmentsViewModel model, Window owner, Theme theme) {
    this.model = model;
    if (owner != null) {
      initOwner(owner);
    }
    setTitle("Environments");
    setHeaderText("Where pipelines deploy: the embedded Flink and your Flink session clusters");
    setResizable(true);

    table.setId(TABLE);
    table.getSelectionModel().setSelectionMode(SelectionMode.SINGLE);
    table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    table.getColumns().setAll(column("Name", EnvironmentsViewModel.Row::name, 120));
    table.getColumns().add(column("Where", EnvironmentsViewModel.Row::where, 260));
    table.setItems(model.rows());
    table.setPlaceholder(new Label("Reading the environments…"));
    VBox.setVgrow(table, Priority.ALWAYS);

    var selected = table.getSelectionModel().selectedItemProperty();
    var notRemote =
        Bindings.createBooleanBinding(
            () -> selected.get() == null || !selected.get().remote(), selected);
    Button add = button("env-add", "Add…", () -> showForm(EnvironmentForm.blank()));
    Button edit =
        button(
            "env-edit", "Edit…", () -> showForm(EnvironmentForm.of(selected.get().environment())));
    edit.disableProperty().bind(notRemote.or(model.busyProperty()));
    Button remove = button("env-remove", "Remove…", () -> remove(selected.get()));
    remove.disableProperty().bind(notRemote.or(model.busyProperty()));
    Button test = button("env-test", "Test", () -> test(selected.get()));
    test.disableProperty().bind(selected.isNull().or(model.busyProperty()));
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(16, 16);
    busy.setMaxSize(16, 16);
    busy.visibleProperty().bind(model.busyProperty());
    HBox buttons = new HBox(6, add, edit, remove, test, busy);
    buttons.setAlignment(Pos.CENTER_LEFT);
    Label status = new Label();
    status.setId(STATUS);
    status.setWrapText(true);
    status.textProperty().bind(model.statusProperty());
    status.getStyleClass().add("text-muted");
    VBox left = new VBox(8, table, buttons, status);

    checksPane = checksPane();
    right.getChildren().setAll(checksPane);
    SplitPane split = new SplitPane(left, right);
    split.setDividerPositions(0.42);
    getDialogPane().setContent(split);
    getDialogPane().setPrefSize(1080, 640);
    getDialogPane().getStyleClass().addAll("wide-dialog", FxDialogService.DIALOG);
    getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
    Themes.style(getDialogPane(), theme);
    model.rows().addListener((ListChangeListener<EnvironmentsViewModel.Row>) c -> keepSelection());
    model.load();
  }

  private void keepSelection() {
    if (table.getSelectionModel().getSelectedItem() == null && !table.getItems().isEmpty()) {
      table.getSelectionModel().selectFirst();
    }
  }

  private VBox checksPane() {
    TableView<EnvironmentsViewModel.CheckLine> checks = new TableView<>(model.checks());
    checks.setId(CHECKS);
    checks.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    TableColumn<EnvironmentsViewModel.CheckLine, String> result = new TableColumn<>("Result");
    result.setCellValueFactory(
        c -> new ReadOnlyObjectWrapper<>(c.getValue().ok() ? "ok" : "failed"));
    result.setCellFactory(
        c ->
            new TableCell<>() {
              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("check-ok", "check-failed");
                if (!empty && item != null) {
                  getStyleClass().add("ok".equals(item) ? "check-ok" : "check-failed");
                }
              }
            });
    result.setPrefWidth(70);
    checks
        .getColumns()
        .setAll(
            listOf(
                result,
                checkColumn("Check", EnvironmentsViewModel.CheckLine::what, 140),
                wrapped()));
    checks.setPlaceholder(
        new Label("Select an environment and press Test to check that a deploy can reach it."));
    VBox.setVgrow(checks, Priority.ALWAYS);
    Label title = new Label("Test");
    title.getStyleClass().add("title-4");
    return new VBox(8, title, checks);
  }

  private static TableColumn<EnvironmentsViewModel.CheckLine, String> wrapped() {
    TableColumn<EnvironmentsViewModel.CheckLine, String> detail = new TableColumn<>("Detail");
    detail.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().detail()));
    detail.setCellFactory(
        c ->
            new TableCell<>() {
              private final Label text = new Label();

              {
                text.setWrapText(true);
                text.maxWidthProperty().bind(detail.widthProperty().subtract(12));
              }

              @Override
              protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty ? null : item);
                setGraphic(empty ? null : text);
              }
            });
    detail.setPrefWidth(400);
    return detail;
  }

  private static TableColumn<EnvironmentsViewModel.CheckLine, String> checkColumn(
      String title, Function<EnvironmentsViewModel.CheckLine, String> value, double width) {
    TableColumn<EnvironmentsViewModel.CheckLine, String> c = new TableColumn<>(title);
    c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(value.apply(x.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  private void test(EnvironmentsViewModel.Row row) {
    right.getChildren().setAll(checksPane);
    model.test(row);
  }

  private void remove(EnvironmentsViewModel.Row row) {
    Alert confirm =
        new Alert(
            Alert.AlertType.CONFIRMATION,
            "Its deployments' records stay for their history; jobs running there keep running.",
            ButtonType.CANCEL,
            ButtonType.OK);
    confirm.initOwner(getDialogPane().getScene().getWindow());
    confirm.setTitle("Remove environment");
    confirm.setHeaderText("Remove the environment '" + row.name() + "'?");
    confirm.getDialogPane().getStyleClass().add(FxDialogService.DIALOG);
    confirm
        .showAndWait()
        .filter(b -> b == ButtonType.OK)
        .ifPresent(
            b -> {
              right.getChildren().setAll(checksPane);
              model.remove(row.name());
            });
  }

  // ---- the form ------------------------------------------------------------------------------

  private void showForm(EnvironmentForm form) {
    GridPane grid = new GridPane();
    grid.setHgap(8);
    grid.setVgap(2);
    int[] at = {0};
    TextField name = field(form.nameProperty(), "env-name", "e.g. prod-eu");
    name.setDisable(form.isExisting());
    row(grid, at, "Name", name, form, EnvironmentForm.Field.NAME);
    row(
        grid,
        at,
        "SQL Gateway URL",
        field(form.gatewayProperty(), "env-gateway", "http://flink-gateway:8083"),
        form,
        EnvironmentForm.Field.GATEWAY);
    row(
        grid,
        at,
        "Flink REST URL",
        field(form.restProperty(), "env-rest", "http://flink-jobmanager:8081"),
        form,
        EnvironmentForm.Field.REST);
    row(
        grid,
        at,
        "Kafka brokers",
        field(form.kafkaProperty(), "env-kafka", "kafka-1:9092,kafka-2:9092"),
        form,
        EnvironmentForm.Field.KAFKA);
    TextArea jars = new TextArea();
    jars.setId("env-jars");
    jars.setAccessibleText("Jars");
    jars.setPromptText("One per line: absolute paths or URIs the gateway reads (ADD JAR)");
    jars.setPrefRowCount(2);
    jars.textProperty().bindBidirectional(form.jarsProperty());
    row(grid, at, "Jars", jars, form, EnvironmentForm.Field.JARS);
    row(
        grid,
        at,
        "Parallelism",
        field(form.parallelismProperty(), "env-parallelism", "0 = the cluster's default"),
        form,
        EnvironmentForm.Field.PARALLELISM);
    row(
        grid,
        at,
        "Savepoint folder",
        field(form.savepointDirProperty(), "env-savepoint-dir", "e.g. s3://bucket/savepoints"),
        form,
        EnvironmentForm.Field.SAVEPOINT_DIR);

    VBox values = new VBox(4);
    Runnable fill =
        () -> {
          values.getChildren().clear();
          for (EnvironmentForm.ValueRow r : form.values()) {
            values.getChildren().add(valueRow(form, r));
          }
        };
    form.values().addListener((ListChangeListener<EnvironmentForm.ValueRow>) c -> fill.run());
    fill.run();
    Button addValue =
        button(
            "env-add-value",
            "Add property, header or option",
            () -> form.values().add(new EnvironmentForm.ValueRow(SecretField.KAFKA_PROPERTY)));
    Label valuesHelp =
        new Label(
            "Secrets (passwords, tokens, JAAS configs) are either ${env:NAME}, read from that"
                + " environment variable at each use, or ticked Secret: stored encrypted, never"
                + " shown again.");
    valuesHelp.setWrapText(true);
    valuesHelp.getStyleClass().add("text-muted");
    VBox valuesBox =
        new VBox(4, values, addValue, valuesHelp, error(form, EnvironmentForm.Field.VALUES));
    row(grid, at, "Kafka properties, headers, client options", valuesBox, null, null);
    grid.add(error(form, EnvironmentForm.Field.OTHER), 1, at[0]++);

    Button save = button("env-save", "Save", () -> save(form));
    save.setDefaultButton(true);
    save.disableProperty().bind(model.busyProperty());
    Button cancel = button("env-cancel", "Cancel", () -> right.getChildren().setAll(checksPane));
    HBox actions = new HBox(6, save, cancel);
    Label title =
        new Label(
            form.isExisting() ? "Edit '" + form.nameProperty().get() + "'" : "New environment");
    title.getStyleClass().add("title-4");
    ScrollPane scroll = new ScrollPane(grid);
    scroll.setFitToWidth(true);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    VBox pane = new VBox(8, title, scroll, actions);
    pane.setPadding(new Insets(0, 0, 0, 8));
    right.getChildren().setAll(pane);
    name.requestFocus();
  }

  private void save(EnvironmentForm form) {
    model
        .save(form)
        .thenAccept(
            saved -> {
              if (saved) {
                right.getChildren().setAll(checksPane);
                table.getItems().stream()
                    .filter(r -> r.name().equals(form.nameProperty().get().strip()))
                    .findFirst()
                    .ifPresent(r -> table.getSelectionModel().select(r));
              }
            });
  }

  private Node valueRow(EnvironmentForm form, EnvironmentForm.ValueRow r) {
    ComboBox<SecretField> kind =
        new ComboBox<>(FXCollections.observableArrayList(SecretField.values()));
    kind.valueProperty().bindBidirectional(r.fieldProperty());
    kind.setConverter(
        new StringConverter<>() {
          @Override
          public String toString(SecretField f) {
            return f == null ? "" : f.label();
          }

          @Override
          public SecretField fromString(String s) {
            return null;
          }
        });
    kind.setAccessibleText("Kind");
    TextField key = new TextField();
    key.setAccessibleText("Key");
    key.setPromptText("name");
    key.textProperty().bindBidirectional(r.keyProperty());
    key.setPrefColumnCount(12);
    TextField plain = new TextField();
    plain.setAccessibleText("Value");
    plain.setPromptText("value or ${env:NAME}");
    PasswordField secret = new PasswordField();
    secret.setAccessibleText("Secret value");
    secret.setPromptText(r.hasStoredSecret() ? "(secret) — type to replace" : "stored encrypted");
    CheckBox isSecret = new CheckBox("Secret");
    isSecret.setAccessibleText("Secret");
    isSecret.selectedProperty().bindBidirectional(r.secretProperty());
    StackPane value = new StackPane(plain, secret);
    plain
        .textProperty()
        .addListener(
            (o, a, b) -> {
              if (!r.secretProperty().get()) {
                r.valueProperty().set(b);
              }
            });
    secret
        .textProperty()
        .addListener(
            (o, a, b) -> {
              if (r.secretProperty().get()) {
                r.valueProperty().set(b);
              }
            });
    // A value typed as plain text is not carried into the secret field, nor back.
    Runnable swap =
        () -> {
          boolean s = r.secretProperty().get();
          plain.setVisible(!s);
          secret.setVisible(s);
          (s ? plain : secret).clear();
          r.valueProperty().set((s ? secret : plain).getText());
        };
    String initial = r.valueProperty().get();
    swap.run();
    // Rows are rebuilt when one is added or removed: each keeps what was typed into it.
    (r.secretProperty().get() ? secret : plain).setText(initial);
    r.secretProperty().addListener((o, a, b) -> swap.run());
    HBox.setHgrow(value, Priority.ALWAYS);
    Button remove = button("", "✕", () -> form.values().remove(r));
    remove.setAccessibleText("Remove value");
    HBox box = new HBox(4, kind, key, value, isSecret, remove);
    box.setAlignment(Pos.CENTER_LEFT);
    box.getStyleClass().add("env-value-row");
    return box;
  }

  private static TextField field(javafx.beans.property.StringProperty p, String id, String prompt) {
    TextField f = new TextField();
    f.setId(id);
    f.setPromptText(prompt);
    f.textProperty().bindBidirectional(p);
    return f;
  }

  private static void row(
      GridPane grid,
      int[] at,
      String label,
      Node editor,
      EnvironmentForm form,
      EnvironmentForm.Field field) {
    Label l = new Label(label);
    l.setWrapText(true);
    l.setMaxWidth(150);
    l.setLabelFor(editor);
    if (editor.getAccessibleText() == null) {
      editor.setAccessibleText(label);
    }
    GridPane.setHgrow(editor, Priority.ALWAYS);
    grid.add(l, 0, at[0]);
    grid.add(editor, 1, at[0]++);
    if (form != null) {
      grid.add(error(form, field), 1, at[0]++);
    }
  }

  /** The problem of one field, in the error colour, taking room only when there is one. */
  private static Label error(EnvironmentForm form, EnvironmentForm.Field field) {
    Label e = new Label();
    e.setId("env-error-" + field.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    e.getStyleClass().add("field-error");
    e.setWrapText(true);
    e.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> form.problems().getOrDefault(field, ""), form.problems()));
    e.visibleProperty().bind(e.textProperty().isNotEmpty());
    e.managedProperty().bind(e.visibleProperty());
    return e;
  }

  private static Button button(String id, String text, Runnable action) {
    Button b = new Button(text);
    if (!id.isEmpty()) {
      b.setId(id);
    }
    b.setOnAction(e -> action.run());
    return b;
  }

  private static TableColumn<EnvironmentsViewModel.Row, String> column(
      String title, Function<EnvironmentsViewModel.Row, String> value, double width) {
    TableColumn<EnvironmentsViewModel.Row, String> c = new TableColumn<>(title);
    c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(value.apply(x.getValue())));
    c.setPrefWidth(width);
    return c;
  }

  private static <T> java.util.List<T> listOf(T a, T b, T c) {
    return java.util.List.of(a, b, c);
  }
}
