package dev.streamwright.app.ui.deploy;

import dev.streamwright.app.environments.ConfigValue;
import dev.streamwright.app.environments.EnvironmentException;
import dev.streamwright.app.environments.RemoteEnvironment;
import dev.streamwright.app.environments.RemoteEnvironmentBuilder;
import dev.streamwright.app.environments.SecretBox;
import dev.streamwright.app.environments.SecretField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * One environment as the Environments dialog edits it: every field as typed, the secret-bearing
 * values as rows, and the problems {@link RemoteEnvironmentBuilder} finds, each under the field it
 * names. Secrets typed here are sealed with the user's {@link SecretBox}, as {@code streamwright
 * env add} does, and never shown again: a stored one shows {@code (secret)}, a reference {@code
 * ${env:NAME}}. Confined to the FX thread except {@link Draft#build}.
 */
public final class EnvironmentForm {

  /** The form's fields, for problems shown next to them. */
  public enum Field {
    NAME,
    GATEWAY,
    REST,
    KAFKA,
    JARS,
    PARALLELISM,
    SAVEPOINT_DIR,
    VALUES,
    OTHER
  }

  /** One secret-bearing value: a Kafka property, HTTP header or client option. */
  public static final class ValueRow {
    private final ObjectProperty<SecretField> field;
    private final StringProperty key = new SimpleStringProperty(this, "key", "");
    private final StringProperty value = new SimpleStringProperty(this, "value", "");
    private final BooleanProperty secret = new SimpleBooleanProperty(this, "secret");
    private final ConfigValue.Stored stored;

    /** A new, empty row of this field. */
    public ValueRow(SecretField field) {
      this(field, "", null, null);
    }

    private ValueRow(SecretField f, String k, ConfigValue v, ConfigValue.Stored stored) {
      this.field = new SimpleObjectProperty<>(this, "field", f);
      this.key.set(k);
      this.stored = stored;
      if (v instanceof ConfigValue.Stored) {
        secret.set(true);
      } else if (v != null) {
        value.set(v.shown());
      }
    }

    /** Which field the value belongs to. */
    public ObjectProperty<SecretField> fieldProperty() {
      return field;
    }

    /** The key (property name, header name, option). */
    public StringProperty keyProperty() {
      return key;
    }

    /** The typed value: plain text, {@code ${env:NAME}}, or a new secret when {@link #secret}. */
    public StringProperty valueProperty() {
      return value;
    }

    /** Whether the value is stored encrypted (typed into a password field). */
    public BooleanProperty secretProperty() {
      return secret;
    }

    /** Whether a secret is already stored for this row: an empty value keeps it. */
    public boolean hasStoredSecret() {
      return stored != null;
    }
  }

  private final boolean existing;
  private final StringProperty name = new SimpleStringProperty(this, "name", "");
  private final StringProperty gateway = new SimpleStringProperty(this, "gateway", "");
  private final StringProperty rest = new SimpleStringProperty(this, "rest", "");
  private final StringProperty kafka = new SimpleStringProperty(this, "kafka", "");
  private final StringProperty jars = new SimpleStringProperty(this, "jars", "");
  private final StringProperty parallelism = new SimpleStringProperty(this, "parallelism", "0");
  private final StringProperty savepointDir = new SimpleStringProperty(this, "savepointDir", "");
  private final ObservableList<ValueRow> values = FXCollections.observableArrayList();
  private final ObservableMap<Field, String> problems =
      FXCollections.observableMap(new EnumMap<>(Field.class));

  private EnvironmentForm(boolean existing) {
    this.existing = existing;
  }

  /** An empty form for a new environment. */
  public static EnvironmentForm blank() {
    return new EnvironmentForm(false);
  }

  /** A form holding a stored environment's fields; its name cannot change. */
  public static EnvironmentForm of(RemoteEnvironment e) {
    EnvironmentForm f = new EnvironmentForm(true);
    f.name.set(e.name());
    f.gateway.set(e.gatewayUrl().toString());
    f.rest.set(e.restUrl().toString());
    f.kafka.set(e.kafkaBootstrapServers());
    f.jars.set(String.join("\n", e.jars()));
    f.parallelism.set(Integer.toString(e.parallelism()));
    f.savepointDir.set(e.savepointDir());
    for (SecretField field : SecretField.values()) {
      e.values(field)
          .forEach(
              (k, v) ->
                  f.values.add(
                      new ValueRow(field, k, v, v instanceof ConfigValue.Stored s ? s : null)));
    }
    return f;
  }

  /** Whether the form edits a stored environment (replaced on save) rather than adding one. */
  public boolean isExisting() {
    return existing;
  }

  public StringProperty nameProperty() {
    return name;
  }

  public StringProperty gatewayProperty() {
    return gateway;
  }

  public StringProperty restProperty() {
    return rest;
  }

  public StringProperty kafkaProperty() {
    return kafka;
  }

  /** The jars, one per line. */
  public StringProperty jarsProperty() {
    return jars;
  }

  public StringProperty parallelismProperty() {
    return parallelism;
  }

  public StringProperty savepointDirProperty() {
    return savepointDir;
  }

  /** The Kafka properties, headers and client options. */
  public ObservableList<ValueRow> values() {
    return values;
  }

  /** The problems of the last {@link #validate}, by the field they concern. */
  public ObservableMap<Field, String> problems() {
    return problems;
  }

  /**
   * Checks every field the way {@code env add} does and shows each problem under its field.
   *
   * @return what to save, or empty when something is wrong
   */
  public Optional<Draft> validate() {
    Map<Field, List<String>> found = new EnumMap<>(Field.class);
    Integer p = null;
    try {
      p = Integer.parseInt(parallelism.get().strip().isEmpty() ? "0" : parallelism.get().strip());
    } catch (NumberFormatException e) {
      add(
          found,
          Field.PARALLELISM,
          "Parallelism '"
              + parallelism.get()
              + "' is not a number: give 1 to 32768, or 0 for the"
              + " cluster's default.");
    }
    List<Draft.Value> rows = new ArrayList<>();
    for (ValueRow r : values) {
      SecretField f = r.field.get();
      String k = r.key.get() == null ? "" : r.key.get().strip();
      String v = r.value.get() == null ? "" : r.value.get();
      if (r.secret.get()) {
        if (v.isEmpty() && r.stored == null) {
          add(
              found,
              Field.VALUES,
              f.label()
                  + " '"
                  + k
                  + "' is marked secret but has no value: type it (it is stored encrypted and"
                  + " never shown again).");
        }
        rows.add(new Draft.Value(f, k, null, v.isEmpty() ? r.stored : null, v));
      } else {
        try {
          rows.add(new Draft.Value(f, k, ConfigValue.parse(v), null, null));
        } catch (EnvironmentException e) {
          add(found, Field.VALUES, f.label() + " '" + k + "': " + e.getMessage());
        }
      }
    }
    Draft draft =
        new Draft(
            existing,
            name.get(),
            gateway.get(),
            rest.get(),
            kafka.get(),
            jars.get().lines().map(String::strip).filter(s -> !s.isEmpty()).toList(),
            p == null ? 0 : p,
            savepointDir.get(),
            rows);
    try {
      draft.builder(null).build();
    } catch (EnvironmentException e) {
      for (String line : e.getMessage().split("\n")) {
        String t = line.strip();
        if (t.startsWith("- ")) {
          String problem = forStudio(t.substring(2));
          add(found, fieldOf(problem), problem);
        }
      }
    }
    problems.clear();
    found.forEach((f, list) -> problems.put(f, String.join("\n", list)));
    return problems.isEmpty() ? Optional.of(draft) : Optional.empty();
  }

  /** Shows a problem the workspace found on save (e.g. a taken name) under its field. */
  void showProblem(String message) {
    problems.put(message.contains("already") ? Field.NAME : Field.OTHER, message);
  }

  private static void add(Map<Field, List<String>> found, Field f, String problem) {
    found.computeIfAbsent(f, x -> new ArrayList<>()).add(problem);
  }

  /** The builder speaks of command-line options; the dialog has fields and a Secret box. */
  static String forStudio(String problem) {
    String p = problem.replaceAll("\\s*\\(--[a-z-]+\\)", "");
    int holds = p.indexOf(" holds a secret");
    if (holds > 0) {
      return p.substring(0, holds)
          + " holds a secret, which is never stored as plain text: tick Secret to store it"
          + " encrypted, or give ${env:NAME} to read it from an environment variable.";
    }
    return p.replace(
        "Give the Kafka brokers with --kafka,", "Give the Kafka brokers in Kafka brokers,");
  }

  /** Which field a problem of {@link RemoteEnvironmentBuilder#build} is about. */
  static Field fieldOf(String problem) {
    if (problem.startsWith("The SQL Gateway URL and the Flink REST URL")) {
      return Field.REST;
    }
    if (problem.startsWith("SQL Gateway URL")) {
      return Field.GATEWAY;
    }
    if (problem.startsWith("Flink REST URL")) {
      return Field.REST;
    }
    if (problem.startsWith("Kafka broker")) {
      return Field.KAFKA;
    }
    if (problem.startsWith("Jar ")) {
      return Field.JARS;
    }
    if (problem.startsWith("Parallelism")) {
      return Field.PARALLELISM;
    }
    if (problem.startsWith("Savepoint folder")) {
      return Field.SAVEPOINT_DIR;
    }
    if (problem.startsWith("An environment needs a name")
        || problem.startsWith("'embedded'")
        || problem.contains("is not a valid environment name")) {
      return Field.NAME;
    }
    for (SecretField f : SecretField.values()) {
      if (problem.startsWith(f.label() + " ") || problem.startsWith("Give the Kafka brokers")) {
        return Field.VALUES;
      }
    }
    return Field.OTHER;
  }

  /**
   * The form's content at one moment, free of FX properties, for the background thread that seals
   * its secrets and saves it.
   */
  public record Draft(
      boolean replace,
      String name,
      String gateway,
      String rest,
      String kafka,
      List<String> jars,
      int parallelism,
      String savepointDir,
      List<Value> values) {

    /**
     * One value: plain or reference ({@code value}), kept stored secret ({@code stored}), or a new
     * secret to seal ({@code secret}).
     */
    public record Value(
        SecretField field,
        String key,
        ConfigValue value,
        ConfigValue.Stored stored,
        String secret) {
      @Override
      public String toString() {
        return field + " " + key; // never the secret
      }
    }

    /**
     * The environment, its new secrets sealed with {@code box}; may write the key file.
     *
     * @throws EnvironmentException when a field is not valid
     */
    public RemoteEnvironment build(SecretBox box) {
      return builder(box).build();
    }

    private RemoteEnvironmentBuilder builder(SecretBox box) {
      RemoteEnvironmentBuilder b =
          RemoteEnvironment.builder(name)
              .gatewayUrl(gateway)
              .restUrl(rest)
              .kafkaBootstrapServers(kafka)
              .parallelism(parallelism)
              .savepointDir(savepointDir);
      jars.forEach(b::jar);
      for (Value v : values) {
        ConfigValue c;
        if (v.value() != null) {
          c = v.value();
        } else if (v.stored() != null) {
          c = v.stored();
        } else if (box == null) {
          c = new ConfigValue.Stored("pending");
        } else {
          c = box.seal(name.strip(), v.field(), v.key().strip(), v.secret());
        }
        b.put(v.field(), v.key(), c);
      }
      return b;
    }

    @Override
    public String toString() {
      return "Draft[" + name + "]";
    }
  }
}
