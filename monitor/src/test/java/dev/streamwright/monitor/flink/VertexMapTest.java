package dev.streamwright.monitor.flink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamwright.runtime.compile.CompiledPipeline;
import dev.streamwright.runtime.connectors.ConnectorTables;
import dev.streamwright.runtime.model.Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The node-to-vertex rules on the plan Flink 2.2 returned for the shop pipeline deployed with
 * parallelism 2 on the embedded runtime ({@code flink/shop-plan.json}, recorded): with parallelism
 * 2 the collect sinks and the file sink's terminal sink run in vertices of their own.
 */
class VertexMapTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode resource(String name) throws IOException {
    try (InputStream in = VertexMapTest.class.getResourceAsStream("/flink/" + name)) {
      return JSON.readTree(in);
    }
  }

  private static final Pipeline SHOP = TestJobs.shop(Path.of("/data/archive"));
  private static final CompiledPipeline COMPILED = TestJobs.compile(SHOP, "127.0.0.1:9092");

  /**
   * The recorded plan's vertices, by the first six digits of their ids:
   *
   * <pre>
   * e3dfc0  Source: clicks -> (StreamingFileWriter, Sink: printed)
   * 895cf9  end: Writer                          (the file sink's terminal sink)
   * 4081cf  Source: orders -> (Calc -> out: Writer/Committer, Calc -> LocalWindowAggregate)
   * 1f584a  GlobalWindowAggregate -> Calc -> ConstraintEnforcer -> upserts: Writer/Committer
   * 296385  Source: orders -> TableToDataStream  (preview raw)
   * 68c60a  Sink: Data stream collect sink       (preview raw)
   * 1171de  Source: orders -> Calc -> LocalWindowAggregate
   * c99251  GlobalWindowAggregate -> Calc -> ConstraintEnforcer -> TableToDataStream (totals)
   * d4b5b3  Sink: Data stream collect sink       (preview totals)
   * </pre>
   */
  @Test
  void mapsSourcesSinksPreviewsAndTransformsOfARecordedPlan() throws IOException {
    VertexMap map = VertexMap.of(SHOP, ConnectorTables.of(COMPILED), resource("shop-plan.json"));

    assertThat(shortIds(map))
        .containsExactlyInAnyOrderEntriesOf(
            Map.ofEntries(
                Map.entry("clicks", List.of("e3dfc0")),
                Map.entry("printed", List.of("e3dfc0")),
                Map.entry("archive", List.of("895cf9", "e3dfc0")),
                Map.entry("orders", List.of("1171de", "296385", "4081cf")),
                Map.entry("out", List.of("4081cf")),
                Map.entry("upserts", List.of("1f584a")),
                Map.entry("raw", List.of("296385", "68c60a")),
                Map.entry("totals", List.of("c99251", "d4b5b3")),
                // Transforms: on the paths from the orders scans to their sinks, without the
                // vertex that only collects the totals preview and the scan feeding raw only.
                Map.entry("big", List.of("1171de", "1f584a", "4081cf", "c99251")),
                Map.entry("tagged", List.of("1171de", "1f584a", "4081cf", "c99251")),
                Map.entry("per_user", List.of("1171de", "1f584a", "4081cf", "c99251"))));
    assertThat(map.shared("clicks")).isTrue();
    assertThat(map.shared("totals")).isTrue();
    assertThat(map.nodes("e3dfc0d7e9ecd8a43f85f0b68ebf3b80"))
        .containsExactlyInAnyOrder("clicks", "printed", "archive");
  }

  @Test
  void previewsStayUnmappedWhenTheCollectSinksDoNotMatchThePreviews() throws IOException {
    VertexMap map =
        VertexMap.of(
            SHOP,
            ConnectorTables.of(COMPILED),
            List.of("raw", "totals", "third"),
            resource("shop-plan.json"));

    assertThat(map.vertices("raw")).isEmpty();
    assertThat(map.vertices("totals")).isEmpty();
    assertThat(map.vertices("orders")).isNotEmpty();
  }

  @Test
  void aVertexOfOneNodeIsNotShared() throws IOException {
    VertexMap map = VertexMap.of(SHOP, ConnectorTables.of(COMPILED), resource("shop-plan.json"));
    Pipeline clicksOnly = SHOP.withoutNode("printed").withoutNode("archive");

    assertThat(map.shared("archive")).isTrue();
    VertexMap alone =
        VertexMap.of(clicksOnly, ConnectorTables.of(COMPILED), resource("shop-plan.json"));
    assertThat(alone.vertices("clicks")).hasSize(1);
    assertThat(alone.shared("clicks")).isFalse();
  }

  /**
   * A job deployed through the SQL Gateway to the dev cluster ({@code flink/remote-plan.json},
   * recorded): its preview runs as a print table named after the node, found by that name.
   */
  @Test
  void previewsOnAClusterArePrintTablesNamedAfterTheirNode() throws IOException {
    Pipeline numbers = RemoteJobCollectorIT.numbers();
    CompiledPipeline compiled = TestJobs.compile(numbers, "127.0.0.1:9092");
    VertexMap map =
        VertexMap.of(
            numbers,
            ConnectorTables.of(compiled),
            compiled.previewSinks(),
            resource("remote-plan.json"));

    assertThat(map.all())
        .isEqualTo(
            Map.of(
                "numbers", List.of("e3dfc0d7e9ecd8a43f85f0b68ebf3b80"),
                "big", List.of("e3dfc0d7e9ecd8a43f85f0b68ebf3b80"),
                "printed", List.of("e3dfc0d7e9ecd8a43f85f0b68ebf3b80"),
                "peek", List.of("e3dfc0d7e9ecd8a43f85f0b68ebf3b80")));
    assertThat(map.shared("peek")).isTrue();
  }

  @Test
  void anEmptyPlanMapsNothing() {
    VertexMap map =
        VertexMap.of(SHOP, ConnectorTables.of(COMPILED), JSON.createObjectNode().putObject("plan"));

    assertThat(map.all()).isEmpty();
    assertThat(map.vertices("orders")).isEmpty();
    assertThat(map.shared("orders")).isFalse();
  }

  private static Map<String, List<String>> shortIds(VertexMap map) {
    Map<String, List<String>> out = new java.util.TreeMap<>();
    map.all()
        .forEach((n, vs) -> out.put(n, vs.stream().map(v -> v.substring(0, 6)).sorted().toList()));
    return out;
  }

  @Test
  void previewsFollowTheCompilersOrder() {
    assertThat(VertexMap.previewOrder(SHOP)).isEqualTo(COMPILED.previewSinks());
    assertThat(COMPILED.previewSinks()).isEqualTo(List.of("raw", "totals"));
  }

  @Test
  void operatorsAreReadFromDescriptionLines() {
    assertThat(
            JobPlan.operator(
                "[3]:Sink(table=[default_catalog.default_database.printed], fields=[a])"))
        .isEqualTo(
            new JobPlan.Operator(
                "[3]:Sink(table=[default_catalog.default_database.printed], fields=[a])",
                JobPlan.Kind.SINK,
                java.util.Optional.of("printed"),
                3));
    assertThat(JobPlan.operator("upserts[12]: Writer").table()).contains("upserts");
    assertThat(JobPlan.operator("end: Writer").kind()).isEqualTo(JobPlan.Kind.FILE_SINK);
    assertThat(JobPlan.operator("Calc[4]").kind()).isEqualTo(JobPlan.Kind.OTHER);
  }
}
