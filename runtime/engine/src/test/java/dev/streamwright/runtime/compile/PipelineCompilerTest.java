package dev.streamwright.runtime.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.streamwright.runtime.model.Edge;
import dev.streamwright.runtime.model.Node;
import dev.streamwright.runtime.model.Pipeline;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelineCompilerTest {

  private final PipelineCompiler compiler = new PipelineCompiler(TestNodeTypes.registry());

  private static Pipeline pipeline(List<Node> nodes, List<Edge> edges) {
    return new Pipeline("p", "P", "", 1, List.of(), nodes, edges);
  }

  private static Node node(String id, String type) {
    return Node.of(id, type, type.equals("pass") ? Map.of("label", "l-" + id) : Map.of());
  }

  private static Pipeline chain() {
    return pipeline(
        List.of(node("s", "src"), node("t", "pass"), node("k", "sink")),
        List.of(Edge.of("s", "t"), Edge.of("t", "k")));
  }

  private static List<String> errors(Compilation c) {
    return c.problems().stream().filter(Problem::isError).map(Problem::toString).toList();
  }

  @Test
  void validChainCompilesInTopologicalOrder() {
    Compilation c = compiler.compile(chain());
    assertThat(errors(c)).isEmpty();
    CompiledPipeline out = c.result().orElseThrow();
    assertThat(out.statements()).extracting(SqlStatement::nodeId).containsExactly("s", "t");
    assertThat(out.inserts())
        .extracting(SqlStatement::sql)
        .containsExactly("INSERT INTO `k`\nSELECT * FROM `t`");
    assertThat(c.schema("t", "out")).isPresent();
  }

  @Test
  void outputIsByteIdenticalWhateverTheNodeAndEdgeOrder() {
    String first = compiler.compile(chain()).result().orElseThrow().script();
    List<Node> nodes = new ArrayList<>(chain().nodes());
    Collections.reverse(nodes);
    List<Edge> edges = new ArrayList<>(chain().edges());
    Collections.reverse(edges);
    String second = compiler.compile(pipeline(nodes, edges)).result().orElseThrow().script();
    assertThat(second).isEqualTo(first);
  }

  @Test
  void unknownNodeTypeIsAnErrorOnThatNodeListingKnownTypes() {
    Pipeline p =
        pipeline(
            List.of(node("s", "src"), node("x", "nope"), node("k", "sink")),
            List.of(Edge.of("s", "x"), Edge.of("x", "k")));
    Compilation c = compiler.compile(p);
    assertThat(c.problemsOf("x"))
        .anySatisfy(
            pr -> assertThat(pr.message()).contains("unknown node type 'nope'").contains("pass"));
    assertThat(c.result()).isEmpty();
  }

  @Test
  void missingRequiredPropertyNamesTheProperty() {
    Pipeline p = chain().withNode(Node.of("t", "pass", Map.of()));
    Compilation c = compiler.compile(p);
    assertThat(c.problemsOf("t"))
        .anySatisfy(
            pr -> {
              assertThat(pr.property()).isEqualTo("label");
              assertThat(pr.message()).startsWith("is required");
            });
  }

  @Test
  void enumOutsideItsChoicesListsTheChoices() {
    Pipeline p = chain().withNode(Node.of("t", "pass", Map.of("label", "x", "mode", "c")));
    assertThat(compiler.compile(p).problemsOf("t"))
        .anySatisfy(
            pr ->
                assertThat(pr.toString())
                    .contains("property 'mode'")
                    .contains("choose one of a, b"));
  }

  @Test
  void badDurationExplainsTheAcceptedForm() {
    Pipeline p =
        chain().withNode(Node.of("t", "pass", Map.of("label", "x", "every", "ten seconds")));
    assertThat(compiler.compile(p).problemsOf("t"))
        .anySatisfy(pr -> assertThat(pr.message()).contains("not a duration").contains("10s"));
  }

  @Test
  void anUnknownPropertyIsAnErrorNamingTheClosestKnownOne() {
    Pipeline p = chain().withNode(Node.of("t", "pass", Map.of("label", "x", "moed", "b")));
    Compilation c = compiler.compile(p);
    assertThat(c.hasErrors()).isTrue();
    assertThat(c.problemsOf("t"))
        .singleElement()
        .satisfies(
            pr -> {
              assertThat(pr.severity()).isEqualTo(Problem.Severity.ERROR);
              assertThat(pr.property()).isEqualTo("moed");
              assertThat(pr.message()).isEqualTo("is not a property of pass; did you mean 'mode'?");
            });
  }

  @Test
  void anUnknownPropertyLikeNoKnownOneListsThemAll() {
    Pipeline p = chain().withNode(Node.of("t", "pass", Map.of("label", "x", "colour", "red")));
    assertThat(errors(compiler.compile(p)))
        .containsExactly(
            "error: node 't', property 'colour': is not a property of pass; remove it or use one"
                + " of: mode, label, every");
  }

  @Test
  void aMisspeltPropertyBesideTheRightOneSaysWhichToRemove() {
    Pipeline p = chain().withNode(Node.of("t", "pass", Map.of("label", "x", "lable", "y")));
    assertThat(errors(compiler.compile(p)))
        .containsExactly(
            "error: node 't', property 'lable': is not a property of pass; did you mean 'label'?"
                + " 'label' is set too: remove this one");
  }

  @Test
  void aMisspeltNodeTypeNamesTheClosestKnownType() {
    Pipeline p = chain().withNode(Node.of("t", "pas", Map.of("label", "x")));
    assertThat(compiler.compile(p).problemsOf("t"))
        .extracting(Problem::message)
        .anySatisfy(m -> assertThat(m).startsWith("unknown node type 'pas'; did you mean 'pass'?"));
  }

  @Test
  void duplicateNodeIdsAreAnError() {
    Pipeline p =
        pipeline(
            List.of(node("s", "src"), node("s", "src"), node("k", "sink")),
            List.of(Edge.of("s", "k")));
    assertThat(errors(compiler.compile(p))).anyMatch(e -> e.contains("used by another node"));
  }

  @Test
  void connectionFromAPortThatGivesNoRowsIsAnErrorOnTheReader() {
    Node source =
        Node.of(
            "tx",
            "kafka-source",
            Map.of(
                "topic",
                "transactions",
                "columns",
                List.of(Map.of("name", "user_id", "type", "STRING"))));
    Pipeline p =
        pipeline(
            List.of(source, Node.of("dlq", "print-sink", Map.of())),
            List.of(new Edge("tx", "malformed", "dlq", "in")));
    Compilation c = new PipelineCompiler(NodeTypeRegistry.load()).compile(p);
    assertThat(c.problemsOf("dlq"))
        .anySatisfy(
            pr ->
                assertThat(pr.message())
                    .contains("output 'malformed' of 'tx', which gives no rows")
                    .contains("Malformed records = dead-letter"));
    assertThat(c.result()).isEmpty();
  }

  @Test
  void anUnconnectedDeadLetterOutputIsAWarningOnlyWhenItGivesRows() {
    Node source =
        Node.of(
            "tx",
            "kafka-source",
            Map.of(
                "topic",
                "transactions",
                "columns",
                List.of(Map.of("name", "user_id", "type", "STRING"))));
    Pipeline failMode =
        pipeline(
            List.of(source, Node.of("out", "print-sink", Map.of())), List.of(Edge.of("tx", "out")));
    PipelineCompiler real = new PipelineCompiler(NodeTypeRegistry.load());
    assertThat(real.compile(failMode).problemsOf("tx")).isEmpty();

    Pipeline deadLetter = failMode.withNode(source.withProperty("onMalformed", "dead-letter"));
    assertThat(real.compile(deadLetter).problemsOf("tx"))
        .extracting(Problem::message)
        .containsExactly("output 'malformed' is not connected; its rows are dropped");
  }

  @Test
  void edgeToMissingNodeIsAnError() {
    Pipeline p = chain().withEdge(Edge.of("t", "ghost"));
    assertThat(errors(compiler.compile(p)))
        .anyMatch(e -> e.contains("'ghost', which does not exist"));
  }

  @Test
  void edgeToMissingPortNamesThePortsThatExist() {
    Pipeline p =
        pipeline(
            List.of(node("s", "src"), node("k", "sink")),
            List.of(new Edge("s", "out", "k", "in2")));
    assertThat(compiler.compile(p).problemsOf("k"))
        .anySatisfy(
            pr -> assertThat(pr.message()).contains("input port 'in2'").contains("its inputs: in"));
  }

  @Test
  void duplicateEdgeIsAnError() {
    Pipeline p = chain().withEdge(Edge.of("s", "t"));
    assertThat(errors(compiler.compile(p))).anyMatch(e -> e.contains("listed twice"));
  }

  @Test
  void twoEdgesIntoOnePortAreAnError() {
    Pipeline p = chain().withNode(node("s2", "src")).withEdge(Edge.of("s2", "t"));
    assertThat(compiler.compile(p).problemsOf("t"))
        .anySatisfy(pr -> assertThat(pr.message()).contains("has two edges"));
  }

  @Test
  void unconnectedInputPortIsAnError() {
    Pipeline p =
        pipeline(
            List.of(node("s", "src"), node("j", "join"), node("k", "sink")),
            List.of(new Edge("s", "out", "j", "left"), Edge.of("j", "k")));
    assertThat(compiler.compile(p).problemsOf("j"))
        .anySatisfy(pr -> assertThat(pr.message()).contains("'right' is not connected"));
  }

  @Test
  void cycleIsReportedOnEveryNodeOnIt() {
    Pipeline p =
        pipeline(
            List.of(node("s", "src"), node("j", "join"), node("t", "pass"), node("k", "sink")),
            List.of(
                new Edge("s", "out", "j", "left"),
                new Edge("t", "out", "j", "right"),
                Edge.of("j", "t"),
                Edge.of("t", "k")));
    Compilation c = compiler.compile(p);
    assertThat(c.problemsOf("j")).anySatisfy(pr -> assertThat(pr.message()).contains("cycle"));
    assertThat(c.problemsOf("t")).anySatisfy(pr -> assertThat(pr.message()).contains("cycle"));
    assertThat(c.result()).isEmpty();
  }

  @Test
  void changelogIntoAppendOnlyPortIsAPortTypeMismatch() {
    Pipeline p =
        pipeline(
            List.of(node("s", "src"), node("a", "agg"), node("k", "sink")),
            List.of(Edge.of("s", "a"), Edge.of("a", "k")));
    Compilation c = compiler.compile(p);
    assertThat(c.problemsOf("k"))
        .anySatisfy(
            pr ->
                assertThat(pr.message()).contains("append-only").contains("'a' produces updates"));
  }

  @Test
  void changelogIntoAcceptingSinkIsFine() {
    Pipeline p =
        pipeline(
            List.of(node("s", "src"), node("a", "agg"), node("k", "any-sink")),
            List.of(Edge.of("s", "a"), Edge.of("a", "k")));
    assertThat(compiler.compile(p).hasErrors()).isFalse();
  }

  @Test
  void pipelineWithoutSinkIsAnError() {
    Pipeline p = pipeline(List.of(node("s", "src")), List.of());
    assertThat(compiler.compile(p).problems())
        .anySatisfy(
            pr -> {
              assertThat(pr.nodeId()).isNull();
              assertThat(pr.message()).contains("no sink");
            });
  }

  @Test
  void invalidNodeIdIsAnError() {
    Pipeline p =
        pipeline(List.of(node("1 bad", "src"), node("k", "sink")), List.of(Edge.of("1 bad", "k")));
    assertThat(compiler.compile(p).problemsOf("1 bad"))
        .anySatisfy(pr -> assertThat(pr.message()).contains("must start with a letter"));
  }

  @Test
  void errorsDoNotCascadeDownstream() {
    Pipeline p = chain().withNode(Node.of("t", "pass", Map.of()));
    Compilation c = compiler.compile(p);
    assertThat(c.problemsOf("k")).isEmpty();
  }

  @Test
  void propertyValueCannotBreakOutOfALiteral() {
    Pipeline p = chain().withNode(Node.of("t", "pass", Map.of("label", "x'); DROP TABLE t; --")));
    String sql = compiler.compile(p).result().orElseThrow().script();
    assertThat(sql).contains("'x''); DROP TABLE t; --'");
  }

  @Test
  void fiveHundredNodeChainCompiles() {
    List<Node> nodes = new ArrayList<>();
    List<Edge> edges = new ArrayList<>();
    nodes.add(node("n0", "src"));
    for (int i = 1; i < 499; i++) {
      nodes.add(node("n" + i, "pass"));
      edges.add(Edge.of("n" + (i - 1), "n" + i));
    }
    nodes.add(node("sink", "sink"));
    edges.add(Edge.of("n498", "sink"));
    Compilation c = compiler.compile(pipeline(nodes, edges));
    assertThat(c.hasErrors()).isFalse();
    assertThat(c.result().orElseThrow().statements()).hasSize(499);
  }
}
