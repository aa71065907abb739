package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.Column;
import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.NodeProperties;
import dev.streamwright.plugin.api.NodeState;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.api.PropertyKind;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.plugin.api.RenderContext;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.SchemaContext;
import dev.streamwright.plugin.api.Sql;
import dev.streamwright.plugin.api.SqlTypes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Aggregates rows per key over tumbling, hopping or session windows with Flink's window
 * table-valued functions. A window emits each result once, when the watermark passes its end, so
 * the output stays append-only and can feed files and Kafka.
 *
 * <p>Sessions keyed by several columns use the older group-window form ({@code GROUP BY a, b,
 * SESSION(time, gap)}) instead: Flink 2.2 drops the brackets of {@code PARTITION BY (a, b)} when it
 * stores a view, and the stored {@code PARTITION BY a, b} then fails with "Column 'b' not found" as
 * soon as the view is read. Both forms give the same columns, types and time attribute.
 */
public final class WindowAggregate extends BuiltinNodeType {

  /** The node type id. */
  public static final String ID = "window-aggregate";

  /** The columns every window adds, in output order. */
  static final List<String> WINDOW_COLUMNS = List.of("window_start", "window_end", "window_time");

  private static final List<AggregateFunction> FUNCTIONS = List.of(AggregateFunction.values());
  private static final String WINDOW = "window";
  private static final String TIME = "time";
  private static final String SIZE = "size";
  private static final String SLIDE = "slide";
  private static final String GAP = "gap";
  private static final String KEYS = "keys";
  private static final String AGGREGATES = "aggregates";
  private static final String HAVING = "having";
  private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");
  private static final Pattern NAME =
      Pattern.compile("`((?:[^`]|``)+)`|\\b([A-Za-z_][A-Za-z0-9_]*)\\b(?!\\s*\\()");

  public WindowAggregate() {
    super(
        ID,
        "Window aggregate",
        NodeCategory.FEATURE,
        "Aggregates rows per key over tumbling, hopping or session windows.",
        List.of(PortSpec.appendOnlyInput(PortSpec.IN)),
        List.of(PortSpec.output(PortSpec.OUT)),
        List.of(
            PropertySpec.of(WINDOW, PropertyKind.ENUM)
                .label("Window")
                .choices("tumble", "hop", "session")
                .defaultValue("tumble")
                .description(
                    "tumble: fixed windows; hop: overlapping windows; session: windows closed by"
                        + " a gap in activity")
                .build(),
            PropertySpec.of(TIME, PropertyKind.ENUM)
                .label("Time")
                .choices("event", "processing")
                .defaultValue("event")
                .description("Window by the input's event time (watermark) or processing time")
                .build(),
            PropertySpec.of(SIZE, PropertyKind.DURATION)
                .label("Size")
                .description("Window length, for tumble and hop windows, e.g. 1min")
                .example("1min")
                .build(),
            PropertySpec.of(SLIDE, PropertyKind.DURATION)
                .label("Slide")
                .description("How often a hop window starts; the size must be a multiple of it")
                .example("30s")
                .build(),
            PropertySpec.of(GAP, PropertyKind.DURATION)
                .label("Gap")
                .description("Inactivity that closes a session window, e.g. 30min")
                .example("30min")
                .build(),
            PropertySpec.of(KEYS, PropertyKind.COLUMNS)
                .label("Group by")
                .description("Key columns; each key gets its own windows")
                .example(List.of("user_id"))
                .build(),
            PropertySpec.of(AGGREGATES, PropertyKind.LIST)
                .label("Aggregates")
                .fields(Aggregate.fieldSpecs(FUNCTIONS, "The output column name"))
                .description("The aggregates per key and window")
                .example(
                    List.of(
                        Map.of("function", "COUNT", "as", "clicks"),
                        Map.of("function", "COUNT_DISTINCT", "column", "page", "as", "pages")))
                .build(),
            PropertySpec.of(HAVING, PropertyKind.EXPRESSION)
                .label("Having")
                .description(
                    "Keeps only windows for which this holds; use aggregate calls, e.g."
                        + " COUNT(*) > 5 OR SUM(amount) > 1000")
                .example("COUNT(*) > 5")
                .build()));
  }

