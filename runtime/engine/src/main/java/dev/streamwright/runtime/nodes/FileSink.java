package dev.streamwright.runtime.nodes;

import dev.streamwright.plugin.api.NodeCategory;
import dev.streamwright.plugin.api.NodeProperties;
import dev.streamwright.plugin.api.NodeState;
import dev.streamwright.plugin.api.PortSpec;
import dev.streamwright.plugin.api.PropertyKind;
import dev.streamwright.plugin.api.PropertySpec;
import dev.streamwright.plugin.api.RenderContext;
import dev.streamwright.plugin.api.Schema;
import dev.streamwright.plugin.api.SchemaContext;
import dev.streamwright.runtime.compile.DataFolder;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes its input as JSON lines into a folder with Flink's {@code filesystem} connector, e.g. an
 * offline feature table. Part files become visible only when a checkpoint completes, so the job
 * must run with checkpointing; the short default rollover makes files appear within seconds. A
 * folder starting with {@code ${data}} is written under the environment's data folder ({@link
 * DataFolder}). Times are written as fixed-width ISO-8601 text ({@link SinkColumns}).
 */
public final class FileSink extends BuiltinNodeType {

  /** The node type id. */
  public static final String ID = "file-sink";

  private static final String PATH = "path";
  private static final String FORMAT = "format";
  private static final String ROLLOVER = "rollover";

  /** Flink's default check interval of time-based rolling; a shorter rollover checks as often. */
  private static final Duration MAX_CHECK_INTERVAL = Duration.ofMinutes(1);

  public FileSink() {
    super(
        ID,
        "File",
        NodeCategory.SINK,
        "Writes the rows arriving here as JSON files into a folder.",
        List.of(PortSpec.appendOnlyInput(PortSpec.IN)),
        List.of(),
        List.of(
            PropertySpec.of(PATH, PropertyKind.PATH)
                .label("Folder")
                .example("/data/streamwright/hourly-spend")
                .required()
                .description(
                    "The folder to write into: ${data}/... for the data folder (the studio's"
                        + " <workspace>/data, the command line's <Streamwright data folder>/data),"
                        + " an absolute path, or a URI such as file:/// or s3://")
                .build(),
            PropertySpec.of(FORMAT, PropertyKind.ENUM)
                .label("Format")
                .choices("json")
                .defaultValue("json")
                .description("How rows are written")
                .build(),
            PropertySpec.of(ROLLOVER, PropertyKind.DURATION)
                .label("Roll files every")
                .defaultValue("10s")
                .description(
                    "Start a new part file after this long; files are committed on checkpoints")
                .build()));
  }

  /** The files it is writing: they are committed on checkpoints. */
  @Override
  public NodeState state(NodeProperties properties) {
    return NodeState.kept("files in progress (not yet committed)", PATH, FORMAT);
  }

  @Override
  public Map<String, Schema> deriveSchema(SchemaContext context) {
    Derivation d = new Derivation(context);
    String path = d.props().string(PATH, "").trim();
    if (path.isEmpty()) {
      d.error(PATH, "set the folder to write into, e.g. ${data}/features or /data/features");
    } else {
      DataFolder.Resolved folder =
          DataFolder.resolve(path, d.environment(DataFolder.ENVIRONMENT_KEY));
      if (!folder.ok()) {
        d.error(PATH, folder.problem());
      } else if (!folder.path().startsWith("/") && !folder.path().contains(":")) {
        d.warning(
            PATH,
            "'"
                + folder.path()
                + "' is relative, so it depends on the Flink process's working folder; write"
                + " ${data}/... for the data folder, an absolute path or a URI such as"
                + " file:///data/features");
      }
    }
    d.requiredDuration(ROLLOVER, "files need a rollover interval");
    Columns.checkDeclarable(d, d.input(PortSpec.IN));
    return Map.of();
  }

  @Override
  public void render(RenderContext context) {
    Duration rollover = Derivation.replay(context).duration(ROLLOVER);
    Duration check = rollover.compareTo(MAX_CHECK_INTERVAL) < 0 ? rollover : MAX_CHECK_INTERVAL;
    Schema input = context.input(PortSpec.IN);
    String table = context.table("");
    context.ddl(
        new TableDdl(table)
            .lines(SinkColumns.definitions(input, Set.of()))
            .option("connector", "filesystem")
            .option(
                "path",
                DataFolder.resolve(
                        context.properties().string(PATH),
                        context.environment(DataFolder.ENVIRONMENT_KEY))
                    .path())
            .option("format", context.properties().string(FORMAT, "json"))
            .option("sink.rolling-policy.rollover-interval", Intervals.option(rollover))
            .option("sink.rolling-policy.check-interval", Intervals.option(check))
            .options(SinkColumns.formatOptions(input, Set.of(), ""))
            .render());
    context.insert(table, SinkColumns.select(input, context.inputRelation(PortSpec.IN), Set.of()));
  }
}