  @Override
  public Map<String, Object> exampleProperties() {
    return examplesOf(KEYS, SIZE, AGGREGATES);
  }

  /** What the properties say, as far as they could be read. */
  private record Plan(
      String window,
      Column time,
      boolean eventTime,
      Duration size,
      Duration slide,
      Duration gap,
      List<Column> keys,
      List<Aggregate> aggregates,
      String having) {}

  /**
   * Its open windows and their partial aggregates; the HAVING applies to finished windows and can
   * change.
   */
  @Override
  public NodeState state(NodeProperties properties) {
    return NodeState.kept(
        "open windows and their partial aggregates",
        WINDOW,
        TIME,
        SIZE,
        SLIDE,
        GAP,
        KEYS,
        AGGREGATES);
  }

  @Override
  public Map<String, Schema> deriveSchema(SchemaContext context) {
    Derivation d = new Derivation(context);
    Schema input = d.input(PortSpec.IN);
    Plan plan = plan(d, input);
    if (plan.having() != null) {
      String type = d.typeOf(plan.having(), input);
      if (!SqlTypes.isUnknown(type) && !SqlTypes.base(type).equals("BOOLEAN")) {
        d.error(
            HAVING, "the condition is " + type + ", not BOOLEAN; compare it, e.g. COUNT(*) > 5");
      }
    }
    if (plan.time() == null) {
      return d.out(null);
    }
    List<Column> columns = new ArrayList<>(plan.keys());
    columns.add(new Column("window_start", "TIMESTAMP(3)"));
    columns.add(new Column("window_end", "TIMESTAMP(3)"));
    columns.add(
        new Column("window_time", plan.eventTime() ? plan.time().type() : "TIMESTAMP_LTZ(3)"));
    plan.aggregates().forEach(a -> columns.add(a.output()));
    return d.out(
        new Schema(
            columns,
            plan.eventTime() ? "window_time" : null,
            plan.eventTime() ? null : "window_time",
            false));
  }

  @Override
  public void render(RenderContext context) {
    Plan plan = plan(Derivation.replay(context), context.input(PortSpec.IN));
    String input = context.inputRelation(PortSpec.IN);
    List<String> keys = plan.keys().stream().map(k -> Sql.identifier(k.name())).toList();
    List<String> items = new ArrayList<>(keys);
    List<String> groupBy = new ArrayList<>(keys);
    String from;
    if (plan.window().equals("session") && keys.size() > 1) {
      from = input;
      String args =
          "(" + Sql.identifier(plan.time().name()) + ", " + Intervals.sql(plan.gap()) + ")";
      String time = plan.eventTime() ? "SESSION_ROWTIME" : "SESSION_PROCTIME";
      List<String> functions = List.of("SESSION_START", "SESSION_END", time);
      for (int i = 0; i < WINDOW_COLUMNS.size(); i++) {
        items.add(functions.get(i) + args + " AS " + Sql.identifier(WINDOW_COLUMNS.get(i)));
      }
      groupBy.add("SESSION" + args);
    } else {
      from = "TABLE(" + windowCall(plan, input) + ")";
      for (String w : WINDOW_COLUMNS) {
        items.add(Sql.identifier(w));
        groupBy.add(Sql.identifier(w));
      }
    }
    plan.aggregates().forEach(a -> items.add(a.selectItem(null)));
    StringBuilder sql =
        new StringBuilder("SELECT\n  ")
            .append(String.join(",\n  ", items))
            .append("\nFROM ")
            .append(from)
            .append("\nGROUP BY ")
            .append(String.join(", ", groupBy));
    if (plan.having() != null) {
      sql.append("\nHAVING (").append(plan.having()).append(')');
    }
    context.view(PortSpec.OUT, sql.toString());
  }

  private static String windowCall(Plan plan, String input) {
    String descriptor = "DESCRIPTOR(" + Sql.identifier(plan.time().name()) + ")";
    return switch (plan.window()) {
      case "hop" ->
          "HOP(TABLE "
              + input
              + ", "
              + descriptor
              + ", "
              + Intervals.sql(plan.slide())
              + ", "
              + Intervals.sql(plan.size())
              + ")";
      case "session" ->
          "SESSION(TABLE "
              + input
              + (plan.keys().isEmpty()
                  ? ""
                  : " PARTITION BY " + Sql.identifier(plan.keys().get(0).name()))
              + ", "
              + descriptor
              + ", "
              + Intervals.sql(plan.gap())
              + ")";
      default ->
          "TUMBLE(TABLE " + input + ", " + descriptor + ", " + Intervals.sql(plan.size()) + ")";
    };
  }

  private static Plan plan(Derivation d, Schema input) {
    NodeProperties p = d.props();
    String window = p.string(WINDOW, "tumble");
    boolean eventTime = !"processing".equals(p.string(TIME, "event"));
    Column time = timeColumn(d, input, eventTime);
    for (String name : WINDOW_COLUMNS) {
      if (input.has(name)) {
        d.error(
            null,
            "the input already has a column '"
                + name
                + "' (from an upstream window), which would clash with this window's own; drop or"
                + " rename window_start, window_end and window_time in a project node first");
        break;
      }
    }
    Duration size = null;
    Duration slide = null;
    Duration gap = null;
    switch (window) {
      case "hop" -> {
        size = d.requiredDuration(SIZE, "hop windows need a size");
        slide = d.requiredDuration(SLIDE, "hop windows need a slide");
        if (size != null && slide != null && size.toMillis() % slide.toMillis() != 0) {
          d.error(
              SLIDE,
              "Flink needs the size ("
                  + p.string(SIZE)
                  + ") to be a whole multiple of the slide ("
                  + p.string(SLIDE)
                  + "); choose a slide that divides the size");
        }
        ignored(d, window, GAP);
      }
      case "session" -> {
        gap = d.requiredDuration(GAP, "session windows need a gap");
        ignored(d, window, SIZE, SLIDE);
      }
      case "tumble" -> {
        size = d.requiredDuration(SIZE, "tumble windows need a size");
        ignored(d, window, SLIDE, GAP);
      }
      default -> d.error(WINDOW, "'" + window + "' is not a window; use tumble, hop or session");
    }
    List<Column> keys = Columns.findAll(d, KEYS, input, "key");
    List<String> taken = new ArrayList<>(keys.stream().map(Column::name).toList());
    taken.addAll(WINDOW_COLUMNS);
    List<Aggregate> aggregates =
        Aggregate.read(d, AGGREGATES, "aggregate", FUNCTIONS, input, taken);
    String having = p.string(HAVING, "").trim();
    if (having.isEmpty() || !d.checkExpression(HAVING, having)) {
      having = null;
    } else {
      checkHavingNames(d, having, input, aggregates);
    }
    return new Plan(window, time, eventTime, size, slide, gap, keys, aggregates, having);
  }

  /**
   * Flink's HAVING sees the input's columns, not the output names, so {@code clicks > 5} fails in
   * the planner with "Column 'clicks' not found"; say so while the user types instead.
   */
  private static void checkHavingNames(
      Derivation d, String having, Schema input, List<Aggregate> aggregates) {
    Matcher m = NAME.matcher(STRING_LITERAL.matcher(having).replaceAll("''"));
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1).replace("``", "`") : m.group(2);
      if (input.has(name)) {
        continue;
      }
      for (Aggregate a : aggregates) {
        if (a.as().equalsIgnoreCase(name)) {
          d.error(
              HAVING,
              "'"
                  + a.as()
                  + "' is an output name, which HAVING cannot see; repeat the aggregate instead,"
                  + " e.g. "
                  + a.call()
                  + " in place of "
                  + a.as());
          return;
        }
      }
    }
  }

  private static Column timeColumn(Derivation d, Schema input, boolean eventTime) {
    String name = eventTime ? input.eventTime() : input.procTime();
    Column column = name == null ? null : input.column(name).orElse(null);
    if (column == null) {
      d.error(
          TIME,
          eventTime
              ? "event-time windows need an event-time column with a watermark, and the input has"
                  + " none; set eventTime on the upstream source, or choose time = processing"
              : "processing-time windows need a processing-time column, and the input has none;"
                  + " set procTime on the upstream source, or choose time = event");
    }
    return column;
  }

  private static void ignored(Derivation d, String window, String... properties) {
    for (String property : properties) {
      if (d.props().isSet(property)) {
        d.warning(property, "does not apply to " + window + " windows; it is ignored");
      }
    }
  }
}
